/* Each element unpinned once in a loop. */
#include "pin-api.h"

int teardown(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret, i;

	ret = pin_user_pages_fast(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	for (i = 0; i < ret; i++)
		unpin_user_page(pages[i]); /* { dg-bogus "double" } */
	return 0;
}
