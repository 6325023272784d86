/* folio_put() on the folio of a got page. */
#include "pin-api.h"

int drop(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	folio_put(page_folio(page)); /* { dg-bogus "released with" } */
	return 0;
}
