/*
 * A helper releases the pages one by one, marking each dirty and then
 * unpinning it (its summary: releases its array parameter, kind pin, the
 * count given, through a loop of single-page unpins).  The caller uses it
 * on every path that pinned something: no mismatch, no leak.
 */
#include "driver-api.h"

struct gntdev_copy_batch {
	struct page *pages[16];
	unsigned int nr_pages;
	bool writeable;
};

static void gntdev_put_pages(struct gntdev_copy_batch *batch)
{
	unsigned int i;

	for (i = 0; i < batch->nr_pages; i++) {
		if (batch->writeable)
			set_page_dirty_lock(batch->pages[i]);
		unpin_user_page(batch->pages[i]);
	}
	batch->nr_pages = 0;
}

int gntdev_copy_from_user_batch(struct gntdev_copy_batch *batch, unsigned long virt,
				unsigned char *dst, size_t len)
{
	void *va;
	int ret;

	if (offset_in_page(virt) + len > PAGE_SIZE || batch->nr_pages >= 16)
		return -EINVAL;
	ret = pin_user_pages_fast(virt, 1, batch->writeable ? FOLL_WRITE : 0,
				  batch->pages + batch->nr_pages);
	if (ret < 0)
		return ret;
	batch->nr_pages++;
	va = kmap_local_page(batch->pages[batch->nr_pages - 1]);
	memcpy(dst, (unsigned char *)va + offset_in_page(virt), len);
	kunmap_local(va);
	gntdev_put_pages(batch); /* { dg-bogus "released with|double" } */
	return 0;
}
