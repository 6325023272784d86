/*
 * net/xdp/xdp_umem.c with 'umem->npgs = npgs;' left out of the short-pin
 * path: xdp_umem_unpin_pages() unpins 'umem->npgs' pages (its summary
 * reads the count from that field, 'count=arg1->npgs'), which still holds
 * the number pin_user_pages() was asked for.  The register function's
 * unpin, after a full pin, is fine.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "release xdp_umem_unpin_pages kind=pin pages=arg1->pgs count=arg1->npgs\t# \[^\n\]*overcount-field-helper-umem.c:\[0-9\]+" } */
/* { dg-regexp "acquire xdp_umem_pin_pages kind=pin pages=arg1->pgs count=status\t# \[^\n\]*overcount-field-helper-umem.c:\[0-9\]+" } */
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
			err = -ENOMEM;
			goto out_pin;
		}
		err = npgs;
		goto out_pgs;
	}
	return 0;

out_pin:
	xdp_umem_unpin_pages(umem); /* { dg-warning "'xdp_umem_unpin_pages' may release more pages than 'pin_user_pages' took: it releases the count in 'npgs', still the number requested; store the number it returned there first \\\[pinbalance-overcount\\\]" } */
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
	xdp_umem_unpin_pages(umem); /* { dg-bogus "overcount" } */
	return err;
}
