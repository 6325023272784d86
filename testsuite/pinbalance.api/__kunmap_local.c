/* kunmap_local(addr) (__kunmap_local) unmaps without taking the page over: the pin is still held after it, so this return leaks. */
#include "pin-api.h"

int drv_copy_page(unsigned long uaddr)
{
	struct page *page;
	char *va;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	va = kmap_local_page(page);
	va[0] = 0;
	kunmap_local(va);
	if (device_busy())
		return -16; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
	unpin_user_page(page);
	return 0;
}
