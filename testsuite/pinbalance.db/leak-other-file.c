/* Pinned through another file's wrapper, checksummed through another
 * file's reader (a borrower), then an error path frees the array with
 * the pages still pinned. */
#include "driver-api.h"

int xbuf_pin_user(unsigned long uaddr, int n, struct page **pages);
void xbuf_unpin(struct page **pages, int n);
unsigned int xbuf_csum(struct page *page);

int xcam_verify(unsigned long uaddr, int n, unsigned int want)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = xbuf_pin_user(uaddr, n, pages);
	if (got <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	if (xbuf_csum(pages[0]) != want) {
		kfree(pages); /* { dg-warning "leak of pages pinned by 'xbuf_pin_user'" } */
		return -EIO;
	}
	xbuf_unpin(pages, got);
	kfree(pages);
	return 0;
}
