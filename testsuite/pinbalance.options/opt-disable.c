/* -fplugin-arg-pinbalance-disable: the per-file opt-out checks nothing. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-disable" } */
#include "pin-api.h"

int drop(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-bogus "released" } */
	return 0;
}
