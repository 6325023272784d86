/* 'pages = ERR_PTR(ret); return pages;' meets the pinned array in a PHI: an error value, never pages, so the success path hands the array to the caller. */
#include "pin-api.h"

struct page **drv_pin_vec(unsigned long uaddr, int npages)
{
	struct page **pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	long got;
	int ret = 0;

	if (!pages)
		return ERR_PTR(-ENOMEM);
	got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (got != npages) {
		if (got > 0)
			unpin_user_pages(pages, got);
		ret = got < 0 ? got : -EFAULT;
	}
	if (ret) {
		kvfree(pages);
		pages = ERR_PTR(ret);
	}
	return pages; /* { dg-bogus "leak" } */
}
