/* Comparing the wrong way round: unpin n when fewer were pinned. */
#include "pin-api.h"

int pin_some(unsigned long uaddr, unsigned long n)
{
	struct page *pages[8];
	long ret;

	ret = pin_user_pages(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	if (ret < n) {
		unpin_user_pages(pages, n); /* { dg-warning "may release more pages" } */
		return -EFAULT;
	}
	unpin_user_pages(pages, n);
	return 0;
}
