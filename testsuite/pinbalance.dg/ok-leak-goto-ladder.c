/* The usual unwind ladder, every label right. */
#include "pin-api.h"

int xfer_setup(unsigned long uaddr, int npages)
{
	struct page **pages;
	int ret;

	pages = kmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (ret < 0)
		goto err_free;
	if (ret != npages) {
		ret = -EFAULT;
		goto err_unpin;
	}
	if (device_busy()) {
		ret = -16;
		goto err_unpin_all;
	}
	device_start_dma(pages, npages);
	return 0;

err_unpin_all:
	unpin_user_pages(pages, npages);
	goto err_free;
err_unpin:
	unpin_user_pages(pages, ret);
err_free:
	kfree(pages); /* { dg-bogus "leak" } */
	return ret;
}
