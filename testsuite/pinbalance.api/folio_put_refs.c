/* folio_put_refs() drops FOLL_GET references on a folio: wrong for pins. */
#include "pin-api.h"

int pin_folio_put_refs(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	folio_put_refs(page_folio(page), 1); /* { dg-warning "pinned page released with 'folio_put_refs'" } */
	return 0;
}
