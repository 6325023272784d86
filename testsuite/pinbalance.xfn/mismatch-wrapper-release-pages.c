/*
 * A helper pins into its caller's array (an acquire of pins for the
 * caller, points 1 and 4); the caller, thinking it took references,
 * drops them with release_pages(): a mismatch at the release_pages().
 */
#include "driver-api.h"

struct vb2_dc_buf {
	struct device *dev;
	unsigned long vaddr;
	size_t size;
	enum dma_data_direction dma_dir;
};

static int vb2_dc_pin_user(struct vb2_dc_buf *buf, int n_pages, struct page **pages)
{
	unsigned int flags = FOLL_LONGTERM;

	if (buf->dma_dir != DMA_TO_DEVICE)
		flags |= FOLL_WRITE;
	return pin_user_pages_fast(buf->vaddr & PAGE_MASK, n_pages, flags, pages);
}

int vb2_dc_check_user(struct vb2_dc_buf *buf)
{
	int n_pages = PFN_UP(offset_in_page(buf->vaddr) + buf->size);
	struct page **pages;
	int got, ret = 0;

	pages = kvcalloc(n_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = vb2_dc_pin_user(buf, n_pages, pages);
	if (got < 0) {
		ret = got;
		goto out_free;
	}
	if (got != n_pages)
		ret = -EFAULT;
	if (got > 0)
		release_pages(pages, got); /* { dg-warning "pinned page released with 'release_pages'; pages pinned by \[^\n\]*\\\[pinbalance-mismatch\\\]" } */
out_free:
	kvfree(pages);
	return ret;
}
