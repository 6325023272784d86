/* dma_map_page() maps a pinned page for the device and takes no reference:
 * the page stays the caller's, so a mapping failure that skips the unpin
 * leaks it, and the unpin after the unmap is the release. */
#include "driver-api.h"

int doorbell_ring(struct device *dev, dma_addr_t dma);

struct doorbell {
	struct device *dev;
	struct page *page;
	dma_addr_t dma;
};

int doorbell_map(struct doorbell *db, unsigned long uaddr)
{
	struct page *page;
	dma_addr_t dma;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (ret != 1)
		return ret < 0 ? ret : -EFAULT;
	dma = dma_map_page(db->dev, page, 0, PAGE_SIZE, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(db->dev, dma))
		return -ENOMEM; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
	db->page = page;
	db->dma = dma;
	return 0;
}

int doorbell_probe_once(struct device *dev, unsigned long uaddr)
{
	struct page *page;
	dma_addr_t dma;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return ret < 0 ? ret : -EFAULT;
	dma = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, dma)) {
		ret = -ENOMEM;
		goto unpin;
	}
	ret = doorbell_ring(dev, dma);
	dma_unmap_page(dev, dma, PAGE_SIZE, DMA_TO_DEVICE);
unpin:
	unpin_user_page(page);
	return ret;
}
