/* bio_alloc() (an inline over bio_alloc_bioset()) makes a bio this function owns, not a caller's (a bio_iov_iter_get_pages() site may take no reference, so only its double releases are reported). */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*bio_alloc.c: \[^\n\]*2 pin/get sites \\(0 untracked, 0 caller-owned: no leak check, 2 that may take no reference: no leak check\\)" } */
#include "driver-api.h"

bool dio_more_to_map(struct iov_iter *iter);

long dio_submit_nowait_twice(void *bdev, struct iov_iter *iter, unsigned short nr)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret)) {
		bio_endio(bio);
		return ret;
	}
	if (dio_more_to_map(iter)) {
		bio_release_pages(bio, false);
		bio_release_pages(bio, false); /* { dg-warning "released twice|double" } */
		bio_put(bio);
		return -11;
	}
	submit_bio(bio);
	return 0;
}

long dio_submit_nowait_ok(void *bdev, struct iov_iter *iter, unsigned short nr)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret)) {
		bio_endio(bio);
		return ret; /* { dg-bogus "leak" } */
	}
	if (dio_more_to_map(iter)) {
		bio_release_pages(bio, false);
		bio_put(bio);
		return -11; /* { dg-bogus "leak" } */
	}
	submit_bio(bio);
	return 0; /* { dg-bogus "leak" } */
}
