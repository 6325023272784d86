/* unpin_user_page() on a single pinned page. */
#include "pin-api.h"

int ioreq_map(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	unpin_user_page(page); /* { dg-bogus "released with" } */
	return 0;
}
