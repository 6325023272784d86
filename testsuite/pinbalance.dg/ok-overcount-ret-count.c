/* Unpinning exactly what was returned. */
#include "pin-api.h"

int xfer(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	unpin_user_pages(pages, ret); /* { dg-bogus "release more|negative" } */
	return 0;
}
