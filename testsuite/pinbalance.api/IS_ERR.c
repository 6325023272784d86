/* IS_ERR() on the page from get_user_page_vma_remote(): the error path holds nothing, and the test neither releases nor takes the page over. */
#include "pin-api.h"

int access_one(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = get_user_page_vma_remote(mm, addr, 0, &vma);

	if (IS_ERR(page))
		return -EFAULT; /* { dg-bogus "leak" } */
	if (device_busy())
		return -16; /* { dg-warning "leak of page references taken by 'get_user_page_vma_remote'" } */
	put_page(page);
	return 0;
}
