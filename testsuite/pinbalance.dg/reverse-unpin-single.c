/* One got page dropped with unpin_user_page(). */
#include "pin-api.h"

int read_one(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	unpin_user_page(page); /* { dg-warning "page reference from 'get_user_pages' released with 'unpin_user_page'; release it with 'put_page'" } */
	return 0;
}
