/* Returning on an error from the pin call itself leaks nothing. */
#include "pin-api.h"

int probe_user_buffer(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT; /* { dg-bogus "leak" } */
	unpin_user_pages(pages, ret);
	return 0;
}
