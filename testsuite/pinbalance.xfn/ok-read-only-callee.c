/*
 * As leak-read-only-callee.c, right: the pages a read-only function of
 * another file looked at are unpinned before the error return.  A
 * function that takes them without 'const' (xacc_take()) may keep them:
 * handed over, silent.
 */
#include "driver-api.h"

unsigned long xacc_folio_nr_pages(const struct folio *folio);
void xacc_dump_page(const struct page *page, const char *reason);
void xacc_take(struct page **pages, int n);

int xacc_map_huge(unsigned long uaddr, int n, struct page **pages)
{
	int pinned, i;

	pinned = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned != n) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		return -EFAULT;
	}
	for (i = 0; i < n; i++) {
		if (xacc_folio_nr_pages(page_folio(pages[i])) < 2) {
			xacc_dump_page(pages[i], "not huge");
			unpin_user_pages(pages, n);
			return -EINVAL; /* { dg-bogus "leak" } */
		}
	}
	return 0;
}

int xacc_map_and_give(unsigned long uaddr, int n, struct page **pages)
{
	int pinned = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (pinned != n) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		return -EFAULT;
	}
	xacc_take(pages, n);
	return 0; /* { dg-bogus "leak" } */
}
