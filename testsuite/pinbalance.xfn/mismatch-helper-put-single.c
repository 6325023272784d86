/*
 * A helper that marks one page dirty and drops it with put_page() is given
 * the page pin_user_pages_fast() pinned for a dirty-log bit: a mismatch.
 * The helper alone is right (for a get reference); the finding belongs at
 * its call in the caller, where the pinned page reaches it.
 */
#include "driver-api.h"

static void vhost_log_put_page(struct page *page)
{
	set_page_dirty_lock(page);
	put_page(page);
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
	vhost_log_put_page(page); /* { dg-warning "pinned pages? released with \[^\n\]*\\\[pinbalance-mismatch\\\]" } */
	return 0;
}
