/*
 * A driver's user-buffer DMA, in the shape of net/9p/trans_virtio.c: the
 * buffer's pages are pinned into an array, mapped into the device's
 * scatterlist by a helper for one transfer, and unpinned from the array
 * once the transfer is done, or refused.
 */
#include "driver-api.h"

struct xdev {
	struct scatterlist sg[64];
	unsigned int nents;
};

int xdev_start(struct xdev *xd, unsigned int nents);
int xdev_wait(struct xdev *xd);

static void xdev_fill_sg(struct scatterlist *sgl, struct page **pages,
			 int nr_pages, size_t offset, size_t len)
{
	int i;

	for (i = 0; i < nr_pages; i++) {
		size_t n = min_t(size_t, PAGE_SIZE - offset, len);

		sg_set_page(&sgl[i], pages[i], n, offset);
		len -= n;
		offset = 0;
	}
}

int xdev_dma_user(struct xdev *xd, unsigned long uaddr, size_t len)
{
	size_t offset = uaddr & ~PAGE_MASK;
	int nr_pages = DIV_ROUND_UP(offset + len, PAGE_SIZE);
	struct page **pages;
	int pinned, ret;

	if (nr_pages > 64)
		return -EINVAL;
	pages = kvmalloc_array(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr & PAGE_MASK, nr_pages, FOLL_WRITE,
				     pages);
	if (pinned != nr_pages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		ret = pinned < 0 ? pinned : -EFAULT;
		goto free_pages;
	}
	xdev_fill_sg(xd->sg, pages, pinned, offset, len);
	xd->nents = pinned;
	ret = xdev_start(xd, pinned);
	if (!ret)
		ret = xdev_wait(xd);
	unpin_user_pages_dirty_lock(pages, pinned, !ret);
free_pages:
	kvfree(pages); /* { dg-bogus "leak" } */
	return ret;
}
