/* -fplugin-arg-pinbalance-stats counts apart the caller-owned sites whose
 * pages are in a parameter's memory, checked at the function's error
 * returns (a failing function leaves nothing there), and those whose
 * count the function stores for its caller. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*opt-stats-owned-at-errors.c: \[^\n\]*caller-owned sites: 0 in struct fields, 0 in wrappers checked at their callers, 1 in a parameter's memory checked at error returns, 1 unchecked with their count stored for the caller, 0 unchecked; \[^\n\]*" } */
#include "driver-api.h"

struct cam_buf {
	struct page **pages;
	int nr_pages;
};

int cam_map_user(struct cam_buf *buf, unsigned long uaddr, int nr,
		 struct page **pages)
{
	int got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);

	if (got != nr) {
		if (got > 0)
			unpin_user_pages(pages, got);
		return -EFAULT;
	}
	buf->pages = pages;
	buf->nr_pages = nr;
	return 0;
}

int cam_get_user(struct cam_buf *buf, unsigned long uaddr, int nr,
		 struct page **pages)
{
	int got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);

	buf->pages = pages;
	buf->nr_pages = got > 0 ? got : 0;
	return got == nr ? 0 : -EFAULT;
}
