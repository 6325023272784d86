/*
 * A driver that pins a user buffer into a region and gives it to another
 * file's xbuf_region_add() (lib-xbuf.c: an owner of the region when it
 * succeeds, from the database), which refuses it when the device is full:
 * the caller then frees the region's array without unpinning it.  The
 * pages leak on that branch; on success the device's list keeps them.
 */
#include "driver-api.h"
#include "xbuf-ctx.h"

int xdrv_map(struct xbuf_dev *dev, unsigned long uaddr, int npages)
{
	struct xbuf_region *region;
	int ret;

	region = kzalloc(sizeof(*region), GFP_KERNEL);
	if (!region)
		return -ENOMEM;
	region->uaddr = uaddr;
	region->npages = npages;
	region->pages = kvcalloc(npages, sizeof(struct page *), GFP_KERNEL);
	if (!region->pages) {
		ret = -ENOMEM;
		goto free_region;
	}
	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, region->pages);
	if (ret != npages) {
		if (ret > 0)
			unpin_user_pages(region->pages, ret);
		ret = -EFAULT;
		goto free_pages;
	}
	ret = xbuf_region_add(dev, region);
	if (ret)
		goto free_pages;
	return 0; /* { dg-bogus "leak" } */

free_pages:
	kvfree(region->pages); /* { dg-warning "leak" } */
free_region:
	kfree(region);
	return ret;
}
