/* vfree() of the pages array while pins are held in it leaks them. */
#include "pin-api.h"

int drv_pin_into_heap(unsigned long uaddr, int npages)
{
	struct page **pages = kvmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	long got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (got < 0) {
		vfree(pages);
		return got;
	}
	vfree(pages); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
	return 0;
}
