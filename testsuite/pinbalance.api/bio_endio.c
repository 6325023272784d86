/* bio_endio() ends the bio: its completion (bio->bi_end_io) releases the pages in it, as after submit_bio(); the error path of a multi-bio direct I/O ends the bio it could not fill.  Both are owners. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*bio_endio.c: \[^\n\]*handed over: 0 to functions of other files without a rule, 0 to functions of this file without a summary, 0 through function pointers, 0 to a call on the branch where it succeeded, 1 to owners" } */
#include "driver-api.h"

bool dio_is_read(struct iov_iter *iter);

long dio_loop(void *bdev, struct iov_iter *iter, unsigned short nr, int nbios)
{
	int ret = 0;

	while (nbios--) {
		struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);

		ret = bio_iov_iter_get_pages(bio, iter);
		if (unlikely(ret)) {
			bio->bi_flags |= 1;
			bio_endio(bio);
			break;
		}
		submit_bio(bio);
	}
	return ret; /* { dg-bogus "leak" } */
}
