/* A struct the files of this directory share, as a driver's header does:
 * lib-xbuf.c fills its fields, the other files release them. */
#ifndef XBUF_CTX_H
#define XBUF_CTX_H

struct page;

struct xbuf_ctx {
	struct page *notify_page;	/* get_user_pages_fast(), one page */
	void *notify;
	struct page **ring_pages;	/* pin_user_pages_fast() */
	int nr_ring_pages;
};

#endif
