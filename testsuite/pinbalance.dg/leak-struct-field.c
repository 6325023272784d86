/* The array lives in a field of a local struct; the count too. */
#include "pin-api.h"

struct dma_buf_desc {
	struct page **pages;
	int n;
};

int desc_fill(unsigned long uaddr, int npages)
{
	struct dma_buf_desc b;

	b.pages = kcalloc(npages, sizeof(struct page *), GFP_KERNEL);
	if (!b.pages)
		return -ENOMEM;
	b.n = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, b.pages);
	if (b.n <= 0) {
		kfree(b.pages);
		return -EFAULT;
	}
	if (b.n != npages) {
		kfree(b.pages); /* { dg-warning "leak of pages pinned" } */
		return -EFAULT;
	}
	unpin_user_pages(b.pages, b.n);
	kfree(b.pages);
	return 0;
}
