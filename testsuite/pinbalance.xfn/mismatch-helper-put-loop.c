/*
 * A static helper drops each page of an array with put_page(), right for
 * get references; the caller hands it pages pin_user_pages_fast() pinned.
 * Its summary (releases its parameter's pages, kind get, the count given)
 * makes the call a release of the wrong kind: the finding belongs at the
 * helper's call in the caller, where the pinned pages reach it.
 */
#include "driver-api.h"

static void afu_dma_put_pages(struct page **pages, int npages)
{
	int i;

	for (i = 0; i < npages; i++)
		put_page(pages[i]);
}

int afu_dma_check_contiguous(struct device *dev, unsigned long uaddr, int npages)
{
	struct page **pages;
	int pinned, i, ret = 0;

	pages = kcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned < 0) {
		ret = pinned;
		goto free_pages;
	}
	for (i = 1; i < pinned; i++) {
		if (pages[i] != nth_page(pages[i - 1], 1)) {
			dev_dbg(dev, "page %d is not contiguous\n", i);
			ret = -EINVAL;
			break;
		}
	}
	afu_dma_put_pages(pages, pinned); /* { dg-warning "pinned pages? released with \[^\n\]*\\\[pinbalance-mismatch\\\]" } */
free_pages:
	kfree(pages);
	return ret;
}
