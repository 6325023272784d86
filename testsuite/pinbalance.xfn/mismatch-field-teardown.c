/*
 * The classic conversion miss: the buffer's pages were converted to
 * pin_user_pages_fast() in the setup function, but the teardown function
 * still drops them with release_pages().  The pages travel in a struct
 * field, from one function to the other.
 */
#include "pin-api.h"

struct xbuf {
	unsigned long uaddr;
	struct page **pages;
	int npages;
};

int xbuf_pin(struct xbuf *buf, unsigned long uaddr, int npages)
{
	int pinned;

	buf->pages = kvmalloc_array(npages, sizeof(struct page *), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, buf->pages); /* { dg-message "\\(1\\) pages pinned into 'xbuf.pages' here by 'pin_user_pages_fast' in 'xbuf_pin'" } */
	if (pinned < 0) {
		kvfree(buf->pages);
		return pinned;
	}
	buf->npages = pinned;
	buf->uaddr = uaddr;
	return 0;
}

void xbuf_teardown(struct xbuf *buf)
{
	release_pages(buf->pages, buf->npages); /* { dg-warning "pinned page released with 'release_pages'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_pages' \\\[pinbalance-mismatch\\\]" } */
	/* { dg-message "\\(2\\) released with 'release_pages' in 'xbuf_teardown', which drops get references, but 'xbuf.pages' holds pins from \\(1\\)" "" { target *-*-* } 34 } */
	kvfree(buf->pages);
	buf->pages = NULL;
}
