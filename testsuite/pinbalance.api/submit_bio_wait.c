/*
 * submit_bio_wait() returns when the I/O is done, with the pages still in
 * the bio: block/fops.c's __blkdev_direct_IO_simple() releases them after
 * it.  A borrower: the pages are the caller's to release.
 */
#include "pin-api.h"
#include "driver-api.h"

void bio_init(struct bio *bio, void *bdev, void *vecs, unsigned short nr);
void bio_uninit(struct bio *bio);

ssize_t dio_simple(void *bdev, void *vecs, unsigned short nr,
		   struct iov_iter *iter, bool should_dirty)
{
	struct bio bio;
	ssize_t ret;

	bio_init(&bio, bdev, vecs, nr);
	ret = bio_iov_iter_get_pages(&bio, iter);
	if (unlikely(ret))
		goto out;
	submit_bio_wait(&bio);
	bio_release_pages(&bio, should_dirty);
out:
	bio_uninit(&bio);
	return ret; /* { dg-bogus "leak" } */
}

ssize_t dio_simple_forgets(void *bdev, void *vecs, unsigned short nr,
			   struct iov_iter *iter)
{
	struct bio bio;
	ssize_t ret;

	bio_init(&bio, bdev, vecs, nr);
	ret = bio_iov_iter_get_pages(&bio, iter);
	if (unlikely(ret))
		goto out;
	ret = submit_bio_wait(&bio); /* { dg-warning "leak" } */
out:
	bio_uninit(&bio);
	return ret;
}
