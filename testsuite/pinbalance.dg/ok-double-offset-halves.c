/* First page and the rest released separately. */
#include "pin-api.h"

int split(unsigned long uaddr)
{
	struct page *pages[4];
	int ret;

	ret = pin_user_pages_fast(uaddr, 4, 0, pages);
	if (ret != 4) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	unpin_user_page(pages[0]);
	unpin_user_pages(pages + 1, 3); /* { dg-bogus "double" } */
	return 0;
}
