/*
 * bio_uninit() tears down what a bio on the stack has besides its pages
 * (block/bio.c): block/fops.c's __blkdev_direct_IO_simple() calls it on
 * every path, after it released the pages, or when it took none.
 */
#include "pin-api.h"
#include "driver-api.h"

void bio_init(struct bio *bio, void *bdev, void *vecs, unsigned short nr);
void bio_uninit(struct bio *bio);

ssize_t dio_sync(void *bdev, void *vecs, unsigned short nr,
		 struct iov_iter *iter)
{
	struct bio bio;
	ssize_t ret;

	bio_init(&bio, bdev, vecs, nr);
	ret = bio_iov_iter_get_pages(&bio, iter);
	if (!ret) {
		ret = submit_bio_wait(&bio);
		bio_release_pages(&bio, false);
	}
	bio_uninit(&bio);
	return ret; /* { dg-bogus "leak" } */
}

ssize_t dio_sync_forgets(void *bdev, void *vecs, unsigned short nr,
			 struct iov_iter *iter)
{
	struct bio bio;
	ssize_t ret;

	bio_init(&bio, bdev, vecs, nr);
	ret = bio_iov_iter_get_pages(&bio, iter);
	if (!ret)
		ret = submit_bio_wait(&bio); /* { dg-warning "leak" } */
	bio_uninit(&bio);
	return ret;
}
