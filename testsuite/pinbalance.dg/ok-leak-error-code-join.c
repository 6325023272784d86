/* Cleanup guarded by an error code set on every failing path. */
#include "pin-api.h"

int add_bounce(unsigned long uaddr, int npages)
{
	struct page **page_list;
	int pinned = 0, ret = 0;

	page_list = kvcalloc(npages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;
	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE, page_list);
	if (pinned != npages) {
		ret = pinned < 0 ? pinned : -ENOMEM;
		goto out;
	}
	device_start_dma(page_list, pinned);
out:
	if (ret && pinned > 0)
		unpin_user_pages(page_list, pinned);
	if (ret)
		kvfree(page_list);
	return ret; /* { dg-bogus "leak" } */
}
