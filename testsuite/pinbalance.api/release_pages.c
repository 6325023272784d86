/* release_pages() drops FOLL_GET references on an array: wrong for pins. */
#include "pin-api.h"

int pin_release_pages(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got = pin_user_pages_fast(uaddr, npages, 0, pages);

	if (got <= 0)
		return -EFAULT;
	release_pages(pages, got); /* { dg-warning "pinned pages? released with 'release_pages'" } */
	return 0;
}

int gup_release_pages(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got = get_user_pages_fast(uaddr, npages, 0, pages);

	if (got <= 0)
		return -EFAULT;
	release_pages(pages, got);
	return 0;
}
