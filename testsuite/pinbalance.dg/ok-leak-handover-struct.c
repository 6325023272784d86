/* The array is handed to the caller's object: its owner now. */
#include "pin-api.h"

struct umem {
	struct page **pages;
	long npages;
};

int umem_get(struct umem *umem, unsigned long uaddr, int npages)
{
	struct page **pages;
	int ret;

	pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret <= 0) {
		kvfree(pages);
		return ret ? ret : -EFAULT;
	}
	umem->pages = pages;
	umem->npages = ret;
	return 0; /* { dg-bogus "leak" } */
}
