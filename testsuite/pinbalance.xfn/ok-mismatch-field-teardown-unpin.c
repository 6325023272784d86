/*
 * The setup function pins into buf->pages; the teardown, another function
 * of the file, unpins what it loads from that field (point 2): the right
 * kind.
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
	unpin_user_pages_dirty_lock(buf->pages, buf->npages, true); /* { dg-bogus "released with" } */
	kvfree(buf->pages);
	buf->pages = NULL;
}
