/* The check through an unsigned compare still counts. */
#include "pin-api.h"

int pin_exact(unsigned long uaddr, unsigned long n)
{
	struct page *pages[8];
	long ret;

	ret = pin_user_pages(uaddr, n, 0, pages);
	if ((unsigned long)ret != n) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	unpin_user_pages(pages, n); /* { dg-bogus "release more" } */
	return 0;
}
