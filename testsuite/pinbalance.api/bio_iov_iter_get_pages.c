/* bio_iov_iter_get_pages() puts the pages in the bio; releasing the bio's pages twice is a double release. */
#include "pin-api.h"

int blkdev_dio_twice(struct bio *bio, struct iov_iter *iter)
{
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret))
		return ret;
	if (device_busy()) {
		__bio_release_pages(bio, false);
		__bio_release_pages(bio, false); /* { dg-warning "released twice|double" } */
		return -16;
	}
	submit_bio(bio);
	return 0;
}

int blkdev_dio_ok(struct bio *bio, struct iov_iter *iter)
{
	int ret = bio_iov_iter_get_pages(bio, iter);

	if (unlikely(ret))
		return ret;	/* nothing was taken */
	if (device_busy()) {
		__bio_release_pages(bio, false);
		return -16;
	}
	submit_bio(bio);
	return 0;
}
