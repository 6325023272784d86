/* folio_put() on the folio of a pinned page. */
#include "pin-api.h"

int drop_folio(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	folio = page_folio(page);
	folio_put(folio); /* { dg-warning "pinned page released with 'folio_put'" } */
	return 0;
}
