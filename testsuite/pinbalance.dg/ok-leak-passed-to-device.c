/* The pages are passed to code that takes them over. */
#include "pin-api.h"

int start_transfer(unsigned long uaddr, int npages)
{
	struct page **pages;
	int ret;

	pages = kmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (ret <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	device_start_dma(pages, ret);
	return 0; /* { dg-bogus "leak" } */
}
