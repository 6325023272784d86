/* A loop unpinning pages that get_user_pages() referenced. */
#include "pin-api.h"

int scan_pages(unsigned long uaddr, int n)
{
	struct page **pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	long ret, i;

	if (!pages)
		return -ENOMEM;
	ret = get_user_pages(uaddr, n, FOLL_WRITE, pages);
	for (i = 0; i < ret; i++)
		unpin_user_page(pages[i]); /* { dg-warning "page reference from 'get_user_pages' released with 'unpin_user_page'" } */
	kfree(pages);
	return 0;
}
