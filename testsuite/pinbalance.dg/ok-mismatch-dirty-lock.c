/* unpin_user_pages_dirty_lock() on a pinned array. */
#include "pin-api.h"

int dma_done(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret <= 0)
		return -EFAULT;
	unpin_user_pages_dirty_lock(pages, ret, true); /* { dg-bogus "released with" } */
	return 0;
}
