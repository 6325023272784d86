/* A page unpinned again after the whole array was. */
#include "pin-api.h"

int finish(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret;

	ret = pin_user_pages_fast(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	unpin_user_pages(pages, ret);
	unpin_user_page(pages[0]); /* { dg-warning "double release" } */
	return 0;
}
