/*
 * The rejecting branch unpins through the driver's helper and returns;
 * the other path unpins directly at the end.  The two releases are on
 * exclusive paths: no double release.
 */
#include "driver-api.h"

struct mdev_state {
	struct device *dev;
	bool broken;
	unsigned char *bounce;
};

static void mdev_unpin_pages(struct page **pages, int npages, bool dirty)
{
	unpin_user_pages_dirty_lock(pages, npages, dirty);
}

int mdev_dma_read(struct mdev_state *mdev, unsigned long vaddr, int npage)
{
	struct page *pages[16];
	int pinned, i;

	if (npage > 16)
		return -E2BIG;
	pinned = pin_user_pages_fast(vaddr, npage, 0, pages);
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	if (mdev->broken) {
		dev_err(mdev->dev, "device gone, dropping %d pages\n", pinned);
		mdev_unpin_pages(pages, pinned, false);
		return -EIO;
	}
	for (i = 0; i < pinned; i++) {
		void *va = kmap_local_page(pages[i]);

		memcpy(mdev->bounce + i * PAGE_SIZE, va, PAGE_SIZE);
		kunmap_local(va);
	}
	unpin_user_pages(pages, pinned); /* { dg-bogus "double" } */
	return 0;
}
