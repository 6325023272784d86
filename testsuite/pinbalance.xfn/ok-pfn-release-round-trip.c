/*
 * As vfio's type1 IOMMU driver: a page is unpinned by its pfn
 * (put_pfn(): unpin_user_page(pfn_to_page(pfn))).  The helper given the
 * page passes its pfn on to that, and tests it with is_zero_pfn() first:
 * the pfn turned back into the page is released, so the helper is no
 * borrower, and the caller's pages are not left pinned at its error
 * return.
 */
#include "driver-api.h"

extern unsigned long vmemmap_base;
extern unsigned long zero_pfn;
#define vmemmap			((struct page *)vmemmap_base)
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))
#define pfn_to_page(pfn)	(vmemmap + (pfn))

struct vdrv_dma {
	unsigned long iova;
	unsigned long pfn;
};

/* include/linux/pgtable.h */
static inline int is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn;
}

static int vdrv_put_pfn(unsigned long pfn)
{
	if (is_zero_pfn(pfn))
		return 0;
	unpin_user_page(pfn_to_page(pfn));
	return 1;
}

static void vdrv_unpin_page(struct page *page)
{
	vdrv_put_pfn(page_to_pfn(page));
}

int vdrv_pin_one(struct vdrv_dma *dma, unsigned long vaddr, bool reserved)
{
	struct page *page;

	if (pin_user_pages_fast(vaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page) != 1)
		return -EFAULT;
	if (reserved) {
		vdrv_unpin_page(page);
		return -EINVAL; /* { dg-bogus "leak" } */
	}
	dma->pfn = page_to_pfn(page);
	return 0; /* { dg-bogus "leak" } */
}
