/*
 * bio_clear_flag() changes a flag of the bio, not its pages: block/fops.c's
 * __blkdev_direct_IO() clears BIO_REFFED before the bio_put() of its
 * IOCB_NOWAIT retry path, after it released the pages.
 */
#include "pin-api.h"
#include "driver-api.h"

#define BIO_REFFED 3

static inline void bio_clear_flag(struct bio *bio, unsigned int bit)
{
	bio->bi_flags &= ~(1u << bit);
}

int dio_nowait(void *bdev, unsigned short nr, struct iov_iter *iter)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);

	if (bio_iov_iter_get_pages(bio, iter)) {
		bio_put(bio);
		return -EFAULT;
	}
	if (iov_iter_count(iter)) {
		bio_release_pages(bio, false);
		bio_clear_flag(bio, BIO_REFFED);
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
		bio_clear_flag(bio, BIO_REFFED);
		bio_put(bio); /* { dg-warning "leak" } */
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0;
}
