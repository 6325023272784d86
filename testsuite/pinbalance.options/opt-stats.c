/* -fplugin-arg-pinbalance-stats counts what was checked and what was not. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*opt-stats.c: 3 functions, 2 analyzed, 2 pin/get sites \\(0 untracked, 1 caller-owned: no leak check, 0 that may take no reference: no leak check\\), 0 given up, 1 findings" } */
#include "pin-api.h"

int plain(int x) { return x + 1; }

int to_caller(unsigned long uaddr, int n, struct page **pages)
{
	return pin_user_pages_fast(uaddr, n, 0, pages);
}

int leaky(unsigned long uaddr, int n)
{
	struct page *pages[4];

	if (pin_user_pages_fast(uaddr, n, 0, pages) <= 0)
		return -EFAULT;
	return 0; /* { dg-warning "leak" } */
}
