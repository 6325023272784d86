/* Pin and unpin again on every iteration. */
#include "pin-api.h"

int walk(unsigned long uaddr, int chunks)
{
	struct page *pages[8];
	int c, ret;

	for (c = 0; c < chunks; c++) {
		ret = pin_user_pages_fast(uaddr + c * 8 * PAGE_SIZE, 8, 0, pages);
		if (ret <= 0)
			return -EFAULT;
		unpin_user_pages(pages, ret); /* { dg-bogus "double" } */
	}
	return 0;
}
