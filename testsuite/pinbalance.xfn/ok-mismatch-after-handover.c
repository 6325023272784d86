/* The device refuses the pages and the error path unpins them: correct. */
#include "pin-api.h"

struct xdev;
int xdev_queue_pages(struct xdev *dev, struct page **pages, int npages);

int xdev_submit(struct xdev *dev, unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int pinned, ret;

	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (pinned < 0)
		return pinned;
	ret = xdev_queue_pages(dev, pages, pinned);
	if (ret) {
		unpin_user_pages(pages, pinned);
		return ret;
	}
	return 0;
}
