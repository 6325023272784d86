/*
 * The setup pins into ctx->pages; the teardown hands what it loads from
 * that field to a static helper that drops the pages with release_pages()
 * (points 1 and 2: a field of pins meets a helper that releases get
 * references).  Reported at the helper's call in the teardown.
 */
#include "driver-api.h"

struct isp_user_ctx {
	struct page **pages;
	int npages;
	struct sg_table sgt;
};

static void isp_put_pages(struct page **pages, int npages)
{
	release_pages(pages, npages);
	kvfree(pages);
}

int isp_user_ctx_init(struct isp_user_ctx *ctx, unsigned long uaddr, int npages)
{
	int ret;

	ctx->pages = kvcalloc(npages, sizeof(*ctx->pages), GFP_KERNEL);
	if (!ctx->pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, ctx->pages);
	if (ret != npages) {
		if (ret > 0)
			unpin_user_pages(ctx->pages, ret);
		kvfree(ctx->pages);
		ctx->pages = NULL;
		return -EFAULT;
	}
	ctx->npages = npages;
	return 0;
}

void isp_user_ctx_fini(struct isp_user_ctx *ctx)
{
	sg_free_table(&ctx->sgt);
	isp_put_pages(ctx->pages, ctx->npages); /* { dg-warning "pinned pages? released with \[^\n\]*\\\[pinbalance-mismatch\\\]" } */
	ctx->pages = NULL;
}
