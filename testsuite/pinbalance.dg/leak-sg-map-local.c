/*
 * One function maps a user buffer for one DMA transfer: it gets
 * references on the pages, sets each into the device's scatterlist with
 * sg_set_page(), runs the transfer and drops the references from its
 * array.  The list only mapped the pages (the function releases them from
 * where it took them, on the way to success): when the transfer cannot
 * start, the early return leaks them.
 */
#include "driver-api.h"

struct xdma {
	struct scatterlist sg[16];
};

int xdma_run(struct xdma *dma, int nents);

int xdma_user_xfer(struct xdma *dma, unsigned long uaddr, int nr_pages)
{
	struct page *pages[16];
	int got, i, ret;

	if (nr_pages > 16)
		return -EINVAL;
	got = get_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, pages);
	if (got <= 0)
		return got ? got : -EFAULT;
	for (i = 0; i < got; i++)
		sg_set_page(&dma->sg[i], pages[i], PAGE_SIZE, 0);
	ret = xdma_run(dma, got);
	if (ret < 0)
		return ret; /* { dg-warning "leak of page references taken by 'get_user_pages_fast'\[^\n\]*\\\[pinbalance-leak\\\]" } */
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return got;
}
