/*
 * The buffer's teardown helper is given the count to unpin
 * ('release vdma_buf_unpin ... count=arg2'): on a short pin the driver
 * passes what pin_user_pages_fast() returned, and the count kept in the
 * struct, still the number requested, is not what is released.  Silent.
 */
#include "driver-api.h"

struct vdma_buf {
	struct page **pages;
	unsigned int nr_pages;
	bool writable;
};

static void vdma_buf_unpin(struct vdma_buf *buf, unsigned int nr_pages)
{
	unpin_user_pages_dirty_lock(buf->pages, nr_pages, buf->writable);
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
	if (pinned < 0) {
		kvfree(buf->pages);
		buf->pages = NULL;
		return pinned;
	}
	if (pinned != buf->nr_pages) {
		vdma_buf_unpin(buf, pinned); /* { dg-bogus "overcount|leak|double" } */
		return -EFAULT;
	}
	return 0;
}

void vdma_buf_release(struct vdma_buf *buf)
{
	vdma_buf_unpin(buf, buf->nr_pages);
}
