/*
 * The wrapper pins into its caller's array and, on a short pin, returns
 * -EFAULT without unpinning what it got (its summary: an error return may
 * leave pages pinned).  The caller returns that error: the pages pinned
 * into its local array leak, at the caller's return (points 1 and 4).
 */
#include "driver-api.h"

struct mtk_vcodec_buf {
	unsigned int len;
};

static int mtk_vcodec_pin_all(unsigned long uaddr, int npages, struct page **pages)
{
	int ret;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	if (ret != npages)
		return -EFAULT;
	return 0;
}

int mtk_vcodec_fill_user(struct mtk_vcodec_buf *buf, unsigned long uaddr, int npages)
{
	struct page *pages[8];
	int ret, i;

	if (npages > 8)
		return -EINVAL;
	ret = mtk_vcodec_pin_all(uaddr, npages, pages);
	if (ret)
		return ret; /* { dg-warning "leak of pages pinned by \[^\n\]*\\\[pinbalance-leak\\\]" } */
	for (i = 0; i < npages; i++) {
		void *va = kmap_local_page(pages[i]);

		memset(va, 0, PAGE_SIZE);
		kunmap_local(va);
		set_page_dirty_lock(pages[i]);
	}
	buf->len = npages * PAGE_SIZE;
	unpin_user_pages(pages, npages);
	return 0;
}
