/*
 * A helper that pins a user buffer into its caller's array and, on a
 * short pin, returns -EFAULT without unpinning what it got: the caller
 * learns only that it failed, not how many pages are pinned, so it can
 * release none of them.
 */
#include "driver-api.h"

struct vid_dma {
	struct page **pages;
	int nr_pages;
};

int vid_pin_user_buffer(struct vid_dma *dma, unsigned long uaddr, int nr)
{
	int got;

	dma->pages = kvcalloc(nr, sizeof(*dma->pages), GFP_KERNEL);
	if (!dma->pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, dma->pages);
	if (got != nr) {
		dev_err(NULL, "pinned %d of %d pages\n", got, nr);
		return -EFAULT; /* { dg-warning "the function fails with them in the memory of its caller" } */
	}
	dma->nr_pages = nr;
	return 0;
}

int vid_pin_user_buffer_fixed(struct vid_dma *dma, unsigned long uaddr, int nr)
{
	int got;

	dma->pages = kvcalloc(nr, sizeof(*dma->pages), GFP_KERNEL);
	if (!dma->pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, dma->pages);
	if (got != nr) {
		if (got > 0)
			unpin_user_pages(dma->pages, got);
		kvfree(dma->pages);
		dma->pages = NULL;
		return -EFAULT; /* { dg-bogus "leak" } */
	}
	dma->nr_pages = nr;
	return 0;
}
