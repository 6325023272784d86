/*
 * Ordinary references from get_user_pages_fast() are dropped by a helper
 * that puts each page (its summary: a release of kind get, the count
 * given): the right kind.
 */
#include "driver-api.h"

static void pvr_put_user_pages(struct page **pages, int npages, bool dirty)
{
	int i;

	for (i = 0; i < npages; i++) {
		if (dirty)
			set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
}

int pvr_read_user_buf(unsigned long uaddr, int npages, unsigned char *dst)
{
	struct page **pages;
	int got, i, ret = 0;

	pages = kvmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, npages, 0, pages);
	if (got < 0) {
		ret = got;
		goto out_free;
	}
	for (i = 0; i < got; i++) {
		void *va = kmap_local_page(pages[i]);

		memcpy(dst + i * PAGE_SIZE, va, PAGE_SIZE);
		kunmap_local(va);
	}
	if (got != npages)
		ret = -EFAULT;
	pvr_put_user_pages(pages, got, false); /* { dg-bogus "released with" } */
out_free:
	kvfree(pages);
	return ret;
}
