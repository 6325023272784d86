/* Pages released in a loop, then the array again. */
#include "pin-api.h"

int teardown(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret, i;

	ret = pin_user_pages_fast(uaddr, n, 0, pages);
	if (ret != n)
		return -EFAULT; /* { dg-warning "leak" } */
	unpin_user_pages(pages, n);
	for (i = 0; i < n; i++)
		unpin_user_page(pages[i]); /* { dg-warning "double release" } */
	return 0;
}
