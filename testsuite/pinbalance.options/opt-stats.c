/* -fplugin-arg-pinbalance-stats counts what was checked and what was not. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*opt-stats.c: 3 functions, 2 analyzed, 2 pin/get sites \\(0 untracked, 1 caller-owned: no leak check\\), 0 given up, 1 findings" } */
/* { dg-regexp "pinbalance: \[^\n\]*opt-stats.c: sites whose held pages were handed over: 0 to functions of other files without a rule, 0 to functions of this file without a summary, 0 through function pointers, 0 to a call on the branch where it succeeded, 0 to owners, 0 by stores, 0 returned, 0 to asm" } */
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
