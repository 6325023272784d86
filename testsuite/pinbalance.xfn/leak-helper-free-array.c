/*
 * The driver frees its page list through a helper (a summary: frees its
 * parameter's buffer).  The short-pin branch frees the list while the
 * pages it got are still pinned: a leak, reported at the helper's call as
 * at a kvfree().
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
	pinned = pin_user_pages_fast(addr, npages, FOLL_LONGTERM, page_list); /* { dg-message "\\(1\\) \[^\n\]*here by 'pin_user_pages_fast'" } */
	if (pinned < 0) {
		umem_free_page_list(page_list);
		return pinned;
	}
	if (pinned != npages) {
		umem_free_page_list(page_list); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'\[^\n\]*\\\[pinbalance-leak\\\]" } */
		return -EFAULT;
	}
	*nhuge = 0;
	for (i = 0; i < pinned; i++)
		if (PageCompound(page_list[i]))
			(*nhuge)++;
	unpin_user_pages(page_list, pinned);
	umem_free_page_list(page_list);
	return 0;
}
