/* Borrowing uses between pin and unpin are not releases. */
#include "pin-api.h"

int copy_in(unsigned long uaddr, void *dst)
{
	struct page *page;
	void *src;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	src = page_address(page);
	__builtin_memcpy(dst, src, 64);
	set_page_dirty_lock(page);
	flush_dcache_page(page);
	unpin_user_page(page); /* { dg-bogus "released with|double" } */
	return 0;
}
