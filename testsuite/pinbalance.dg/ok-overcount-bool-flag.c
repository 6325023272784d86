/* The check kept in a bool and negated ('!all' is '~all' in GIMPLE). */
#include "pin-api.h"

int pin_exact(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	bool all = ret == npages;

	if (!all) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	unpin_user_pages(pages, npages); /* { dg-bogus "release more" } */
	return 0;
}

int pin_exact_wrong(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	bool all = ret == npages;

	if (!all)
		unpin_user_pages(pages, npages); /* { dg-warning "may release more pages" } */
	else
		unpin_user_pages(pages, ret);
	return 0;
}
