/* -fplugin-arg-pinbalance-error makes findings errors (enforcement). */
/* { dg-options "-O2 -fplugin-arg-pinbalance-error" } */
#include "pin-api.h"

int drop(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-error "pinned page released with 'put_page'" } */
	return 0;
}
