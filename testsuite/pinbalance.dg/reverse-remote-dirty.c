/* get_user_pages_remote() pages released as pins. */
#include "pin-api.h"

int remote_read(struct mm_struct *mm, unsigned long addr, int n)
{
	struct page *pages[4];
	int locked = 1;
	long ret;

	ret = get_user_pages_remote(mm, addr, n, 0, pages, &locked);
	if (ret <= 0)
		return -EFAULT;
	unpin_user_pages_dirty_lock(pages, ret, false); /* { dg-warning "page reference from 'get_user_pages_remote' released with 'unpin_user_pages_dirty_lock'" } */
	return 0;
}
