/*
 * The struct-field mismatch of pinbalance.xfn/mismatch-field-release-pages.c
 * (pins kept in buf->pages, dropped with release_pages() by the teardown)
 * carries its fix-it too, and the patch makes the file silent.
 */
#include "driver-api.h"

struct fpga_dma_buf {
	unsigned long uaddr;
	struct page **pages;
	int npages;
};

int fpga_dma_buf_pin(struct fpga_dma_buf *buf, unsigned long uaddr, size_t len)
{
	int npages = PFN_UP(offset_in_page(uaddr) + len);
	int pinned;

	buf->pages = kvcalloc(npages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr & PAGE_MASK, npages,
				     FOLL_WRITE | FOLL_LONGTERM, buf->pages);
	if (pinned != npages) {
		if (pinned > 0)
			unpin_user_pages(buf->pages, pinned);
		kvfree(buf->pages);
		buf->pages = NULL;
		return pinned < 0 ? pinned : -EFAULT;
	}
	buf->uaddr = uaddr;
	buf->npages = npages;
	return 0;
}

void fpga_dma_buf_unpin(struct fpga_dma_buf *buf)
{
	release_pages(buf->pages, buf->npages); /* { dg-warning "pinned page released with 'release_pages'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_pages' \\\[pinbalance-mismatch\\\]" } */
	/* { dg-regexp "fix-it:\"\[^\"\]*fixit-field-teardown.c\":.38:2-38:15.:\"unpin_user_pages\"" } */
	kvfree(buf->pages);
	buf->pages = NULL;
}
