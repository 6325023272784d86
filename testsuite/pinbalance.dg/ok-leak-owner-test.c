/* Cleanup that unpins only what the request does not own yet. */
#include "pin-api.h"

struct dma_req {
	struct page **page_list;
	int nr_pages;
};

int map_request(struct dma_req *req, unsigned long uaddr, int nr_pages)
{
	struct page **page_list;
	long pinned;
	int ret;

	page_list = kmalloc_array(nr_pages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, page_list);
	if (pinned != nr_pages) {
		nr_pages = pinned < 0 ? 0 : pinned;
		ret = -EFAULT;
		goto err_pg;
	}
	req->page_list = page_list;
	req->nr_pages = nr_pages;
	ret = device_busy();
	if (ret)
		goto err_pg;
	return 0;
err_pg:
	if (!req->page_list) {
		unpin_user_pages(page_list, nr_pages);
		kfree(page_list);
	}
	return ret; /* { dg-bogus "leak" } */
}
