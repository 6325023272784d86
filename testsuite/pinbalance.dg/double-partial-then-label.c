/*
 * A partial pin unpinned where it is found, then again at the error label,
 * which the request does not own yet: 'req->page_list' is set only once
 * everything was pinned, so the test at the label does not see it set on
 * this path (rio_mport_cdev.c's rio_dma_transfer(), one line added).
 */
#include "pin-api.h"

struct dma_req {
	struct page **page_list;
	unsigned long nr_pages;
};

int submit_dma(struct dma_req *req);

int dma_transfer(unsigned long uaddr, unsigned long len)
{
	struct dma_req *req;
	struct page **page_list = NULL;
	unsigned long nr_pages = 0;
	long pinned;
	int ret;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	nr_pages = len >> PAGE_SHIFT;
	page_list = kmalloc_array(nr_pages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list) {
		ret = -ENOMEM;
		goto err_req;
	}
	pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, page_list);
	if (pinned != nr_pages) {
		if (pinned < 0) {
			nr_pages = 0;
		} else {
			unpin_user_pages(page_list, pinned);
			nr_pages = pinned;
		}
		ret = -EFAULT;
		goto err_pg;
	}
	req->page_list = page_list;
	req->nr_pages = nr_pages;
	ret = submit_dma(req);
	if (ret >= 0)
		return ret;
err_pg:
	if (!req->page_list) {
		unpin_user_pages(page_list, nr_pages); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast'" } */
		kfree(page_list);
	}
err_req:
	kfree(req);
	return ret;
}
