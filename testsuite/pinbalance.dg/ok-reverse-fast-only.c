/* get_user_pages_fast_only() then put_page(). */
#include "pin-api.h"

bool try_peek(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast_only(uaddr, 1, 0, &page) != 1)
		return false;
	put_page(page); /* { dg-bogus "released with" } */
	return true;
}
