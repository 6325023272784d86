/*
 * WARN_ON_ONCE() on x86: the asm that records its place in __bug_table
 * marks the branch into it as a kernel bug of its own; the path is not
 * followed, as fs/netfs/iterator.c's extraction that overran its buffer
 * is not cleaned up.  The error path that is not a WARN is checked.
 */
#include "pin-api.h"
#include "driver-api.h"

#define __WARN_FLAGS(flags)						\
	__asm__ __volatile__("1:\t.byte 0x0f, 0x0b\n"			\
			     ".pushsection __bug_table,\"aw\"\n"	\
			     ".popsection" : : "i" (flags))
#define WARN_ON_ONCE(condition) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_FLAGS(3);					\
	unlikely(__ret_warn_on);					\
})

int vbuf_map(struct page **pages, int npages);
bool vbuf_overran(unsigned long uaddr, long pinned);

long vbuf_pin(unsigned long uaddr, int npages, struct page **pages)
{
	long pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);

	if (pinned <= 0)
		return pinned;
	if (WARN_ON_ONCE(vbuf_overran(uaddr, pinned))) /* { dg-message "in expansion of macro" } */
		return -EIO; /* { dg-bogus "leak" } */
	if (vbuf_map(pages, pinned))
		return -ENOMEM; /* { dg-warning "leak" } */
	return pinned;
}
