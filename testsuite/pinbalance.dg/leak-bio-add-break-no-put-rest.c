/* The bio_map_user_iov() loop of Linux 6.1 block/blk-map.c with its
 * "release the pages we didn't map into the bio" loop gone: when
 * bio_add_hw_page() takes nothing, or the buffer is misaligned, the pages
 * not added stay referenced when the array is freed. */
#include "pin-api.h"

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define UIO_FASTIOV 8
#define LONG_MAX 0x7fffffffffffffffL

struct request_queue;
struct bio;
struct request { struct request_queue *q; };

size_t iov_iter_count(const struct iov_iter *i);
void iov_iter_revert(struct iov_iter *i, size_t bytes);
int bio_add_hw_page(struct request_queue *q, struct bio *bio,
		    struct page *page, unsigned int len, unsigned int offset,
		    unsigned int max_sectors, bool *same_page);
unsigned int queue_dma_alignment(struct request_queue *q);
void kvfree(const void *addr);
int blk_rq_append_bio(struct request *rq, struct bio *bio);

int bio_map_user_iov(struct request *rq, struct iov_iter *iter,
		     struct bio *bio, unsigned int nr_vecs)
{
	int ret;
	int j;

	while (iov_iter_count(iter)) {
		struct page **pages, *stack_pages[UIO_FASTIOV];
		ssize_t bytes;
		size_t offs;
		int npages;

		if (nr_vecs <= UIO_FASTIOV) {
			pages = stack_pages;
			bytes = iov_iter_get_pages2(iter, pages, LONG_MAX,
						    nr_vecs, &offs);
		} else {
			bytes = iov_iter_get_pages_alloc2(iter, &pages,
							  LONG_MAX, &offs);
		}
		if (unlikely(bytes <= 0)) {
			ret = bytes ? bytes : -EFAULT;
			goto out_unmap;
		}

		npages = DIV_ROUND_UP(offs + bytes, PAGE_SIZE);

		if (unlikely(offs & queue_dma_alignment(rq->q)))
			j = 0;
		else {
			for (j = 0; j < npages; j++) {
				struct page *page = pages[j];
				unsigned int n = PAGE_SIZE - offs;
				bool same_page = false;

				if (n > bytes)
					n = bytes;

				if (!bio_add_hw_page(rq->q, bio, page, n, offs,
						     1024, &same_page)) {
					if (same_page)
						put_page(page);
					break;
				}

				bytes -= n;
				offs = 0;
			}
		}
		if (pages != stack_pages)
			kvfree(pages); /* { dg-warning "leak of page references taken by .iov_iter_get_pages2." } */
		/* { dg-warning "leak of page references taken by .iov_iter_get_pages_alloc2." "" { target *-*-* } 74 } */
		/* couldn't stuff something into bio? */
		if (bytes) {
			iov_iter_revert(iter, bytes);
			break;
		}
	}

	ret = blk_rq_append_bio(rq, bio);
	if (ret)
		goto out_unmap;
	return 0;
out_unmap:
	return ret;
}
