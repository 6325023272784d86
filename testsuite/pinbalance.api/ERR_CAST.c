/* 'pages = ERR_CAST(err); return pages;' joins an error pointer with the pinned array: the array still goes to the caller. */
#include "pin-api.h"

void *drv_lookup_mm(void *cookie);

struct page **drv_pin_for(void *cookie, unsigned long uaddr, int npages)
{
	struct page **pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	void *mm = drv_lookup_mm(cookie);
	long got;

	if (!pages)
		return ERR_PTR(-ENOMEM);
	if (IS_ERR(mm)) {
		kvfree(pages);
		pages = ERR_CAST(mm);
	} else {
		got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
		if (got != npages) {
			if (got > 0)
				unpin_user_pages(pages, got);
			kvfree(pages);
			pages = ERR_PTR(-EFAULT);
		}
	}
	return pages; /* { dg-bogus "leak" } */
}
