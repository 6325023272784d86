/* folio_put() drops a FOLL_GET reference on a folio. */
#include "pin-api.h"

int gup_folio_put(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	folio_put(page_folio(page));
	folio_put(page_folio(page)); /* { dg-warning "released twice|double" } */
	return 0;
}
