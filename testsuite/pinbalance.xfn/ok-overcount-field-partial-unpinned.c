/*
 * A capture buffer records the number of pages it asks for before it
 * looks at what the pin returned, as many drivers write it; a partial pin
 * is unpinned there and the setup fails, so the teardown's count, that
 * field, is the number pinned whenever pages are left in the buffer.
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
	buf->nr_pages = nr_pages;
	if (pinned != nr_pages) {
		if (pinned > 0)
			unpin_user_pages(buf->pages, pinned);
		kvfree(buf->pages);
		buf->pages = NULL;
		buf->nr_pages = 0;
		return pinned < 0 ? pinned : -EFAULT;
	}
	buf->uaddr = uaddr;
	return 0;
}

void cap_buf_unpin(struct cap_buf *buf)
{
	unpin_user_pages(buf->pages, buf->nr_pages); /* { dg-bogus "pinbalance" } */
	kvfree(buf->pages);
	buf->pages = NULL;
	buf->nr_pages = 0;
}
