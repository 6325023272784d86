/*
 * sg_alloc_table_from_pages() owns the pages only when it succeeds; when
 * it fails they are still the caller's, and this error path forgets to
 * unpin them (reduced from the ib_umem_get() shape).
 */
#include "pin-api.h"

int umem_map(struct sg_table *sgt, unsigned long uaddr, int npages)
{
	struct page **pages = kvmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	int pinned, ret;

	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned <= 0) {
		kvfree(pages);
		return -EFAULT;
	}
	ret = sg_alloc_table_from_pages(sgt, pages, pinned, 0, pinned * PAGE_SIZE, GFP_KERNEL);
	if (ret) {
		kvfree(pages); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'.*\\\[pinbalance-leak\\\]" } */
		return ret;
	}
	kvfree(pages);
	return 0;
}
