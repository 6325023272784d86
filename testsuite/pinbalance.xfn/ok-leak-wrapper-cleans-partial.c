/*
 * The wrapper pins into its caller's array; on a short pin it unpins what
 * it got and returns -EFAULT, so an error return leaves nothing pinned
 * (its summary).  The caller returns that error without unpinning, and
 * unpins on its own later error path and on success.
 */
#include "driver-api.h"

struct mtk_vcodec_buf {
	struct page *pages[8];
	int npages;
	unsigned int len;
};

static int mtk_vcodec_pin_all(unsigned long uaddr, int npages, struct page **pages)
{
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	if (ret != npages) {
		unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	return 0;
}

int mtk_vcodec_fill_user(unsigned long uaddr, int npages, unsigned int len)
{
	struct page *pages[8];
	int ret, i;

	if (npages > 8 || len > npages * PAGE_SIZE)
		return -EINVAL;
	ret = mtk_vcodec_pin_all(uaddr, npages, pages);
	if (ret)
		return ret; /* { dg-bogus "leak" } */
	for (i = 0; i < npages; i++) {
		if (PageCompound(pages[i])) {
			unpin_user_pages(pages, npages);
			return -EINVAL;
		}
	}
	for (i = 0; i < npages; i++) {
		void *va = kmap_local_page(pages[i]);

		memset(va, 0, PAGE_SIZE);
		kunmap_local(va);
		set_page_dirty_lock(pages[i]);
	}
	unpin_user_pages(pages, npages);
	return 0;
}
