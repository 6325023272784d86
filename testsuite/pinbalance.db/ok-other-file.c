/* The same helpers used right: silent. */
#include "driver-api.h"

int xbuf_pin_user(unsigned long uaddr, int n, struct page **pages);
int xbuf_get_user(unsigned long uaddr, int n, struct page **pages);
void xbuf_unpin(struct page **pages, int n);
void xbuf_unpin_all(struct page **pages, int n);
void xbuf_put(struct page **pages, int n);
unsigned int xbuf_csum(struct page *page);

int xcam_capture(unsigned long uaddr, int n, unsigned int want)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got, ret = 0;

	if (!pages)
		return -ENOMEM;
	got = xbuf_pin_user(uaddr, n, pages);
	if (got <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	if (got != n) {
		xbuf_unpin(pages, got);
		kfree(pages);
		return -EFAULT;
	}
	if (xbuf_csum(pages[0]) != want)
		ret = -EIO;
	xbuf_unpin_all(pages, got);
	kfree(pages); /* { dg-bogus "pinbalance" } */
	return ret;
}

int xcam_peek(unsigned long uaddr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = xbuf_get_user(uaddr, n, pages);
	if (got <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	xbuf_put(pages, got);
	kfree(pages); /* { dg-bogus "pinbalance" } */
	return 0;
}
