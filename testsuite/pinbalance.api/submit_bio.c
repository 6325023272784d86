/* submit_bio() hands the bio and the pages in it to the block layer, whose completion (bio->bi_end_io) releases them: an owner. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*submit_bio.c: \[^\n\]*handed over: 0 to functions of other files without a rule, 0 to functions of this file without a summary, 0 through function pointers, 0 to a call on the branch where it succeeded, 1 to owners" } */
#include "driver-api.h"

long dio_read_one(void *bdev, struct iov_iter *iter, unsigned short nr)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret))
		return ret;
	submit_bio(bio);
	return 0; /* { dg-bogus "leak" } */
}
