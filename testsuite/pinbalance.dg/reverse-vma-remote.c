/* get_user_page_vma_remote() returns a got page, not a pinned one. */
#include "pin-api.h"

int poke(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = get_user_page_vma_remote(mm, addr, FOLL_WRITE, NULL);

	if (IS_ERR(page))
		return PTR_ERR(page);
	set_page_dirty_lock(page);
	unpin_user_page(page); /* { dg-warning "page reference from 'get_user_page_vma_remote' released with 'unpin_user_page'" } */
	return 0;
}
