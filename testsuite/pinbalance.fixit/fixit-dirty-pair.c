/*
 * The release of a page the device wrote, as FOLL_GET code wrote it:
 * 'set_page_dirty_lock(p); put_page(p);'.  For a pinned page the repair
 * is one 'unpin_user_pages_dirty_lock(&p, 1, true);': the fix-it replaces
 * the first statement and removes the second, in a loop over the array
 * and for a single page alike.
 */
#include "driver-api.h"

struct vrx_ring {
	void *slot;
	size_t len;
};

int vrx_receive(struct vrx_ring *ring, unsigned long uaddr, int n)
{
	struct page **pages;
	int got, i;

	pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got <= 0) {
		kfree(pages);
		return got ? got : -EFAULT;
	}
	for (i = 0; i < got; i++) {
		void *kaddr = kmap_local_page(pages[i]);

		memcpy(kaddr, ring->slot, ring->len);
		kunmap_local(kaddr);
	}
	for (i = 0; i < got; i++) {
		set_page_dirty_lock(pages[i]);
		put_page(pages[i]); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page' .the loop can be one 'unpin_user_pages' of the array." } */
		/* { dg-regexp "fix-it:\"\[^\"\]*fixit-dirty-pair.c\":.35:3-35:32.:\"unpin_user_pages_dirty_lock\\(&pages\\\[i\\\], 1, true\\)\"" } */
		/* { dg-regexp "fix-it:\"\[^\"\]*fixit-dirty-pair.c\":.36:3-36:23.:\"\"" } */
	}
	kfree(pages);
	return got;
}

int vrx_receive_one(struct vrx_ring *ring, unsigned long uaddr)
{
	struct page *page;
	void *kaddr;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	kaddr = kmap_local_page(page);
	memcpy(kaddr, ring->slot, ring->len);
	kunmap_local(kaddr);
	set_page_dirty_lock(page);
	put_page(page); /* { dg-warning "pinned page released with 'put_page'" } */
	/* { dg-regexp "fix-it:\"\[^\"\]*fixit-dirty-pair.c\":.54:2-54:27.:\"unpin_user_pages_dirty_lock\\(&page, 1, true\\)\"" } */
	/* { dg-regexp "fix-it:\"\[^\"\]*fixit-dirty-pair.c\":.55:2-55:18.:\"\"" } */
	return 0;
}
