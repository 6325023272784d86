/* The error branch unpins through another file's release, then falls to
 * the label that unpins again. */
#include "driver-api.h"

int xbuf_pin_user(unsigned long uaddr, int n, struct page **pages);
void xbuf_unpin(struct page **pages, int n);
int xcam_start_dma(struct page **pages, int n);

int xcam_stream(unsigned long uaddr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got, ret = 0;

	if (!pages)
		return -ENOMEM;
	got = xbuf_pin_user(uaddr, n, pages);
	if (got != n) {
		ret = -EFAULT;
		if (got > 0)
			xbuf_unpin(pages, got);
		goto out;
	}
	ret = xcam_start_dma(pages, n);
	if (ret < 0) {
		xbuf_unpin(pages, n);
		goto unpin;
	}
	goto out;
unpin:
	xbuf_unpin(pages, n); /* { dg-warning "double release of pages" } */
out:
	kfree(pages);
	return ret;
}
