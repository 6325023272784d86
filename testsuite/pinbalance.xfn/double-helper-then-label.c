/*
 * The failing branch unpins through the driver's helper, then jumps to
 * the label that unpins again: a double release, at the label's unpin.
 * The first release is the helper's call (its summary: unpins the whole
 * array, the count given).
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
	int pinned, i, ret = 0;

	if (npage > 16)
		return -E2BIG;
	pinned = pin_user_pages_fast(vaddr, npage, 0, pages);
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	if (mdev->broken) {
		dev_err(mdev->dev, "device gone, dropping %d pages\n", pinned);
		mdev_unpin_pages(pages, pinned, false);
		ret = -EIO;
		goto out_unpin;
	}
	for (i = 0; i < pinned; i++) {
		void *va = kmap_local_page(pages[i]);

		memcpy(mdev->bounce + i * PAGE_SIZE, va, PAGE_SIZE);
		kunmap_local(va);
	}
out_unpin:
	unpin_user_pages(pages, pinned); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast' \\\[pinbalance-double-release\\\]" } */
	return ret;
}
