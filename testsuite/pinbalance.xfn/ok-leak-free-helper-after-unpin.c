/*
 * The page list is freed through a helper (its summary: frees its
 * parameter's buffer) only after the pages were unpinned, or when nothing
 * was pinned: no leak.
 */
#include "driver-api.h"

static void umem_free_page_list(struct page **page_list)
{
	kvfree(page_list);
}

int umem_count_huge(unsigned long addr, int npages, int *nhuge)
{
	struct page **page_list;
	int pinned, i;

	page_list = kvcalloc(npages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;
	pinned = pin_user_pages_fast(addr, npages, FOLL_LONGTERM, page_list);
	if (pinned < 0) {
		umem_free_page_list(page_list);
		return pinned;
	}
	*nhuge = 0;
	for (i = 0; i < pinned; i++)
		if (PageCompound(page_list[i]))
			(*nhuge)++;
	unpin_user_pages(page_list, pinned);
	umem_free_page_list(page_list); /* { dg-bogus "leak" } */
	return pinned == npages ? 0 : -EFAULT;
}
