/* folio_trylock() uses the page without taking it over: the pin is still held after it, so this return leaks. */
#include "pin-api.h"

int drv_touch_page(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	(void)folio_trylock(page_folio(page));
	if (device_busy())
		return -16; /* { dg-warning "leak of (a )?pages? pinned by 'pin_user_pages_fast'" } */
	unpin_user_page(page);
	return 0;
}
