/*
 * The pinned pages are passed to a function the plugin does not know (a
 * sync for the CPU) and then unpinned once, with the right kind (point
 * 3a): neither a mismatch nor a double release.
 */
#include "driver-api.h"

struct mdev_state;
void mdev_dma_sync_for_cpu(struct mdev_state *mdev, struct page **pages, int npages);

int mdev_read_guest(struct mdev_state *mdev, unsigned long uaddr, int npages,
		    unsigned char *dst)
{
	struct page *pages[16];
	int pinned, i;

	if (npages > 16)
		return -E2BIG;
	pinned = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (pinned <= 0)
		return -EFAULT;
	mdev_dma_sync_for_cpu(mdev, pages, pinned);
	for (i = 0; i < pinned; i++) {
		void *va = kmap_local_page(pages[i]);

		memcpy(dst + i * PAGE_SIZE, va, PAGE_SIZE);
		kunmap_local(va);
		unpin_user_page(pages[i]); /* { dg-bogus "released with|double" } */
	}
	return 0;
}
