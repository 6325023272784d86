/* Pages released one by one, skipping holes. */
#include "pin-api.h"

int release_each(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret, i;

	ret = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	for (i = 0; i < ret; i++) {
		if (!pages[i])
			continue;
		set_page_dirty_lock(pages[i]);
		unpin_user_page(pages[i]);
	}
	return 0; /* { dg-bogus "leak" } */
}
