/*
 * An AF_XDP-style umem, as net/xdp/xdp_umem.c: xdp_umem_pin_pages()
 * allocates 'umem->pgs', pins into it, and on a short pin records what it
 * got in 'umem->npgs' and unpins it with xdp_umem_unpin_pages(), which
 * releases that field, as many pages as 'umem->npgs' says.  The register function unpins when mapping fails; on success the
 * pages stay in the caller's umem.  Silent.
 */
#include "driver-api.h"

typedef unsigned int u32;

struct xdp_umem {
	void *addrs;
	u32 npgs;
	struct page **pgs;
	int id;
};

void *vmap(struct page **pages, unsigned int count, unsigned long flags, int prot);
void mmap_read_lock(void *mm);
void mmap_read_unlock(void *mm);
extern void *current_mm;

static void xdp_umem_unpin_pages(struct xdp_umem *umem)
{
	unpin_user_pages_dirty_lock(umem->pgs, umem->npgs, true);

	kvfree(umem->pgs);
	umem->pgs = NULL;
}

static int xdp_umem_addr_map(struct xdp_umem *umem, struct page **pages,
			     u32 nr_pages)
{
	umem->addrs = vmap(pages, nr_pages, 0, 0);
	if (!umem->addrs)
		return -ENOMEM;
	return 0;
}

static int xdp_umem_pin_pages(struct xdp_umem *umem, unsigned long address)
{
	unsigned int gup_flags = FOLL_WRITE;
	long npgs;
	int err;

	umem->pgs = kvcalloc(umem->npgs, sizeof(*umem->pgs), GFP_KERNEL);
	if (!umem->pgs)
		return -ENOMEM;

	mmap_read_lock(current_mm);
	npgs = pin_user_pages(address, umem->npgs,
			      gup_flags | FOLL_LONGTERM, &umem->pgs[0]);
	mmap_read_unlock(current_mm);

	if (npgs != umem->npgs) {
		if (npgs >= 0) {
			umem->npgs = npgs;
			err = -ENOMEM;
			goto out_pin;
		}
		err = npgs;
		goto out_pgs;
	}
	return 0;

out_pin:
	xdp_umem_unpin_pages(umem); /* { dg-bogus "overcount" } */
out_pgs:
	kvfree(umem->pgs);
	umem->pgs = NULL;
	return err;
}

int xdp_umem_reg(struct xdp_umem *umem, unsigned long addr, u32 npgs)
{
	int err;

	umem->npgs = npgs;
	err = xdp_umem_pin_pages(umem, addr);
	if (err)
		return err;

	err = xdp_umem_addr_map(umem, umem->pgs, umem->npgs);
	if (err)
		goto out_unpin;
	return 0;

out_unpin:
	xdp_umem_unpin_pages(umem);
	return err;
}
