/*
 * Only the error case of pin_user_pages_fast() is checked, then the
 * driver's unpin helper is given the requested count: it may unpin more
 * pages than were pinned.  Reported at the helper's call (its summary:
 * unpins its array parameter, as many as its count parameter says).
 */
#include "driver-api.h"

struct siw_umem {
	unsigned char *shadow;
	bool writable;
};

static void siw_unpin_pages(struct page **pages, int num_pages, bool dirty)
{
	unpin_user_pages_dirty_lock(pages, num_pages, dirty);
}

int siw_umem_shadow(struct siw_umem *umem, unsigned long start, int num_pages)
{
	struct page **pages;
	int rv, i;

	pages = kcalloc(num_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	rv = pin_user_pages_fast(start, num_pages,
				 umem->writable ? FOLL_WRITE : 0, pages);
	if (rv < 0)
		goto out;
	for (i = 0; i < rv; i++) {
		void *va = kmap_local_page(pages[i]);

		memcpy(umem->shadow + i * PAGE_SIZE, va, PAGE_SIZE);
		kunmap_local(va);
	}
	siw_unpin_pages(pages, num_pages, umem->writable); /* { dg-warning "may release more pages than 'pin_user_pages_fast' took\[^\n\]*\\\[pinbalance-overcount\\\]" } */
	rv = 0;
out:
	kfree(pages);
	return rv;
}
