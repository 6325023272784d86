/*
 * The setup pins into ctx->pages; the teardown hands what it loads from
 * that field to a static helper that unpins the pages and frees the array
 * (points 1 and 2): the right kind.
 */
#include "driver-api.h"

struct isp_user_ctx {
	struct page **pages;
	int npages;
	struct sg_table sgt;
};

static void isp_unpin_pages(struct page **pages, int npages)
{
	unpin_user_pages_dirty_lock(pages, npages, true);
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
	isp_unpin_pages(ctx->pages, ctx->npages); /* { dg-bogus "released with" } */
	ctx->pages = NULL;
}
