/*
 * The driver of leak-insert-other-file.c as it should be: when
 * xbuf_region_add() (another file's owner of the region on success)
 * refuses the region, the caller unpins its pages before freeing it;
 * when it takes it, the device's list keeps them.  Silent.
 */
#include "driver-api.h"
#include "xbuf-ctx.h"

int xdrv_map_ok(struct xbuf_dev *dev, unsigned long uaddr, int npages)
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
		goto unpin_pages;
	return 0; /* { dg-bogus "leak" } */

unpin_pages:
	unpin_user_pages(region->pages, npages); /* { dg-bogus "double|overcount" } */
free_pages:
	kvfree(region->pages); /* { dg-bogus "leak" } */
free_region:
	kfree(region);
	return ret;
}
