/* bvec_set_page() keeps the page in a bio_vec of the caller's table, whose owner releases it: no leak.  A page put nowhere is one. */
#include "pin-api.h"
#include "driver-api.h"

int drv_fill_bvec(struct bio_vec *bv, unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	bvec_set_page(bv, page, PAGE_SIZE, 0);
	return 0; /* { dg-bogus "leak" "the bvec owns the page" } */
}

int drv_fill_bvec_late(struct bio_vec *bv, unsigned long uaddr, int busy)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	if (busy)
		return -EBUSY; /* { dg-warning "leak" } */
	bvec_set_page(bv, page, PAGE_SIZE, 0);
	return 0;
}
