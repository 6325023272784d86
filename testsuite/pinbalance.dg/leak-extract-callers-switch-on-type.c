/*
 * A driver's transfer, dispatched as lib/scatterlist.c's
 * extract_iter_to_sg() does: 'switch (iov_iter_type())' sends user-backed
 * iterators to a static helper.  Called only under 'case ITER_UBUF: case
 * ITER_IOVEC:', the helper's extraction pins, and the error path that
 * returns when mapping fails leaks the pins.
 */
#include "pin-api.h"
#include "driver-api.h"

struct xfer {
	unsigned long dma_addr;
	unsigned int nr_pages;
};

int xfer_map_pages(struct xfer *x, struct page **pages, unsigned int n);
void xfer_unpin_on_completion(struct xfer *x, struct page **pages,
			      unsigned int n);

static ssize_t xfer_extract_user(struct xfer *x, struct iov_iter *iter,
				 size_t maxsize)
{
	struct page *pagevec[16], **pages = pagevec;
	unsigned int npages;
	ssize_t res;
	size_t off;
	int ret;

	res = iov_iter_extract_pages(iter, &pages, maxsize, 16, 0, &off);
	if (res <= 0)
		return res ?: -EIO;
	npages = DIV_ROUND_UP(off + res, PAGE_SIZE);
	ret = xfer_map_pages(x, pages, npages);
	if (ret)
		return ret; /* { dg-warning "leak of pages pinned" } */
	xfer_unpin_on_completion(x, pages, npages);
	x->nr_pages = npages;
	return res;
}

ssize_t xfer_extract_kernel(struct xfer *x, struct iov_iter *iter,
			    size_t maxsize);

ssize_t xfer_extract(struct xfer *x, struct iov_iter *iter, size_t maxsize)
{
	switch (iov_iter_type(iter)) {
	case ITER_UBUF:
	case ITER_IOVEC:
		return xfer_extract_user(x, iter, maxsize);
	case ITER_KVEC:
	case ITER_BVEC:
		return xfer_extract_kernel(x, iter, maxsize);
	default:
		return -EIO;
	}
}
