/* sg_set_page() stores the page in a scatterlist, which now owns it: no leak. */
#include "pin-api.h"

int drv_build_sg(struct scatterlist *sg, unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	sg_set_page(sg, page, PAGE_SIZE, 0);
	return 0; /* { dg-bogus "leak" "the sg entry owns the page" } */
}
