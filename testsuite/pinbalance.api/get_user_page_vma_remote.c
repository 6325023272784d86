/* get_user_page_vma_remote() returns one page with a FOLL_GET reference, or an ERR_PTR. */
#include "pin-api.h"

int access_remote_leaky(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;

	page = get_user_page_vma_remote(mm, addr, 0, &vma);
	if (IS_ERR(page))
		return PTR_ERR(page);
	if (device_busy())
		return -16; /* { dg-warning "leak of page references taken by 'get_user_page_vma_remote'" } */
	put_page(page);
	return 0;
}

int access_remote_wrong(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;

	page = get_user_page_vma_remote(mm, addr, 0, &vma);
	if (IS_ERR(page))
		return PTR_ERR(page);
	unpin_user_page(page); /* { dg-warning "released with 'unpin_user_page'" } */
	return 0;
}
