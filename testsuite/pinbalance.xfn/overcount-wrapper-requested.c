/*
 * A helper pins into its caller's array and returns the number pinned (an
 * acquire for the caller, points 1 and 4).  The caller checks only for an
 * error and then unpins the requested count: an overcount at the unpin.
 */
#include "driver-api.h"

static long xdp_umem_pin_range(unsigned long addr, unsigned int npgs,
			       struct page **pgs)
{
	return pin_user_pages(addr, npgs, FOLL_WRITE | FOLL_LONGTERM, pgs);
}

int xdp_umem_check_range(unsigned long addr, unsigned int npgs)
{
	struct page **pgs;
	long pinned, i;

	pgs = kvcalloc(npgs, sizeof(*pgs), GFP_KERNEL);
	if (!pgs)
		return -ENOMEM;
	pinned = xdp_umem_pin_range(addr, npgs, pgs);
	if (pinned < 0) {
		kvfree(pgs);
		return pinned;
	}
	for (i = 0; i < pinned; i++)
		flush_dcache_page(pgs[i]);
	unpin_user_pages(pgs, npgs); /* { dg-warning "'unpin_user_pages' may release more pages than \[^\n\]*\\\[pinbalance-overcount\\\]" } */
	kvfree(pgs);
	return 0;
}
