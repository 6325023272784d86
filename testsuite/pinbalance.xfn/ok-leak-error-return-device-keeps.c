/*
 * The pinned array goes to qaic_map_user_pages(), unknown to the plugin,
 * which keeps the pages in the device when it succeeds (the device's
 * release path unpins them).  Its tested error return leads to the unpin
 * (point 3c); the success path returns with the pages the device now
 * holds: no leak.
 */
#include "driver-api.h"

struct qaic_device;

int qaic_map_user_pages(struct qaic_device *qdev, struct page **pages, int nr,
			enum dma_data_direction dir);

int qaic_attach_user(struct qaic_device *qdev, unsigned long uaddr, int nr_pages)
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
		nr_pages = ret;
		ret = -EFAULT;
		goto unpin_pages;
	}
	ret = qaic_map_user_pages(qdev, pages, nr_pages, DMA_BIDIRECTIONAL);
	if (ret < 0)
		goto unpin_pages;
	return 0; /* { dg-bogus "leak" } */

unpin_pages:
	unpin_user_pages(pages, nr_pages);
free_pages:
	kvfree(pages);
	return ret;
}
