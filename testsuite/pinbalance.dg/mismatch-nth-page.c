/* put_page() on a page reached with nth_page(). */
#include "pin-api.h"

int drop_tail(unsigned long uaddr, int npages)
{
	struct page *pages[4];
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (ret != npages)
		return -EFAULT; /* { dg-warning "leak" } */
	put_page(nth_page(pages[0], 1)); /* { dg-warning "pinned page released with 'put_page'" } */
	unpin_user_pages(pages, npages);
	return 0;
}
