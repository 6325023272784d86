/* A loop dropping pinned pages with put_page(). */
#include "pin-api.h"

int xfer_done(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret, i;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret <= 0)
		return -EFAULT;
	for (i = 0; i < ret; i++) {
		set_page_dirty_lock(pages[i]);
		put_page(pages[i]); /* { dg-warning "pinned page released with 'put_page'" } */
	}
	return 0;
}
