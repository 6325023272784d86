/*
 * ib_umem_pin_chunk() pins into the array its caller passes (an acquire
 * for the caller, points 1 and 4).  The caller allocated that array, and
 * frees it on the short-pin path with the pages still pinned: a leak at
 * the kfree().
 */
#include "driver-api.h"

struct ib_umem {
	unsigned long address;
	bool writable;
	unsigned int npages;
};

static int ib_umem_pin_chunk(struct ib_umem *umem, unsigned long addr,
			     int npages, struct page **page_list)
{
	unsigned int gup_flags = FOLL_LONGTERM;

	if (umem->writable)
		gup_flags |= FOLL_WRITE;
	return pin_user_pages_fast(addr, npages, gup_flags, page_list);
}

int ib_umem_probe(struct ib_umem *umem, int npages)
{
	struct page **page_list;
	int ret, i;

	page_list = kmalloc_array(npages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;
	ret = ib_umem_pin_chunk(umem, umem->address, npages, page_list);
	if (ret < 0)
		goto out;
	if (ret != npages) {
		ret = -EFAULT;
		goto out;
	}
	for (i = 0; i < npages; i++)
		set_page_dirty_lock(page_list[i]);
	unpin_user_pages(page_list, npages);
	umem->npages = npages;
	ret = 0;
out:
	kfree(page_list); /* { dg-warning "leak of pages pinned by \[^\n\]*\\\[pinbalance-leak\\\]" } */
	return ret;
}
