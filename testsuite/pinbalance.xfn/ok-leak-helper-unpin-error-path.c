/*
 * Every error path after the pin goes through the driver's unpin helper
 * (its summary: unpins its array parameter, as many as its count says);
 * on success each page goes into the scatterlist (sg_set_page(), an
 * owner).  The array is local, so its leaks are checked: there is none,
 * and the helper's own unpin is no mismatch.
 */
#include "driver-api.h"

#define IVTV_DMA_SG_MAX	16

struct ivtv_dma_page_info {
	unsigned long uaddr;
	unsigned int offset;
	int page_count;
};

struct ivtv_user_dma {
	struct scatterlist sg[IVTV_DMA_SG_MAX];
	int page_count;
	bool busy;
};

static void ivtv_udma_unpin(struct page **map, int count, bool dirty)
{
	unpin_user_pages_dirty_lock(map, count, dirty);
}

int ivtv_udma_setup(struct ivtv_user_dma *dma, struct ivtv_dma_page_info *info)
{
	struct page *map[IVTV_DMA_SG_MAX];
	long err;
	int i;

	if (dma->busy || info->page_count > IVTV_DMA_SG_MAX)
		return -EBUSY;
	err = pin_user_pages_unlocked(info->uaddr, info->page_count, map, FOLL_WRITE);
	if (err != info->page_count) {
		if (err >= 0) {
			ivtv_udma_unpin(map, err, false);
			return -EINVAL; /* { dg-bogus "leak" } */
		}
		return err;
	}
	if (info->offset >= PAGE_SIZE) {
		ivtv_udma_unpin(map, info->page_count, false);
		return -EINVAL; /* { dg-bogus "leak" } */
	}
	for (i = 0; i < info->page_count; i++)
		sg_set_page(&dma->sg[i], map[i], PAGE_SIZE - (i ? 0 : info->offset),
			    i ? 0 : info->offset);
	dma->page_count = info->page_count;
	dma->busy = true;
	return info->page_count; /* { dg-bogus "leak" } */
}
