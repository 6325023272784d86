/* Reduced from Linux 6.12 drivers/accel/qaic/qaic_control.c
 * (find_and_map_user_pages): the short-pin path sets the count to what
 * was pinned before jumping to the label that puts that many pages, so
 * the put loop runs at least once whenever pages were taken. */
#include "pin-api.h"

struct sg_table;
int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
			      unsigned int n_pages, unsigned int offset,
			      unsigned long size, gfp_t gfp);
void sg_free_table(struct sg_table *sgt);
int map_table(struct sg_table *sgt);

struct xfer {
	struct sg_table *sgt;
	struct page **page_list;
	unsigned long nr_pages;
};

int find_and_map_user_pages(struct xfer *xfer, unsigned long addr,
			    unsigned long need_pages)
{
	struct page **page_list;
	unsigned long nr_pages = need_pages;
	struct sg_table *sgt;
	int ret;
	int i;

	while (1) {
		page_list = kmalloc_array(nr_pages, sizeof(*page_list), GFP_KERNEL);
		if (!page_list) {
			nr_pages = nr_pages / 2;
			if (!nr_pages)
				return -ENOMEM;
		} else {
			break;
		}
	}

	ret = get_user_pages_fast(addr, nr_pages, 0, page_list);
	if (ret < 0)
		goto free_page_list;
	if (ret != nr_pages) {
		nr_pages = ret;
		ret = -EFAULT;
		goto put_pages;
	}

	sgt = kmalloc(64, GFP_KERNEL);
	if (!sgt) {
		ret = -ENOMEM;
		goto put_pages;
	}
	ret = sg_alloc_table_from_pages(sgt, page_list, nr_pages, 0,
					nr_pages * PAGE_SIZE, GFP_KERNEL);
	if (ret) {
		ret = -ENOMEM;
		goto free_sgt;
	}
	ret = map_table(sgt);
	if (ret)
		goto free_table;

	xfer->sgt = sgt;
	xfer->page_list = page_list;
	xfer->nr_pages = nr_pages;
	return 0;

free_table:
	sg_free_table(sgt);
free_sgt:
	kfree(sgt);
put_pages:
	for (i = 0; i < nr_pages; ++i)
		put_page(page_list[i]);
free_page_list:
	kfree(page_list); /* { dg-bogus "leak" } */
	return ret;
}
