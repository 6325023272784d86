/* Reduced from net/xdp/xdp_umem.c: the array lives in the caller's struct
 * and a helper given the struct unpins it before the array is freed. */
#include "pin-api.h"

struct umem {
	struct page **pgs;
	unsigned int npgs;
};

void umem_unpin_pages(struct umem *umem);

int umem_pin_pages(struct umem *umem, unsigned long address)
{
	long npgs;

	umem->pgs = kvcalloc(umem->npgs, sizeof(*umem->pgs), GFP_KERNEL);
	if (!umem->pgs)
		return -ENOMEM;
	npgs = pin_user_pages(address, umem->npgs, FOLL_WRITE | FOLL_LONGTERM,
			      &umem->pgs[0]);
	if (npgs != umem->npgs) {
		if (npgs >= 0) {
			umem->npgs = npgs;
			goto out_pin;
		}
		goto out_pgs;
	}
	return 0;
out_pin:
	umem_unpin_pages(umem);
out_pgs:
	kvfree(umem->pgs); /* { dg-bogus "leak" } */
	umem->pgs = NULL;
	return -ENOMEM;
}
