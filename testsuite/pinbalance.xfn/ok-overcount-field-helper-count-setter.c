/*
 * The short pin's count is recorded by a setter of the same file given
 * the whole buffer ('vdma_buf_set_count(buf, pinned)', a borrower of its
 * pages, which writes another field): the count the teardown helper
 * reads may have been lowered by it.  Silent.
 */
#include "driver-api.h"

struct vdma_buf {
	struct page **pages;
	unsigned int nr_pages;
	unsigned long bytes;
	bool writable;
};

static void vdma_buf_unpin(struct vdma_buf *buf)
{
	unpin_user_pages_dirty_lock(buf->pages, buf->nr_pages, buf->writable);
	kvfree(buf->pages);
	buf->pages = NULL;
}

static void vdma_buf_set_count(struct vdma_buf *buf, int nr_pages)
{
	buf->nr_pages = nr_pages > 0 ? nr_pages : 0;
	buf->bytes = (unsigned long)buf->nr_pages << PAGE_SHIFT;
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

	vdma_buf_set_count(buf, pinned);
	vdma_buf_unpin(buf); /* { dg-bogus "overcount|leak|double" } */
	return pinned < 0 ? pinned : -EFAULT;
}
