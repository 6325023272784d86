/* The same teardowns, each with the release of the field's kind. */
#include "driver-api.h"
#include "xbuf-ctx.h"

void kunmap(struct page *page);

void xbuf_unset_notify_ok(struct xbuf_ctx *ctx)
{
	struct page *notify_page = ctx->notify_page;

	ctx->notify_page = NULL;
	if (notify_page) {
		kunmap(notify_page);
		put_page(notify_page); /* { dg-bogus "released with" } */
	}
}

void xbuf_unmap_ring_ok(struct xbuf_ctx *ctx)
{
	unpin_user_pages(ctx->ring_pages, ctx->nr_ring_pages); /* { dg-bogus "released with" } */
	kvfree(ctx->ring_pages);
	ctx->ring_pages = NULL;
}
