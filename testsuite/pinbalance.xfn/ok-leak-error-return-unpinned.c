/*
 * The pinned array goes to afu_iommu_map_pages(), unknown to the plugin;
 * when its tested error return says it kept nothing (point 3c), the
 * caller unpins and frees before returning the error.  On success the
 * region keeps the array: no leak.
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
	pinned = pin_user_pages_fast(region->user_addr, npages,
				     FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned != npages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		kfree(pages);
		return -EFAULT;
	}
	ret = afu_iommu_map_pages(afu, region->iova, pages, npages);
	if (ret) {
		unpin_user_pages(pages, npages);
		kfree(pages);
		return ret; /* { dg-bogus "leak" } */
	}
	region->pages = pages;
	return 0;
}
