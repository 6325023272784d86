/* -fplugin-arg-pinbalance-conversion: get references kept by an owner
 * (here a scatterlist table the device keeps) should be pins; the same
 * references released before returning are not reported. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-conversion" } */
#include "driver-api.h"

struct sgdma {
	struct sg_table sgt;
};

int sgdma_map_user(struct sgdma *d, unsigned long uaddr, struct page **pages,
		   int n)
{
	int got, ret;

	got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages); /* { dg-warning "pages taken by 'get_user_pages_fast' are kept by 'sg_alloc_table_from_pages' beyond the call: take them with the pin API \\('FOLL_PIN'\\) instead \\\[pinbalance-conversion\\\]" } */
	if (got != n) {
		if (got > 0)
			release_pages(pages, got);
		return -EFAULT;
	}
	ret = sg_alloc_table_from_pages(&d->sgt, pages, n, 0, n * PAGE_SIZE,
					GFP_KERNEL);
	if (ret)
		release_pages(pages, n);
	return ret;
}

int sgdma_peek(unsigned long uaddr, char *out)
{
	struct page *page;
	void *kaddr;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	kaddr = kmap_local_page(page);
	memcpy(out, kaddr, 16);
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}
