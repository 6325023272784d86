/* As vmci_ctx_unset_notify() in vmci_context.c, with the notify page
 * that vmci_host.c took with get_user_pages_fast() unpinned: the
 * database says what the other file put into the field. */
#include "driver-api.h"
#include "xbuf-ctx.h"

void kunmap(struct page *page);

void xbuf_unset_notify(struct xbuf_ctx *ctx)
{
	struct page *notify_page = ctx->notify_page;

	ctx->notify_page = NULL;
	if (notify_page) {
		kunmap(notify_page);
		unpin_user_page(notify_page); /* { dg-warning "page reference from 'xbuf_ctx.notify_page' released with 'unpin_user_page'; release it with 'put_page'" } */
		/* { dg-message "\\(1\\) 'xbuf_ctx.notify_page' holds get references put there in \[^\n\]*lib-xbuf.c:76 \\(summary database\\)" "" { target *-*-* } 16 } */
	}
}
