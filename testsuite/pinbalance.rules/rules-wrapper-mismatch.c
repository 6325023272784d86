/* A page from a driver's pin wrapper, seen through a derive rule, put. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/mydrv.rules" } */
#include "mydrv.h"

int mydrv_touch(unsigned long uaddr)
{
	struct page *pages[1];
	long got;

	got = mydrv_pin_buffer(uaddr, 1, pages);
	if (got != 1)
		return -EFAULT;
	put_page(mydrv_head_page(pages[0])); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'mydrv_pin_buffer' must be released with 'unpin_user_page'" } */
	return 0;
}
