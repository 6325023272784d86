/* "ret >= 0 && ret < n" folded into one test by GCC (net/rds/rdma.c). */
#include "pin-api.h"

int rds_pin(unsigned long uaddr, unsigned int nr_pages, struct page **pages)
{
	int ret;

	ret = pin_user_pages_fast(uaddr, nr_pages, FOLL_LONGTERM, pages);
	if (ret >= 0 && ret < nr_pages) {
		unpin_user_pages(pages, ret); /* { dg-bogus "negative" } */
		ret = -EFAULT;
	}
	return ret;
}
