/* -fplugin-arg-pinbalance-stats counts each caller-owned site once: a helper pinning into its parameter's array is checked at its error returns (it has none); one that stores the count for its caller is not checked, and counted apart from the rest. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*opt-stats-owned-unchecked.c: \[^\n\]*caller-owned sites: 0 in struct fields, 0 in wrappers checked at their callers, 1 in a parameter's memory checked at error returns, 1 unchecked with their count stored for the caller, 0 unchecked; \[^\n\]*" } */
#include "pin-api.h"

struct xfer {
	struct page **pages;
	long npages;
};

void xfer_pin_all(struct page **pages, unsigned long uaddr, int n)
{
	pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
}

void xfer_pin_told(struct xfer *x, struct page **pages, unsigned long uaddr, int n)
{
	x->npages = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
}
