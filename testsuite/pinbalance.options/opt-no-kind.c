/* -fplugin-arg-pinbalance-no-leak turns leaks off, and only them. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-no-leak" } */
#include "pin-api.h"

int leaky(unsigned long uaddr, int n)
{
	struct page *pages[4];

	if (pin_user_pages_fast(uaddr, n, 0, pages) <= 0)
		return -EFAULT;
	return 0; /* { dg-bogus "leak" } */
}

int drop(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-warning "pinned page released with 'put_page'.*\\\[pinbalance-mismatch\\\]" } */
	return 0;
}
