/* unpin_folio() on the folio of a pinned page. */
#include "pin-api.h"

int drop_folio(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	unpin_folio(page_folio(page)); /* { dg-bogus "released with" } */
	return 0;
}
