/* put_page() drops a FOLL_GET reference; on a pinned page it corrupts the pin count. */
#include "pin-api.h"

int gup_put_ok(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page);
	return 0;
}

int pin_put(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-warning "pinned page released with 'put_page'" } */
	return 0;
}
