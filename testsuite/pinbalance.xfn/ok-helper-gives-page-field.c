/*
 * A helper that hands a field of the page to code that may keep the page
 * ('&folio->page' given to a function of another file that queues it, as
 * a page pool links '&page->lru') is no borrower: only an argument the
 * callee declares read only would be.  The caller that got the page and
 * gave it to the helper has handed it over, silently.
 */
#include "driver-api.h"

void cam_pool_queue(struct page *page);

static void cam_queue_folio(struct folio *folio)
{
	cam_pool_queue(&folio->page);
}

int cam_grab_page(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	cam_queue_folio(page_folio(page));
	return 0; /* { dg-bogus "leak" } */
}
