/*
 * The pinned pages go to qaic_map_user_pages(), unknown to the plugin;
 * when it fails (its negative return is tested) it kept nothing (point
 * 3c), and the error label frees the array with the pages still pinned:
 * a leak at the kvfree().
 */
#include "driver-api.h"

struct qaic_device;
struct qaic_bo {
	struct page **pages;
	int nr_pages;
};

int qaic_map_user_pages(struct qaic_device *qdev, struct page **pages, int nr,
			enum dma_data_direction dir);

int qaic_bo_attach_user(struct qaic_device *qdev, struct qaic_bo *bo,
			unsigned long uaddr, int nr_pages)
{
	struct page **pages;
	int ret;

	pages = kvmalloc_array(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret < 0)
		goto free_pages;
	if (ret != nr_pages) {
		unpin_user_pages(pages, ret);
		ret = -EFAULT;
		goto free_pages;
	}
	ret = qaic_map_user_pages(qdev, pages, nr_pages, DMA_BIDIRECTIONAL);
	if (ret < 0)
		goto free_pages;
	bo->pages = pages;
	bo->nr_pages = nr_pages;
	return 0;

free_pages:
	kvfree(pages); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_pages' \\\[pinbalance-leak\\\]" } */
	return ret;
}
