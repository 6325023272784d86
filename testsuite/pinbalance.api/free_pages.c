/* free_pages() frees the array (its address as an unsigned long): pages
 * still pinned in it leak there; unpinned first, they do not. */
#include "pin-api.h"

int drv_page_array(unsigned long uaddr, int npages, bool keep)
{
	struct page **pages = (struct page **)__get_free_page(GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (got <= 0) {
		free_page((unsigned long)pages);
		return got ? got : -EFAULT;
	}
	if (keep) {
		free_pages((unsigned long)pages, 0); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
		return -EINVAL;
	}
	unpin_user_pages(pages, got);
	free_pages((unsigned long)pages, 0); /* { dg-bogus "leak" } */
	return 0;
}
