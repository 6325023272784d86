/*
 * block/fops.c's __blkdev_direct_IO_simple() accounts the bio's size
 * (task_io_account_write(bio.bi_iter.bi_size)) before it submits it: a
 * number read from the bio beside its pages, not one of them.  With the
 * release after submit_bio_wait() left out, the pages leak.
 */
#include "pin-api.h"
#include "driver-api.h"

void bio_init(struct bio *bio, void *bdev, void *vecs, unsigned short nr);
void bio_uninit(struct bio *bio);
void task_io_account_write(size_t bytes);

ssize_t dio_simple(void *bdev, void *vecs, unsigned short nr,
		   struct iov_iter *iter)
{
	struct bio bio;
	ssize_t ret;

	bio_init(&bio, bdev, vecs, nr);
	ret = bio_iov_iter_get_pages(&bio, iter);
	if (unlikely(ret))
		goto out;
	ret = bio.bi_vcnt;
	task_io_account_write(ret);
	submit_bio_wait(&bio); /* { dg-warning "leak" } */
out:
	bio_uninit(&bio);
	return ret;
}

ssize_t dio_simple_releases(void *bdev, void *vecs, unsigned short nr,
			    struct iov_iter *iter)
{
	struct bio bio;
	ssize_t ret;

	bio_init(&bio, bdev, vecs, nr);
	ret = bio_iov_iter_get_pages(&bio, iter);
	if (unlikely(ret))
		goto out;
	ret = bio.bi_vcnt;
	task_io_account_write(ret);
	submit_bio_wait(&bio);
	bio_release_pages(&bio, true);
out:
	bio_uninit(&bio);
	return ret; /* { dg-bogus "leak" } */
}
