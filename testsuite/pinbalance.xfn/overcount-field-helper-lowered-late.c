/*
 * The buffer of ok-overcount-field-helper-lowered.c, its count lowered
 * only after the teardown helper ran: the helper has already unpinned
 * 'buf->nr_pages' pages, the number requested, where fewer were pinned.
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
	if (pinned < 0) {
		kvfree(buf->pages);
		buf->pages = NULL;
		return pinned;
	}
	if (pinned != buf->nr_pages) {
		vdma_buf_unpin(buf); /* { dg-warning "'vdma_buf_unpin' may release more pages than 'pin_user_pages_fast' took: it releases the count in 'nr_pages'" } */
		buf->nr_pages = 0;
		return -EFAULT;
	}
	return 0;
}
