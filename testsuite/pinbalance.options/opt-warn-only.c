/* -fplugin-arg-pinbalance-warn-only keeps findings warnings under -Werror
   (the kernel passes it unless CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE), while
   other warnings are still promoted. */
/* { dg-options "-O2 -Werror -Wunused-variable -fplugin-arg-pinbalance-warn-only" } */
/* { dg-regexp "all warnings being treated as errors" } */
#include "pin-api.h"

int leaky(unsigned long uaddr, int n)
{
	struct page *pages[4];
	int unused; /* { dg-error "unused variable" } */

	if (pin_user_pages_fast(uaddr, n, 0, pages) <= 0)
		return -EFAULT;
	return 0; /* { dg-warning "leak of pages pinned" } */
}
