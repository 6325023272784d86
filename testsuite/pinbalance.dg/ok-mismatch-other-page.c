/* put_page() on a page that was never pinned, next to pinned ones. */
#include "pin-api.h"

struct page *alloc_page_k(gfp_t gfp);

int bounce(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	struct page *bounce_page = alloc_page_k(GFP_KERNEL);
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (ret > 0)
		unpin_user_pages(pages, ret);
	put_page(bounce_page); /* { dg-bogus "released with" } */
	return 0;
}
