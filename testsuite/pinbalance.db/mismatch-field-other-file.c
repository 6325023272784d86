/* The ring's teardown, in another file than the pin: release_pages() on
 * the pinned 'ring_pages', the conversion miss the pin API was made for. */
#include "driver-api.h"
#include "xbuf-ctx.h"

void xbuf_unmap_ring(struct xbuf_ctx *ctx)
{
	release_pages(ctx->ring_pages, ctx->nr_ring_pages); /* { dg-warning "pinned page released with 'release_pages'; pages pinned into 'xbuf_ctx.ring_pages' must be released with 'unpin_user_pages'" } */
	kvfree(ctx->ring_pages);
	ctx->ring_pages = NULL;
}
