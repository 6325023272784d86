/*
 * bio_get() takes a reference on the bio itself, not on its pages:
 * block/fops.c's __blkdev_direct_IO() grabs one to keep its dio around;
 * the pages are still the caller's to release or submit.
 */
#include "pin-api.h"
#include "driver-api.h"

void bio_get(struct bio *bio);

int dio_nowait(void *bdev, unsigned short nr, struct iov_iter *iter)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);

	if (bio_iov_iter_get_pages(bio, iter)) {
		bio_put(bio);
		return -EFAULT;
	}
	bio_get(bio);
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

	if (bio_iov_iter_get_pages(bio, iter)) {
		bio_put(bio);
		return -EFAULT;
	}
	bio_get(bio);
	if (iov_iter_count(iter)) {
		bio_put(bio); /* { dg-warning "leak" } */
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0;
}
