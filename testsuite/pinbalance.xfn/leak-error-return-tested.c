/*
 * The pinned array is passed to afu_iommu_map_pages(), unknown to the
 * plugin, and its error return is tested: on that path the callee kept
 * nothing (point 3c), so returning its error leaks the pins (and the
 * array, not yet stored in the region).
 */
#include "driver-api.h"

struct afu_dev;
struct afu_region {
	unsigned long user_addr;
	unsigned long length;
	unsigned long iova;
	struct page **pages;
};

int afu_iommu_map_pages(struct afu_dev *afu, unsigned long iova,
			struct page **pages, int npages);

int afu_dma_map_region(struct afu_dev *afu, struct afu_region *region)
{
	int npages = region->length >> PAGE_SHIFT;
	struct page **pages;
	int pinned, ret;

	pages = kcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(region->user_addr, npages, /* { dg-message "\\(1\\) \[^\n\]*here by 'pin_user_pages_fast'" } */
				     FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned != npages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		kfree(pages);
		return -EFAULT;
	}
	ret = afu_iommu_map_pages(afu, region->iova, pages, npages);
	if (ret)
		return ret; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_pages' \\\[pinbalance-leak\\\]" } */
	region->pages = pages;
	return 0;
}
