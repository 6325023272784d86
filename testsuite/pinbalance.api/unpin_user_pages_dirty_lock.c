/* unpin_user_pages_dirty_lock() releases an array of pinned pages: the right release, a double one, and one on FOLL_GET pages. */
#include "pin-api.h"

int vfio_pin_ok(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);

	if (got < 0)
		return got;
	unpin_user_pages_dirty_lock(pages, got, true);
	return 0;
}

int vfio_pin_twice(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);

	if (got < 0)
		return got;
	unpin_user_pages_dirty_lock(pages, got, true);
	unpin_user_pages_dirty_lock(pages, got, true); /* { dg-warning "released twice|double" } */
	return 0;
}

int vfio_get_unpin(unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got = get_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);

	if (got < 0)
		return got;
	unpin_user_pages_dirty_lock(pages, got, true); /* { dg-warning "released with 'unpin_user_pages_dirty_lock'" } */
	return 0;
}
