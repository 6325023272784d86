/*
 * The page is read through a kmap and copied out; copy_to_user() is
 * given the address of the page's contents, not the page, so it takes
 * nothing over: the page is still pinned at the return.
 */
#include "pin-api.h"

unsigned long copy_to_user(void *to, const void *from, unsigned long n);

long peek_user_word(unsigned long uaddr, void *ubuf, unsigned int off)
{
	struct page *page;
	void *kaddr;
	long ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);
	if (ret != 1)
		return -EFAULT;
	kaddr = kmap_local_page(page);
	ret = copy_to_user(ubuf, kaddr + off, sizeof(long)) ? -EFAULT : 0;
	kunmap_local(kaddr);
	return ret; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'.*\\\[pinbalance-leak\\\]" } */
}
