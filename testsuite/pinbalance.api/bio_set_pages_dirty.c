/*
 * bio_set_pages_dirty() (block/bio.c) dirties the pages of a bio before a
 * read: it reads them and keeps none, so the bio's pages are still the
 * caller's to submit or release.
 */
#include "pin-api.h"
#include "driver-api.h"

int dio_read(void *bdev, unsigned short nr, struct iov_iter *iter, bool nowait,
	     size_t left)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret)) {
		bio_put(bio);
		return ret;
	}
	bio_set_pages_dirty(bio);
	if (nowait && left) {
		bio_release_pages(bio, false);
		bio_put(bio);
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0; /* { dg-bogus "leak" } */
}

int dio_read_nowait_forgets(void *bdev, unsigned short nr,
			    struct iov_iter *iter, bool nowait, size_t left)
{
	struct bio *bio = bio_alloc(bdev, nr, 0, GFP_KERNEL);
	int ret;

	ret = bio_iov_iter_get_pages(bio, iter);
	if (unlikely(ret)) {
		bio_put(bio);
		return ret;
	}
	bio_set_pages_dirty(bio);
	if (nowait && left) {
		bio_put(bio); /* { dg-warning "leak" } */
		return -EAGAIN;
	}
	submit_bio(bio);
	return 0;
}
