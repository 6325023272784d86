/* The requested count unpinned after checking only for errors. */
#include "pin-api.h"

int xfer(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	dma_map_user_pages(NULL, 0);
	unpin_user_pages(pages, npages); /* { dg-warning "'unpin_user_pages' may release more pages than 'pin_user_pages_fast' took; pass the number it returned \\\[pinbalance-overcount\\\] \\\[CWE-763\\\]" } */
	return 0;
}
