/*
 * As gup_test's verify_dma_pinned() and io_uring's buffer checks: the
 * pinned pages are looked at by functions of other files that declare
 * them read only (folio_nr_pages(), dump_page() take a 'const struct
 * folio *' or 'const struct page *'), which cannot drop a reference; a
 * folio that is too small then returns with every page still pinned.
 */
#include "driver-api.h"

unsigned long xacc_folio_nr_pages(const struct folio *folio);
void xacc_dump_page(const struct page *page, const char *reason);

int xacc_map_huge(unsigned long uaddr, int n, struct page **pages)
{
	int pinned, i;

	pinned = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages); /* { dg-message "here by 'pin_user_pages_fast'" } */
	if (pinned != n) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		return -EFAULT;
	}
	for (i = 0; i < n; i++) {
		if (xacc_folio_nr_pages(page_folio(pages[i])) < 2) {
			xacc_dump_page(pages[i], "not huge");
			return -EINVAL; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
		}
	}
	return 0;
}
