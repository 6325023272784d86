/* Shaped like Linux 6.12 kernel/events/uprobes.c (is_trap_at_addr): a
 * __get_user() is an asm goto with an output, whose block ends in the asm
 * and has edges that are neither true nor false, before a
 * get_user_pages() of the same address; nothing to report, and no crash. */
#include "pin-api.h"

void copy_from_page(struct page *page, unsigned long vaddr, void *dst, int len);

static inline int get_opcode(unsigned int *opcode, const unsigned int *uaddr)
{
	unsigned int val;

	asm goto("movl %1, %0" : "=r"(val) : "m"(*uaddr) : : efault);
	*opcode = val;
	return 0;
efault:
	return -EFAULT;
}

int is_trap_at_addr(unsigned long vaddr)
{
	struct page *page;
	unsigned int opcode;
	int result;

	result = get_opcode(&opcode, (const unsigned int *)vaddr);
	if (likely(result == 0))
		goto out;

	result = get_user_pages(vaddr, 1, 0, &page);
	if (result < 0)
		return result;
	copy_from_page(page, vaddr, &opcode, 4);
	put_page(page);
out:
	return opcode == 0xcc;
}

/* The asm goto directly in the function that takes the page. */
int read_or_pin(unsigned long vaddr, struct page **pagep)
{
	unsigned int val;
	long ret;

	asm goto("movl %1, %0" : "=r"(val) : "m"(*(unsigned int *)vaddr) : : slow);
	return val == 0xcc;
slow:
	ret = pin_user_pages_fast(vaddr, 1, 0, pagep);
	if (ret != 1)
		return -EFAULT;
	return 0;
}
