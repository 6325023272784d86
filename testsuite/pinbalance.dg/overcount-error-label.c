/* A shared error label unpins the requested count. */
#include "pin-api.h"

int map_all(unsigned long uaddr, int npages)
{
	struct page **pages;
	int ret;

	pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages(uaddr, npages, FOLL_WRITE, pages);
	if (ret != npages)
		goto err_unpin;
	ret = dma_map_user_pages(pages, npages);
	if (ret)
		goto err_unpin;
	return 0;
err_unpin:
	unpin_user_pages(pages, npages); /* { dg-warning "may release more pages than 'pin_user_pages' took" } */
	kvfree(pages);
	return -EFAULT;
}
