/* Pinning into the caller's array: the caller releases. */
#include "pin-api.h"

int pin_range(unsigned long uaddr, int npages, struct page **pages)
{
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	return ret; /* { dg-bogus "leak" } */
}
