/*
 * A DMA engine's descriptor ring keeps the physical address of each
 * pinned page (page_to_phys(): the pfn shifted), and the pages stay
 * pinned until the ring is torn down.  The helper that writes the
 * descriptor is no borrower even though it only computes with the page:
 * the stored address names the page for whoever releases it later, so
 * the caller's success return does not leak.
 */
#include "driver-api.h"

extern unsigned long vmemmap_base;
#define vmemmap			((struct page *)vmemmap_base)
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))
#define page_to_phys(page)	((unsigned long long)page_to_pfn(page) << PAGE_SHIFT)

struct xdma_desc {
	unsigned long long src;
	unsigned int len;
};

struct xdma_ring {
	struct xdma_desc desc[16];
	int head;
};

static void xdma_fill_desc(struct xdma_ring *ring, struct page *page,
			   unsigned int len)
{
	struct xdma_desc *d = &ring->desc[ring->head++ & 15];

	d->src = page_to_phys(page);
	d->len = len;
}

int xdma_queue_user_page(struct xdma_ring *ring, unsigned long uaddr,
			 unsigned int len)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_LONGTERM, &page) != 1)
		return -EFAULT;
	xdma_fill_desc(ring, page, len);
	return 0; /* { dg-bogus "leak" } */
}
