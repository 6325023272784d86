/* -fplugin-arg-pinbalance-stats counts a site whose page a loop carries to its next round (the previous page dropped once the next one is taken) apart: it is followed, not untracked. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*opt-stats-loop-carried.c: \[^\n\]*2 pin/get sites \\(0 untracked, \[^\n\]*; sites whose page a loop carries to its next round: 1, followed; \[^\n\]*" } */
#include "driver-api.h"

void xdev_parse(const void *a, const void *b);

int xdev_scan_user(unsigned long uaddr, int npages)
{
	struct page *prev = NULL;
	int i;

	for (i = 0; i < npages; i++) {
		struct page *page;

		if (get_user_pages_fast(uaddr + i * PAGE_SIZE, 1, 0, &page) != 1)
			break;
		if (prev) {
			xdev_parse(page_address(prev), page_address(page));
			put_page(prev);
		}
		prev = page;
	}
	if (prev)
		put_page(prev);
	return i;
}

int xdev_read_user(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	xdev_parse(page_address(page), NULL);
	put_page(page);
	return 0;
}
