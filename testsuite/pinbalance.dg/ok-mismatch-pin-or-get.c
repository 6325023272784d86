/* One flag decides both the call and the release. */
#include "pin-api.h"

int grab(unsigned long uaddr, int n, bool use_pin)
{
	struct page *pages[8];
	int ret, i;

	if (use_pin)
		ret = pin_user_pages_fast(uaddr, n, 0, pages);
	else
		ret = get_user_pages_fast(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	if (use_pin) {
		unpin_user_pages(pages, ret); /* { dg-bogus "released with" } */
	} else {
		for (i = 0; i < ret; i++)
			put_page(pages[i]); /* { dg-bogus "released with" } */
	}
	return 0;
}
