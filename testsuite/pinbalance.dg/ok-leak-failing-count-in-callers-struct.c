/*
 * As drivers/misc/bcm-vk/bcm_vk_sg.c's bcm_vk_dma_alloc(): on a short
 * get_user_pages_fast() the helper records in the caller's 'dma' how many
 * pages it got, and returns an error; the caller's cleanup,
 * bcm_vk_dma_free(), puts 'dma->nr_pages' pages.  The count is where the
 * caller reads it, so the pages left there are the caller's.  Silent.
 */
#include "driver-api.h"

struct bcm_vk_dma {
	struct page **pages;
	int nr_pages;
	int direction;
};

int bcm_vk_dma_alloc(struct bcm_vk_dma *dma, unsigned long data, int nr)
{
	int err;

	dma->nr_pages = nr;
	dma->pages = kmalloc_array(dma->nr_pages, sizeof(struct page *),
				   GFP_KERNEL);
	if (!dma->pages)
		return -ENOMEM;

	err = get_user_pages_fast(data & PAGE_MASK, dma->nr_pages,
				  dma->direction, dma->pages);
	if (err != dma->nr_pages) {
		dma->nr_pages = (err >= 0) ? err : 0;
		dev_err(NULL, "get_user_pages_fast, err=%d [%d]\n",
			err, dma->nr_pages);
		return err < 0 ? err : -EINVAL; /* { dg-bogus "leak" } */
	}
	return 0;
}

void bcm_vk_dma_free(struct bcm_vk_dma *dma)
{
	int i;

	for (i = 0; i < dma->nr_pages; i++)
		put_page(dma->pages[i]);
	kfree(dma->pages);
}
