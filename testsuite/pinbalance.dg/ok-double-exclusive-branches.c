/* Released on either branch, never both. */
#include "pin-api.h"

int finish(unsigned long uaddr, int n, bool dirty)
{
	struct page *pages[8];
	int ret;

	ret = pin_user_pages_fast(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	if (dirty)
		unpin_user_pages_dirty_lock(pages, ret, true);
	else
		unpin_user_pages(pages, ret);
	return 0; /* { dg-bogus "double|leak" } */
}
