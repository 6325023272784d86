/* warn_slowpath_fmt(): WARN(cond, fmt...) on an architecture without its own __WARN_FLAGS prints with it where the kernel declares a bug of its own.  fs/netfs/iterator.c does not clean up after an extraction that overran its buffer ("can't trust the stuff in the buffer"): the path into the WARN is not followed.  A plain error path is. */
#include "pin-api.h"
#include "driver-api.h"

void warn_slowpath_fmt(const char *file, const int line, unsigned taint, const char *fmt, ...);
#define WARN(condition, format...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		warn_slowpath_fmt(__FILE__, __LINE__, 9, format);				\
	unlikely(__ret_warn_on);					\
})

int vbuf_map(struct page **pages, int npages);
bool vbuf_overran(unsigned long uaddr, long pinned);

long vbuf_pin(unsigned long uaddr, int npages, struct page **pages)
{
	long pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);

	if (pinned <= 0)
		return pinned;
	if (WARN(vbuf_overran(uaddr, pinned), "pinned %ld of %d pages overran\n", pinned, npages)) /* { dg-message "in expansion of macro" } */
		return -EIO; /* { dg-bogus "leak" } */
	if (vbuf_map(pages, pinned))
		return -ENOMEM; /* { dg-warning "leak" } */
	return pinned;
}
