/* One page requested and checked: unpinning one is right. */
#include "pin-api.h"

int touch(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);
	if (ret != 1)
		return -EFAULT;
	unpin_user_pages(&page, 1); /* { dg-bogus "release more" } */
	return 0;
}
