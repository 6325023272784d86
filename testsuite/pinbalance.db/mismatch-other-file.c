/* Pages pinned by another file's wrapper, released by another file's
 * get release: a mismatch, the release to change named with its file. */
#include "driver-api.h"

int xbuf_pin_user(unsigned long uaddr, int n, struct page **pages);
void xbuf_put(struct page **pages, int n);

int xcam_capture(unsigned long uaddr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = xbuf_pin_user(uaddr, n, pages); /* { dg-message "\\(1\\) \[^\n\]*pinned into 'pages' here by 'xbuf_pin_user' \\(defined in \[^\n\]*lib-xbuf.c:10\\)" } */
	if (got <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	xbuf_put(pages, got); /* { dg-warning "pinned page released with 'xbuf_put'; pages pinned by 'xbuf_pin_user' must be released with 'unpin_user_pages' \\(the release to change is inside 'xbuf_put', \[^\n\]*lib-xbuf.c:27\\)" } */
	kfree(pages);
	return 0;
}

int xcam_capture_one(unsigned long uaddr)
{
	struct page *page;

	if (xbuf_pin_user(uaddr, 1, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-warning "pinned page released with 'put_page'" } */
	return 0;
}
