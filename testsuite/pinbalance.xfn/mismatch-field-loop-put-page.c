/*
 * A DMA descriptor keeps the pinned user pages in a field; the completion
 * handler, defined before the mapping function as drivers often do,
 * dirties and drops them one by one with put_page(): a mismatch.
 */
#include "pin-api.h"

struct udma_desc {
	struct page **page_list;
	unsigned int nr_pages;
	bool to_user;
};

static void udma_complete(struct udma_desc *d)
{
	unsigned int i;

	for (i = 0; i < d->nr_pages; i++) {
		if (d->to_user)
			set_page_dirty_lock(d->page_list[i]);
		put_page(d->page_list[i]); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page' \\\[pinbalance-mismatch\\\]" } */
	}
	kfree(d->page_list);
}

int udma_map_user(struct udma_desc *d, unsigned long uaddr, unsigned int n)
{
	int ret;

	d->page_list = kcalloc(n, sizeof(struct page *), GFP_KERNEL);
	if (!d->page_list)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, n, d->to_user ? FOLL_WRITE : 0, d->page_list);
	if (ret < (int)n) {
		if (ret > 0)
			unpin_user_pages(d->page_list, ret);
		kfree(d->page_list);
		return ret < 0 ? ret : -EFAULT;
	}
	d->nr_pages = n;
	return 0;
}

void udma_done(struct udma_desc *d)
{
	udma_complete(d);
}
