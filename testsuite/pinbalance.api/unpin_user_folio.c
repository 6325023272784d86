/* unpin_user_folio() drops pins from one folio; on a FOLL_GET page's folio it is wrong. */
#include "pin-api.h"

int gup_folio_unpin_got(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	unpin_user_folio(page_folio(page), 1); /* { dg-warning "released with 'unpin_user_folio'" } */
	return 0;
}

int gup_folio_unpin_ok(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	unpin_user_folio(page_folio(page), 1);
	return 0;
}
