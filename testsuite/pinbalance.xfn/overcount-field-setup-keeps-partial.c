/*
 * The capture buffer of ok-overcount-field-partial-unpinned.c, with the
 * setup failing only when nothing was pinned: a partial pin stays in
 * 'buf->pages' while 'buf->nr_pages' says how many were asked for, and
 * the teardown unpins that many.
 */
#include "driver-api.h"

struct cap_buf {
	struct page **pages;
	unsigned int nr_pages;
	unsigned long uaddr;
};

int cap_buf_pin(struct cap_buf *buf, unsigned long uaddr, size_t size)
{
	unsigned int nr_pages = PFN_UP(offset_in_page(uaddr) + size);
	int pinned;

	buf->pages = kvcalloc(nr_pages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr & PAGE_MASK, nr_pages,
				     FOLL_WRITE | FOLL_LONGTERM, buf->pages);
	if (pinned <= 0) {
		kvfree(buf->pages);
		buf->pages = NULL;
		return pinned < 0 ? pinned : -EFAULT;
	}
	buf->nr_pages = nr_pages;
	buf->uaddr = uaddr;
	return 0;
}

void cap_buf_unpin(struct cap_buf *buf)
{
	unpin_user_pages(buf->pages, buf->nr_pages); /* { dg-warning "'unpin_user_pages' may release more pages than 'pin_user_pages_fast' took; store the number it returned in 'cap_buf.nr_pages' \\\[pinbalance-overcount\\\]" } */
	kvfree(buf->pages);
	buf->pages = NULL;
	buf->nr_pages = 0;
}
