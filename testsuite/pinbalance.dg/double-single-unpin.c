/* The same page unpinned twice. */
#include "pin-api.h"

int hdr_check(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	unpin_user_page(page);
	if (device_busy())
		unpin_user_page(page); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast'" } */
	return 0;
}
