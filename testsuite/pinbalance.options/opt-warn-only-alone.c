/* With warn-only and -Werror, a file whose only warnings are findings
   compiles: the finding is a warning and nothing is promoted. */
/* { dg-options "-O2 -Werror -fplugin-arg-pinbalance-warn-only" } */
#include "pin-api.h"

int drop(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-warning "pinned page released with 'put_page'" } */
	return 0;
}
