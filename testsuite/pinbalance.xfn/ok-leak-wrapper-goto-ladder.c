/*
 * A helper pins into the array its caller allocated (an acquire for the
 * caller, points 1 and 4); the caller's unwind ladder unpins exactly what
 * was pinned before freeing the array, and hands the array to the device
 * on success.
 */
#include "driver-api.h"

struct habana_userptr {
	struct page **pages;
	int npages;
	unsigned long addr;
};

int hl_dma_map_pages(struct habana_userptr *up);

static int hl_pin_host_range(unsigned long addr, int npages, struct page **pages)
{
	return pin_user_pages_fast(addr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
}

int hl_get_userptr(struct habana_userptr *up, unsigned long addr, int npages)
{
	struct page **pages;
	int rc;

	pages = kvmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	rc = hl_pin_host_range(addr, npages, pages);
	if (rc < 0)
		goto free_pages;
	if (rc != npages) {
		npages = rc;
		rc = -EFAULT;
		goto put_pages;
	}
	up->pages = pages;
	up->npages = npages;
	up->addr = addr;
	rc = hl_dma_map_pages(up);
	if (rc)
		goto clear;
	return 0;

clear:
	up->pages = NULL;
put_pages:
	unpin_user_pages(pages, npages);
free_pages:
	kvfree(pages); /* { dg-bogus "leak" } */
	return rc;
}
