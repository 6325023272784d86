/*
 * The transfer of ok-field-helper-stack-struct.c with its release moved
 * under the success test: when the device copy fails, the pages pinned
 * into the stack struct's 'xb.pages' by the helper are never unpinned.
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
	if (!ret)
		xfer_buf_unpin(&xb);
	return ret; /* { dg-warning "leak of pages pinned by 'xfer_buf_pin'\[^\n\]*\\\[pinbalance-leak\\\]" } */
}
