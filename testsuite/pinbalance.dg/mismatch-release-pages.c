/* release_pages() on a pinned array. */
#include "pin-api.h"

int buf_release(unsigned long uaddr, int npages)
{
	struct page **pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	long ret;

	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages(uaddr, npages, FOLL_LONGTERM, pages);
	if (ret > 0)
		release_pages(pages, ret); /* { dg-warning "pinned page released with 'release_pages'; pages pinned by 'pin_user_pages' must be released with 'unpin_user_pages'" } */
	kvfree(pages);
	return 0;
}
