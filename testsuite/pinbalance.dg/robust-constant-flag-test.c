/* Reduced from Linux 6.12 kernel/events/uprobes.c (is_trap_at_addr): a
 * test of a flag set from a constant ('int locked = 1') met the owner
 * test, which took the flag for a loaded field and crashed. */
#include "pin-api.h"

void copy_from_page(struct page *page, unsigned long vaddr, void *dst, int len);
int read_opcode_fast(unsigned long vaddr, unsigned int *opcode);

int is_trap_at_addr(unsigned long vaddr)
{
	struct page *page;
	unsigned int opcode;
	int result;
	int fast = 1;

	result = read_opcode_fast(vaddr, &opcode);
	if (fast)
		goto out;

	result = get_user_pages(vaddr, 1, 0, &page);
	if (result < 0)
		return result;
	copy_from_page(page, vaddr, &opcode, 4);
	put_page(page);
out:
	return opcode == 0xcc;
}
