/* 'ignore' silences one function's body; -stats counts it. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/ignore.rules -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^ \]*rules-ignore.c: .* 1 findings, 1 bodies ignored by rules" } */
/* { dg-regexp "pinbalance: ignore rule \[^ \]*ignore.rules:2: 'selftest_put_pinned' not checked in 1 body" } */
#include "pin-api.h"

int selftest_put_pinned(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-bogus "released" "ignored by rule" } */
	return 0;
}

int driver_put_pinned(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-warning "pinned page released with 'put_page'" } */
	return 0;
}
