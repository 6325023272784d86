/*
 * An atomic bit operation (an asm) on the kmap'd contents of a pinned
 * page uses the page; it does not take it over.  The early return after
 * the bit was found set forgets the unpin.
 */
#include "pin-api.h"

static inline int test_and_set_bit_asm(long nr, volatile unsigned long *addr)
{
	int oldbit;

	asm volatile("btsq %2, %1" : "=@ccc"(oldbit), "+m"(*addr) : "r"(nr) : "memory");
	return oldbit;
}

int futex_like_lock(unsigned long uaddr, long bit)
{
	struct page *page;
	unsigned long *word;
	int ret;

	ret = pin_user_pages_fast(uaddr & ~4095UL, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return -EFAULT;
	word = kmap_local_page(page);
	ret = test_and_set_bit_asm(bit, word + ((uaddr & 4095) >> 3));
	kunmap_local(word);
	if (ret)
		return -16; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'.*\\\[pinbalance-leak\\\]" } */
	unpin_user_page(page);
	return 0;
}
