/* The page is read through a kmap, copied out, and unpinned: correct. */
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
	unpin_user_page(page);
	return ret;
}
