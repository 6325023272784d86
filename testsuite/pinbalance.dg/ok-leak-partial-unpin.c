/* The canonical partial-pin cleanup. */
#include "pin-api.h"

int pin_exact(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret != npages) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		return -EFAULT; /* { dg-bogus "leak" } */
	}
	unpin_user_pages_dirty_lock(pages, npages, true);
	return 0;
}
