/* The pin call's result ignored altogether. */
#include "pin-api.h"

void quick_touch(unsigned long uaddr, int npages)
{
	struct page *pages[16];

	pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	unpin_user_pages_dirty_lock(pages, npages, true); /* { dg-warning "'unpin_user_pages_dirty_lock' may release more pages than 'pin_user_pages_fast' took" } */
}
