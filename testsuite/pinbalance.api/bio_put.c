/*
 * bio_put() frees a bio with its last reference and releases none of its
 * pages: block/fops.c's __blkdev_direct_IO() releases them first on its
 * IOCB_NOWAIT retry path.
 */
#include "pin-api.h"
#include "driver-api.h"

int dio_nowait(void *bdev, unsigned short nr, struct iov_iter *iter)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret)) {
		bio_put(bio);
		return ret;
	}
	if (iov_iter_count(iter)) {
		bio_release_pages(bio, false);
		bio_put(bio); /* { dg-bogus "leak" } */
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0;
}

int dio_nowait_forgets(void *bdev, unsigned short nr, struct iov_iter *iter)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret)) {
		bio_put(bio);
		return ret;
	}
	if (iov_iter_count(iter)) {
		bio_put(bio); /* { dg-warning "leak" } */
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0;
}
