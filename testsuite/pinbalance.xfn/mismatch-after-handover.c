/*
 * Pages given to the device stay pins: when the device refuses them, the
 * error path drops them with put_page(), as a driver converted half-way
 * from get_user_pages() would.  Handing pages to code without a rule does
 * not change the kind of reference that must release them.
 */
#include "pin-api.h"

struct xdev;
int xdev_queue_pages(struct xdev *dev, struct page **pages, int npages);

int xdev_submit(struct xdev *dev, unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int pinned, ret, i;

	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (pinned < 0)
		return pinned;
	ret = xdev_queue_pages(dev, pages, pinned);
	if (ret) {
		for (i = 0; i < pinned; i++)
			put_page(pages[i]); /* { dg-warning "pinned page released with 'put_page'.*\\\[pinbalance-mismatch\\\]" } */
		return ret;
	}
	return 0;
}
