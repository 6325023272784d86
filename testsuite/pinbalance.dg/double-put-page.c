/* A got page put twice. */
#include "pin-api.h"

int peek(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page);
	put_page(page); /* { dg-warning "double release of pages taken by 'get_user_pages_fast'" } */
	return 0;
}
