/* FOLL_GET references leak on an error path. */
#include "pin-api.h"

int copy_from_user_pages(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	int got, i;

	got = get_user_pages_fast(uaddr, npages, 0, pages);
	if (got <= 0)
		return -EFAULT;
	if (device_busy())
		return -16; /* { dg-warning "leak of page references taken by 'get_user_pages_fast'; release them with 'release_pages'" } */
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return 0;
}
