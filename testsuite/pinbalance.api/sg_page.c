/* sg_page() gives back the page sg_set_page() put into the entry: a pinned page, put with put_page(). */
#include "pin-api.h"

int drv_fill_sg(struct scatterlist *sg, unsigned long uaddr, int n)
{
	struct page *page;
	int i;

	for (i = 0; i < n; i++) {
		if (pin_user_pages_fast(uaddr + i * PAGE_SIZE, 1, FOLL_WRITE, &page) != 1)
			goto undo;
		sg_set_page(&sg[i], page, PAGE_SIZE, 0);
	}
	return 0;
undo:
	while (i--)
		put_page(sg_page(&sg[i])); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page'" } */
	return -EFAULT;
}
