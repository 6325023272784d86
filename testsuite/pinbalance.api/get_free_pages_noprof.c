/* The array in a page of its own, __get_free_page() (6.12: a macro over
 * get_free_pages_noprof()): the function's, so its leaks are checked. */
#include "pin-api.h"

int drv_pin_into_page(unsigned long uaddr, int npages)
{
	struct page **pages = (struct page **)__get_free_page(GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (got < 0) {
		free_page((unsigned long)pages);
		return got;
	}
	free_pages((unsigned long)pages, 0); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
	return 0;
}
