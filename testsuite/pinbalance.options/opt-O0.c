/* Findings do not depend on optimization: the same leak at -O0. */
/* { dg-options "-O0" } */
#include "pin-api.h"

int leaky(unsigned long uaddr, int n)
{
	struct page *pages[4];
	int ret = pin_user_pages_fast(uaddr, n, 0, pages);

	if (ret <= 0)
		return -EFAULT;
	if (device_busy())
		return -16; /* { dg-warning "leak of pages pinned" } */
	unpin_user_pages(pages, ret);
	return 0;
}
