/*
 * A helper pins into the array its caller keeps in umem->pgs (an acquire
 * into the caller's object, points 1 and 4).  The caller leaves the pages
 * in the umem on success, whose release function unpins them; on a short
 * pin it unpins what was pinned before freeing the array: no leak.
 */
#include "driver-api.h"

struct xdp_umem {
	struct page **pgs;
	unsigned int npgs;
	unsigned long address;
};

static long xdp_umem_pin_pages(struct xdp_umem *umem)
{
	return pin_user_pages(umem->address, umem->npgs, FOLL_WRITE | FOLL_LONGTERM,
			      umem->pgs);
}

int xdp_umem_reg(struct xdp_umem *umem, unsigned long address, unsigned int npgs)
{
	long pinned;

	umem->address = address;
	umem->npgs = npgs;
	umem->pgs = kvcalloc(npgs, sizeof(*umem->pgs), GFP_KERNEL);
	if (!umem->pgs)
		return -ENOMEM;
	pinned = xdp_umem_pin_pages(umem);
	if (pinned != npgs) {
		if (pinned > 0)
			unpin_user_pages(umem->pgs, pinned);
		kvfree(umem->pgs); /* { dg-bogus "leak" } */
		umem->pgs = NULL;
		return pinned < 0 ? pinned : -ENOMEM;
	}
	return 0; /* { dg-bogus "leak" } */
}

void xdp_umem_release(struct xdp_umem *umem)
{
	unpin_user_pages_dirty_lock(umem->pgs, umem->npgs, true);
	kvfree(umem->pgs);
	umem->pgs = NULL;
}
