/* Get references taken by another file's wrapper, released as pins. */
#include "driver-api.h"

int xbuf_get_user(unsigned long uaddr, int n, struct page **pages);
void xbuf_unpin(struct page **pages, int n);

int xcam_peek(unsigned long uaddr, int n, unsigned int *sum)
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
	*sum = 0;
	xbuf_unpin(pages, got); /* { dg-warning "page reference from 'xbuf_get_user' released with 'xbuf_unpin'" } */
	kfree(pages);
	return 0;
}
