/*
 * A synchronous transfer keeps its buffer description on the stack
 * ('struct xfer_buf xb') and passes its address to the helpers: the pin
 * helper pins into 'xb.pages', the release helper unpins it after the
 * copy, on the error path too.  Silent.
 */
#include "driver-api.h"

#define XFER_MAX_PAGES 16

struct xfer_buf {
	unsigned long uaddr;
	int npages;
	struct page *pages[XFER_MAX_PAGES];
};

int xfer_hw_copy(void *dev, struct page **pages, int npages);

static int xfer_buf_pin(struct xfer_buf *xb)
{
	int pinned;

	pinned = pin_user_pages_fast(xb->uaddr, xb->npages, 0, xb->pages);
	if (pinned == xb->npages)
		return 0;
	if (pinned > 0)
		unpin_user_pages(xb->pages, pinned);
	return -EFAULT;
}

static void xfer_buf_unpin(struct xfer_buf *xb)
{
	unpin_user_pages(xb->pages, xb->npages);
}

int xfer_from_user(void *dev, unsigned long uaddr, int npages)
{
	struct xfer_buf xb;
	int ret;

	if (npages > XFER_MAX_PAGES)
		return -E2BIG;
	xb.uaddr = uaddr;
	xb.npages = npages;
	ret = xfer_buf_pin(&xb);
	if (ret)
		return ret;
	ret = xfer_hw_copy(dev, xb.pages, xb.npages);
	xfer_buf_unpin(&xb);
	return ret;
}
