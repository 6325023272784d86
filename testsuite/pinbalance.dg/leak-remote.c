/* pin_user_pages_remote into a local array, lost on a bad page. */
#include "pin-api.h"

int access_remote(struct mm_struct *mm, unsigned long addr, int n)
{
	struct page *pages[4];
	int locked = 1;
	long ret;

	ret = pin_user_pages_remote(mm, addr, n, FOLL_WRITE, pages, &locked);
	if (ret <= 0)
		return -EFAULT;
	if (!page_address(pages[0]))
		return -EFAULT; /* { dg-warning "leak of pages pinned by 'pin_user_pages_remote'" } */
	unpin_user_pages_dirty_lock(pages, ret, true);
	return 0;
}
