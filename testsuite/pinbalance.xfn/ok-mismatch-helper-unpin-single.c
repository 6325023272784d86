/*
 * The dirty-log bit is set through a pinned page that a helper unpins with
 * unpin_user_pages_dirty_lock() on a one-entry array (vhost's
 * set_bit_to_user()): the helper's summary is a release of one pinned
 * page, the right kind.
 */
#include "driver-api.h"

static void vhost_log_unpin_page(struct page *page)
{
	unpin_user_pages_dirty_lock(&page, 1, true);
}

int vhost_log_set_bit(unsigned long log_addr, unsigned int nr)
{
	struct page *page;
	unsigned char *base;
	int r;

	r = pin_user_pages_fast(log_addr & PAGE_MASK, 1, FOLL_WRITE, &page);
	if (r < 0)
		return r;
	base = kmap_local_page(page);
	base[offset_in_page(log_addr)] |= 1u << (nr & 7);
	kunmap_local(base);
	vhost_log_unpin_page(page); /* { dg-bogus "released with|leak" } */
	return 0;
}
