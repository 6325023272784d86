/* get_user_page_vma_remote() with IS_ERR() and put_page(). */
#include "pin-api.h"

int poke(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = get_user_page_vma_remote(mm, addr, FOLL_WRITE, NULL);

	if (IS_ERR(page))
		return PTR_ERR(page); /* { dg-bogus "leak" } */
	set_page_dirty_lock(page);
	put_page(page); /* { dg-bogus "released with" } */
	return 0;
}
