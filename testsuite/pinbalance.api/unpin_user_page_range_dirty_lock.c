/* unpin_user_page_range_dirty_lock() releases a range from its first page. */
#include "pin-api.h"

int rdma_range_ok(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);

	if (got < 0)
		return got;
	unpin_user_page_range_dirty_lock(pages[0], got, true);
	return 0;
}

int rdma_range_got(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	unpin_user_page_range_dirty_lock(page, 1, true); /* { dg-warning "released with 'unpin_user_page_range_dirty_lock'" } */
	return 0;
}
