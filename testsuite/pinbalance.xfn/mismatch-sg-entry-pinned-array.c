/*
 * A driver pins a user buffer into an array it allocates, sets each page
 * into its request's scatterlist, and when the DMA mapping fails drops
 * the entries with put_page(): pinned pages, put (the shape of
 * drivers/misc/genwqe's and of the media drivers' user-buffer setup).
 * The list kept the pages, but they are still pins.
 */
#include "driver-api.h"

struct drv_req {
	struct device *dev;
	struct sg_table sgt;
	unsigned int nr_pages;
};

int drv_req_map(struct drv_req *req);

int drv_req_pin_user(struct drv_req *req, unsigned long uaddr,
		     unsigned int nr_pages)
{
	struct scatterlist *sgl = req->sgt.sgl;
	struct page **pages;
	int pinned, i, ret;

	pages = kcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE | FOLL_LONGTERM,
				     pages);
	if (pinned != nr_pages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		kfree(pages);
		return -EFAULT;
	}
	for (i = 0; i < nr_pages; i++)
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
	kfree(pages);

	ret = drv_req_map(req);
	if (ret) {
		for (i = 0; i < nr_pages; i++)
			put_page(sg_page(&sgl[i])); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page'" } */
		return ret;
	}
	req->nr_pages = nr_pages;
	return 0;
}
