/* The wrapper may pin fewer pages than asked for; the error path unpins
 * as many as were asked for. */
#include "driver-api.h"

int xbuf_pin_user(unsigned long uaddr, int n, struct page **pages);
void xbuf_unpin(struct page **pages, int n);

int xcam_map(unsigned long uaddr, int n, struct page **pages)
{
	int got = xbuf_pin_user(uaddr, n, pages);

	if (got < 0)
		return got;
	if (got != n) {
		xbuf_unpin(pages, n); /* { dg-warning "may release more pages than 'xbuf_pin_user' took" } */
		return -EFAULT;
	}
	return 0;
}
