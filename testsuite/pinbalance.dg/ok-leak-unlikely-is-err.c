/* unlikely() and IS_ERR() tests are understood. */
#include "pin-api.h"

int poke_page(struct mm_struct *mm, unsigned long addr)
{
	struct page *page;

	page = get_user_page_vma_remote(mm, addr, FOLL_WRITE, NULL);
	if (unlikely(IS_ERR(page)))
		return PTR_ERR(page); /* { dg-bogus "leak" } */
	set_page_dirty_lock(page);
	put_page(page);
	return 0;
}

int pin_one(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);
	if (unlikely(ret != 1))
		return -EFAULT; /* { dg-bogus "leak" } */
	unpin_user_page(page);
	return 0;
}
