/*
 * A driver copying a user buffer page by page keeps the page of the
 * previous round in 'prev' and drops it once the next one is taken, so
 * that a record straddling the two pages can be read across them; the
 * last page is dropped after the loop.  The site's page is carried to
 * the next round through 'prev': silent (the site is not followed).
 */
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
			put_page(prev); /* { dg-bogus "double|leak|mismatch" } */
		}
		prev = page;
	}
	if (prev)
		put_page(prev); /* { dg-bogus "double|leak|mismatch" } */
	return i;
}
