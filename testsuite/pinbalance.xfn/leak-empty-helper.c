/*
 * As fs/exec.c's flush_arg_page() on x86: a helper whose body is empty on
 * this architecture never uses the page it is given, so it borrows it;
 * the page got for the argument copy then leaks when the copy faults.
 */
#include "driver-api.h"

struct xexec_bprm {
	unsigned long p;
};

static inline void xexec_flush_arg_page(struct xexec_bprm *bprm,
					unsigned long pos, struct page *page)
{
}

int xexec_copy_string(struct xexec_bprm *bprm, unsigned long pos,
		      const char *src, size_t len)
{
	struct page *page;
	char *kaddr;

	if (get_user_pages_fast(pos, 1, FOLL_WRITE, &page) != 1) /* { dg-message "here by 'get_user_pages_fast'" } */
		return -E2BIG;
	xexec_flush_arg_page(bprm, pos & PAGE_MASK, page);
	kaddr = kmap_local_page(page);
	if (copy_from_user(kaddr + offset_in_page(pos), (const void __user *)src, len)) {
		kunmap_local(kaddr);
		return -EFAULT; /* { dg-warning "leak of page references taken by 'get_user_pages_fast'" } */
	}
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}
