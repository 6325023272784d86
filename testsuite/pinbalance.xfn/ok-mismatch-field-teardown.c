/* The buffer's pages are pinned in setup and unpinned in teardown. */
#include "pin-api.h"

struct xbuf {
	unsigned long uaddr;
	struct page **pages;
	int npages;
};

int xbuf_pin(struct xbuf *buf, unsigned long uaddr, int npages)
{
	int pinned;

	buf->pages = kvmalloc_array(npages, sizeof(struct page *), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, buf->pages);
	if (pinned < 0) {
		kvfree(buf->pages);
		return pinned;
	}
	buf->npages = pinned;
	buf->uaddr = uaddr;
	return 0;
}

void xbuf_teardown(struct xbuf *buf, bool dirty)
{
	unpin_user_pages_dirty_lock(buf->pages, buf->npages, dirty);
	kvfree(buf->pages);
	buf->pages = NULL;
}
