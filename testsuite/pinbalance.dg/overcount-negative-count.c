/* The error code reaches unpin_user_pages() as a count. */
#include "pin-api.h"

int pin_and_check(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret;

	ret = pin_user_pages_fast(uaddr, n, 0, pages);
	if (ret != n)
		goto out;
	unpin_user_pages(pages, n);
	return 0;
out:
	unpin_user_pages(pages, ret); /* { dg-warning "'unpin_user_pages' may be passed a negative error code from 'pin_user_pages_fast' as its count" } */
	return -EFAULT;
}
