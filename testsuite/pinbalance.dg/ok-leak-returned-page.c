/* The pinned page is returned to the caller. */
#include "pin-api.h"

struct page *pin_one_page(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page) != 1)
		return NULL;
	return page; /* { dg-bogus "leak" } */
}
