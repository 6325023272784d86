/* The array is freed on the error path while its pages are pinned. */
#include "pin-api.h"

int umem_pin(unsigned long uaddr, int npages)
{
	struct page **pages;
	int ret;

	pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages); /* { dg-message "\\(1\\)" } */
	if (ret != npages) {
		kvfree(pages); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
		return -EFAULT;
	}
	device_start_dma(pages, npages);
	return 0;
}
