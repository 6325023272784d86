/*
 * An FPGA AFU driver, as drivers/fpga/dfl-afu-dma-region.c: afu_dma_pin_pages()
 * pins into 'region->pages' (an acquire for its caller, 'pages=arg2->pages
 * count=status'), afu_dma_unpin_pages() unpins that field (a release
 * 'pages=arg2->pages').  The map function unpins on a non-contiguous range
 * and then jumps to the label that unpins again: a double release.
 */
#include "driver-api.h"

#define page_to_pfn(p)	((unsigned long)((p) - vmemmap))
extern struct page *vmemmap;

struct afu_pdata;
struct afu_dma_region {
	unsigned long user_addr;
	unsigned long length;
	unsigned long iova;
	struct page **pages;
	bool in_use;
};

int account_locked_vm(unsigned long npages, bool inc);
int afu_dma_region_add(struct afu_pdata *pdata, struct afu_dma_region *region);

static int afu_dma_pin_pages(struct afu_pdata *pdata,
			     struct afu_dma_region *region)
{
	int npages = region->length >> PAGE_SHIFT;
	int ret, pinned;

	ret = account_locked_vm(npages, true);
	if (ret)
		return ret;
	region->pages = kcalloc(npages, sizeof(struct page *), GFP_KERNEL);
	if (!region->pages) {
		ret = -ENOMEM;
		goto unlock_vm;
	}
	pinned = pin_user_pages_fast(region->user_addr, npages, FOLL_WRITE,
				     region->pages);
	if (pinned < 0) {
		ret = pinned;
		goto free_pages;
	} else if (pinned != npages) {
		ret = -EFAULT;
		goto unpin_pages;
	}
	return 0;

unpin_pages:
	unpin_user_pages(region->pages, pinned);
free_pages:
	kfree(region->pages);
unlock_vm:
	account_locked_vm(npages, false);
	return ret;
}

static void afu_dma_unpin_pages(struct afu_pdata *pdata,
				struct afu_dma_region *region)
{
	long npages = region->length >> PAGE_SHIFT;

	unpin_user_pages(region->pages, npages);
	kfree(region->pages);
	account_locked_vm(npages, false);
}

static bool afu_dma_check_continuous_pages(struct afu_dma_region *region)
{
	int npages = region->length >> PAGE_SHIFT;
	int i;

	for (i = 0; i < npages - 1; i++)
		if (page_to_pfn(region->pages[i]) + 1 !=
		    page_to_pfn(region->pages[i + 1]))
			return false;
	return true;
}

int afu_dma_map_region(struct afu_pdata *pdata, unsigned long user_addr,
		       unsigned long length, unsigned long *iova)
{
	struct afu_dma_region *region;
	int ret;

	region = kzalloc(sizeof(*region), GFP_KERNEL);
	if (!region)
		return -ENOMEM;
	region->user_addr = user_addr;
	region->length = length;

	ret = afu_dma_pin_pages(pdata, region);
	if (ret)
		goto free_region;

	if (!afu_dma_check_continuous_pages(region)) {
		ret = -EINVAL;
		afu_dma_unpin_pages(pdata, region);
		goto unpin_pages;
	}

	ret = afu_dma_region_add(pdata, region);
	if (ret)
		goto unpin_pages;
	*iova = region->iova;
	return 0;

unpin_pages:
	afu_dma_unpin_pages(pdata, region); /* { dg-warning "double release of pages pinned by 'afu_dma_pin_pages' \[^\n\]*\\\[pinbalance-double-release\\\]" } */
free_region:
	kfree(region);
	return ret;
}
