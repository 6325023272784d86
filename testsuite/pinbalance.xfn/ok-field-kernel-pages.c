/*
 * The buffer holds either pinned user pages or pages the driver allocated
 * itself; the teardown drops the allocated ones with put_page().  Pages
 * stored into the field from elsewhere make its kind unknown: no finding.
 */
#include "pin-api.h"

struct page *alloc_page(gfp_t gfp);

struct vbuf {
	struct page **pages;
	int n;
	bool user;
};

int vbuf_pin_user(struct vbuf *b, unsigned long uaddr, int n)
{
	int ret = pin_user_pages_fast(uaddr, n, FOLL_WRITE, b->pages);

	if (ret < 0)
		return ret;
	b->n = ret;
	b->user = true;
	return 0;
}

int vbuf_alloc_kernel(struct vbuf *b, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		b->pages[i] = alloc_page(GFP_KERNEL);
		if (!b->pages[i])
			break;
	}
	b->n = i;
	b->user = false;
	return i == n ? 0 : -ENOMEM;
}

void vbuf_release(struct vbuf *b)
{
	int i;

	if (b->user) {
		unpin_user_pages(b->pages, b->n);
		return;
	}
	for (i = 0; i < b->n; i++)
		put_page(b->pages[i]);
}
