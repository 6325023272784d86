/*
 * bio_set_flag() changes a flag of the bio, not its pages: block/blk-map.c
 * sets BIO_PAGE_PINNED where the iterator is pinned, and a driver may set
 * its own flags after the pages are in.
 */
#include "pin-api.h"
#include "driver-api.h"

#define BIO_QUIET 4

int dio_nowait(void *bdev, unsigned short nr, struct iov_iter *iter)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);

	if (bio_iov_iter_get_pages(bio, iter)) {
		bio_put(bio);
		return -EFAULT;
	}
	if (iov_iter_count(iter)) {
		bio_release_pages(bio, false);
		bio_set_flag(bio, BIO_QUIET);
		bio_put(bio); /* { dg-bogus "leak" } */
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0;
}

int dio_nowait_forgets(void *bdev, unsigned short nr, struct iov_iter *iter)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);

	if (bio_iov_iter_get_pages(bio, iter)) {
		bio_put(bio);
		return -EFAULT;
	}
	if (iov_iter_count(iter)) {
		bio_set_flag(bio, BIO_QUIET);
		bio_put(bio); /* { dg-warning "leak" } */
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0;
}
