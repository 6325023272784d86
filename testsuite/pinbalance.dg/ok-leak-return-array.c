/* Reduced from io_uring/memmap.c: the array is the return value on success,
 * an ERR_PTR otherwise. */
#include "pin-api.h"

struct page **pin_pages(unsigned long uaddr, int nr_pages, int *npages)
{
	struct page **pages;
	int ret;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return ERR_PTR(-ENOMEM);
	ret = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret == nr_pages) {
		*npages = nr_pages;
		return pages; /* { dg-bogus "leak" } */
	}
	if (ret >= 0) {
		if (ret)
			unpin_user_pages(pages, ret);
		ret = -EFAULT;
	}
	kvfree(pages);
	return ERR_PTR(ret);
}
