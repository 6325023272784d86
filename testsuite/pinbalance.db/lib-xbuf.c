/*
 * A subsystem's page helpers, in a file of their own (as
 * drivers/media/common/videobuf2 or net/xdp keep theirs): the database
 * compiled from this file tells every other file what they do.
 * db.exp compiles it with -fplugin-arg-pinbalance-summaries-out.
 */
#include "driver-api.h"

/* pins up to n pages of the user buffer; the count, or -errno */
int xbuf_pin_user(unsigned long uaddr, int n, struct page **pages)
{
	return pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages);
}

/* takes ordinary references: for buffers only read once */
int xbuf_get_user(unsigned long uaddr, int n, struct page **pages)
{
	return get_user_pages_fast(uaddr, n, 0, pages);
}

void xbuf_unpin(struct page **pages, int n)
{
	unpin_user_pages(pages, n);
}

/* the old release, from before the driver pinned */
void xbuf_put(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]);
}

/* only reads the pages */
unsigned int xbuf_csum(struct page *page)
{
	void *kaddr = kmap_local_page(page);
	unsigned int sum = *(unsigned int *)kaddr;

	kunmap_local(kaddr);
	return sum;
}

/* static: no other file can call it, so it is not in the database */
static void xbuf_unpin_local(struct page **pages, int n)
{
	unpin_user_pages(pages, n);
}

void xbuf_unpin_all(struct page **pages, int n)
{
	xbuf_unpin_local(pages, n);
}

void xbuf_stash(struct page *page);

/* drops the page or keeps it, as its caller says: it owns the page */
void xbuf_give(struct page *page, bool drop)
{
	if (drop)
		put_page(page);
	else
		xbuf_stash(page);
}

#include "xbuf-ctx.h"

/* as vmci_host_setup_notify(): a get reference kept in the context */
int xbuf_setup_notify(struct xbuf_ctx *ctx, unsigned long uva)
{
	struct page *page;

	if (ctx->notify_page)
		return -EBUSY;
	if (get_user_pages_fast(uva, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	ctx->notify_page = page;
	ctx->notify = kmap(ctx->notify_page) + (uva & (PAGE_SIZE - 1));
	return 0;
}

/* the ring's pages, pinned for as long as the context lives */
int xbuf_map_ring(struct xbuf_ctx *ctx, unsigned long uaddr, int n)
{
	struct page **pages = kvcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got != n) {
		if (got > 0)
			unpin_user_pages(pages, got);
		kvfree(pages);
		return -EFAULT;
	}
	ctx->ring_pages = pages;
	ctx->nr_ring_pages = n;
	return 0;
}

/* puts the region on the device's list, which keeps it and its pages
 * from now on; refused when the device has as many as it takes */
int xbuf_region_add(struct xbuf_dev *dev, struct xbuf_region *region)
{
	if (dev->nregions == dev->max_regions)
		return -EBUSY;
	list_add(&region->node, &dev->regions);
	dev->nregions++;
	return 0;
}

/*
 * A request on one page, as NFS's nfs_page_create_from_page(): it takes
 * a reference of its own on the page it keeps (nfs_page_assign_page()),
 * so the caller's reference stays the caller's to drop (a borrower).
 */
struct xbuf_req {
	struct page *page;
	unsigned int offset;
	unsigned int len;
};

static void xbuf_req_assign_page(struct xbuf_req *req, struct page *page)
{
	if (page) {
		req->page = page;
		get_page(page);
	}
}

struct xbuf_req *xbuf_req_create(struct page *page, unsigned int offset,
				 unsigned int len)
{
	struct xbuf_req *req = kzalloc(sizeof(*req), GFP_KERNEL);

	if (!req)
		return ERR_PTR(-ENOMEM);
	req->offset = offset;
	req->len = len;
	xbuf_req_assign_page(req, page);
	return req;
}

/* keeps the page without a reference of its own: takes the caller's */
struct xbuf_req *xbuf_req_adopt(struct page *page)
{
	struct xbuf_req *req = kzalloc(sizeof(*req), GFP_KERNEL);

	if (!req)
		return ERR_PTR(-ENOMEM);
	req->page = page;
	return req;
}
