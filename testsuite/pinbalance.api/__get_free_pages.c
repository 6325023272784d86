/* __get_free_pages() as 6.1 has it, a function: the array in pages of
 * its own is the function's, so its leaks are checked. */
#include "pin-api.h"

#undef __get_free_pages
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);

int drv_pin_into_pages(unsigned long uaddr, int npages)
{
	struct page **pages = (struct page **)__get_free_pages(GFP_KERNEL, 1);
	int got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (got < 0) {
		free_pages((unsigned long)pages, 1);
		return got;
	}
	free_pages((unsigned long)pages, 1); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
	return 0;
}
