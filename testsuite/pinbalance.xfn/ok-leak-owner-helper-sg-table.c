/*
 * A helper builds the scatter table from the pinned pages with
 * sg_alloc_table_from_pages() (an owner) and keeps the array in the
 * memory region (its summary: an owner of the array when it returns 0).
 * On its failure the caller unpins and frees; on success the region owns
 * the pages: no leak.
 */
#include "driver-api.h"

struct rdma_umem {
	struct sg_table sgt;
	struct page **page_list;
	int npages;
};

static int umem_build_sgt(struct rdma_umem *umem, struct page **page_list,
			  int npages, unsigned long addr, size_t length)
{
	int ret;

	ret = sg_alloc_table_from_pages(&umem->sgt, page_list, npages,
					offset_in_page(addr), length, GFP_KERNEL);
	if (ret)
		return ret;
	umem->page_list = page_list;
	umem->npages = npages;
	return 0;
}

int rdma_umem_get(struct rdma_umem *umem, unsigned long addr, size_t length)
{
	int npages = PFN_UP(offset_in_page(addr) + length);
	struct page **page_list;
	int pinned, ret;

	page_list = kvcalloc(npages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;
	pinned = pin_user_pages_fast(addr & PAGE_MASK, npages,
				     FOLL_WRITE | FOLL_LONGTERM, page_list);
	if (pinned != npages) {
		ret = pinned < 0 ? pinned : -EFAULT;
		if (pinned > 0)
			unpin_user_pages(page_list, pinned);
		goto out_free;
	}
	ret = umem_build_sgt(umem, page_list, npages, addr, length);
	if (ret) {
		unpin_user_pages(page_list, npages);
		goto out_free;
	}
	return 0; /* { dg-bogus "leak" } */

out_free:
	kvfree(page_list);
	return ret;
}
