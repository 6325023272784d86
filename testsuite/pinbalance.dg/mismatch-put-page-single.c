/* A pinned page dropped with put_page(). */
#include "pin-api.h"

int ioreq_map(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page); /* { dg-message "\\(1\\) a page pinned here by 'pin_user_pages_fast'" } */
	if (ret != 1)
		return -EFAULT;
	flush_dcache_page(page);
	put_page(page); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page' \\\[pinbalance-mismatch\\\] \\\[CWE-763\\\]" } */
	return 0;
}
