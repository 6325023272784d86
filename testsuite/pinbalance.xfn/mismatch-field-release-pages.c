/*
 * The setup function pins into buf->pages; the teardown, another function
 * of the file, drops what it loads from that field with release_pages():
 * pins released as get references (point 2).  Reported at the
 * release_pages() in the teardown.
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
	kvfree(buf->pages);
	buf->pages = NULL;
}
