/* The folio of a got page dropped with unpin_folio(). */
#include "pin-api.h"

int drop(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_unlocked(uaddr, 1, &page, 0) != 1)
		return -EFAULT;
	unpin_folio(page_folio(page)); /* { dg-warning "page reference from 'get_user_pages_unlocked' released with 'unpin_folio'" } */
	return 0;
}
