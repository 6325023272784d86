/* ret == n shown before unpinning n. */
#include "pin-api.h"

int xfer(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret != npages) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	unpin_user_pages(pages, npages); /* { dg-bogus "release more" } */
	return 0;
}
