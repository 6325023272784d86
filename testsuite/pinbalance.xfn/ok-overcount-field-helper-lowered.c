/*
 * A video DMA buffer that keeps its pages and their count in its struct,
 * as xdp_umem.c does: on a short pin the count is lowered to what was
 * pinned ('buf->nr_pages = pinned > 0 ? pinned : 0') before the teardown
 * helper, which unpins 'buf->nr_pages' pages, is called.  Silent.
 */
#include "driver-api.h"

struct vdma_buf {
	struct page **pages;
	unsigned int nr_pages;
	bool writable;
};

static void vdma_buf_unpin(struct vdma_buf *buf)
{
	unpin_user_pages_dirty_lock(buf->pages, buf->nr_pages, buf->writable);
	kvfree(buf->pages);
	buf->pages = NULL;
}

int vdma_buf_pin(struct vdma_buf *buf, unsigned long uaddr)
{
	int pinned;

	buf->pages = kvcalloc(buf->nr_pages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, buf->nr_pages,
				     buf->writable ? FOLL_WRITE : 0, buf->pages);
	if (pinned == buf->nr_pages)
		return 0;

	buf->nr_pages = pinned > 0 ? pinned : 0;
	vdma_buf_unpin(buf); /* { dg-bogus "overcount|leak|double" } */
	return pinned < 0 ? pinned : -EFAULT;
}
