/* Got pages dropped with put_page() in a loop. */
#include "pin-api.h"

int read_user(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret, i;

	ret = get_user_pages_fast(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	for (i = 0; i < ret; i++)
		put_page(pages[i]); /* { dg-bogus "released with|leak" } */
	return 0;
}
