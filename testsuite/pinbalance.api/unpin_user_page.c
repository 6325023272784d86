/* unpin_user_page() releases one pinned page; twice is a double release. */
#include "pin-api.h"

int ioreq_unmap(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	unpin_user_page(page);
	unpin_user_page(page); /* { dg-warning "released twice|double" } */
	return 0;
}

int ioreq_unmap_got(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	unpin_user_page(page); /* { dg-warning "released with 'unpin_user_page'" } */
	return 0;
}
