/*
 * A driver pinning user memory for a long-lived DMA mapping checks each
 * page first, as gup_test's verify_dma_pinned() does through
 * folio_is_longterm_pinnable(): the page's pfn, which folio_pfn() computes
 * as its place in the memmap ('page - vmemmap'), goes to
 * get_pfnblock_flags_mask() and is_zero_pfn(), and is printed; none of
 * them keeps the page.  The check is a borrower, so a refused page returns
 * with every page still pinned: a leak at that return.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "borrow acc_page_pinnable page=arg2\t# \[^\n\]*leak-pfn-pinnable-check.c:\[0-9\]+" } */
#include "driver-api.h"

#define MIGRATE_CMA		4
#define MIGRATE_ISOLATE		5

extern unsigned long vmemmap_base;
extern unsigned long zero_pfn;
#define vmemmap			((struct page *)vmemmap_base)
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))

struct acc_dev {
	struct device *dev;
};

/* include/linux/mm.h */
static inline unsigned long folio_pfn(struct folio *folio)
{
	return page_to_pfn(&folio->page);
}

/* include/linux/pgtable.h */
static inline int is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn;
}

static bool acc_page_pinnable(struct acc_dev *acc, struct page *page)
{
	struct folio *folio = page_folio(page);
	unsigned long mt;

	mt = get_pfnblock_flags_mask(&folio->page, folio_pfn(folio),
				     MIGRATETYPE_MASK);
	if (mt == MIGRATE_CMA || mt == MIGRATE_ISOLATE) {
		dev_dbg(acc->dev, "pfn %lx in a movable block\n", folio_pfn(folio));
		return false;
	}
	return !is_zero_pfn(folio_pfn(folio));
}

int acc_pin_user_buffer(struct acc_dev *acc, unsigned long uaddr, int n,
			struct page **pages)
{
	int pinned, i;

	pinned = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages); /* { dg-message "here by 'pin_user_pages_fast'" } */
	if (pinned != n) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		return -EFAULT;
	}
	for (i = 0; i < n; i++) {
		if (!acc_page_pinnable(acc, pages[i])) {
			dev_err(acc->dev, "page %d cannot stay pinned\n", i);
			return -EINVAL; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
		}
	}
	return 0;
}
