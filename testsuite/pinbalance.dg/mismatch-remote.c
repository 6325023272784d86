/* pin_user_pages_remote() pages dropped with put_page(). */
#include "pin-api.h"

int remote_poke(struct mm_struct *mm, unsigned long addr)
{
	struct page *page;
	int locked = 1;

	if (pin_user_pages_remote(mm, addr, 1, FOLL_WRITE, &page, &locked) != 1)
		return -EFAULT;
	put_page(page); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_remote'" } */
	return 0;
}
