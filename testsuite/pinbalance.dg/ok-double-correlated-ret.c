/* Two tests of the same return value release once. */
#include "pin-api.h"

int setup(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret;

	ret = pin_user_pages_fast(uaddr, n, 0, pages);
	if (ret > 0 && ret < n)
		unpin_user_pages(pages, ret);
	if (ret == n)
		unpin_user_pages(pages, n); /* { dg-bogus "double|release more" } */
	return 0;
}
