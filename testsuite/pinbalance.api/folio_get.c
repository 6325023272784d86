/*
 * folio_get() takes a reference of its own: a helper that takes one and
 * drops it again does not release its caller's page, so a pinned page
 * passed to it is no mismatch (and the helper gets no release summary).
 */
#include "pin-api.h"

void xdev_touch(struct page *page);

static void xdev_end_io(struct folio *folio)
{
	folio_get(folio);
	xdev_touch(&folio->page);
	folio_put(folio);
}

int xdev_io(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	xdev_end_io(page_folio(page)); /* { dg-bogus "pinbalance" } */
	unpin_user_page(page);
	return 0;
}
