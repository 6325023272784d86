/* page_ref_sub() drops nr ordinary references of one page: wrong for a
 * pin, which counts in its own units (GUP_PIN_COUNTING_BIAS). */
#include "pin-api.h"

int pin_page_ref_sub(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	page_ref_sub(page, 1); /* { dg-warning "pinned page released with 'page_ref_sub'" } */
	return 0;
}

int get_page_ref_sub(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	page_ref_sub(page, 1); /* { dg-bogus "pinbalance" } */
	return 0;
}
