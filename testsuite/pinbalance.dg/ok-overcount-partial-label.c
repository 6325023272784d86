/* A partial pin goes to its own label. */
#include "pin-api.h"

int map_all(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages(uaddr, npages, 0, pages);
	if (ret < 0)
		return ret;
	if (ret < npages)
		goto partial;
	unpin_user_pages(pages, npages); /* { dg-bogus "release more" } */
	return 0;
partial:
	unpin_user_pages(pages, ret); /* { dg-bogus "release more|negative" } */
	return -EFAULT;
}
