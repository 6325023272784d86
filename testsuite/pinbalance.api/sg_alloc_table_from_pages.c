/* sg_alloc_table_from_pages() builds a table over the pages, which owns them from then on; a failure leaves them with the caller. */
#include "pin-api.h"

int umem_get(struct sg_table *sgt, unsigned long uaddr, int npages)
{
	struct page **pages = kmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	long got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (got <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	if (sg_alloc_table_from_pages(sgt, pages, got, 0, got * PAGE_SIZE, GFP_KERNEL)) {
		unpin_user_pages(pages, got);
		kfree(pages);
		return -ENOMEM;
	}
	return 0; /* { dg-bogus "leak" "the table owns the pages" } */
}
