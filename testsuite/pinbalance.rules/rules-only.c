/* rules-only= replaces the built-in rules: pin_user_pages_fast is unknown. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules-only=@srcdir@/mydrv-extra.rules" } */
#include "pin-api.h"

int drv_peek(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-bogus "released" } */
	return 0;
}
