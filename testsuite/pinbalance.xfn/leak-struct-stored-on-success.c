/*
 * Reduced from rio_dma_transfer() (drivers/rapidio/devices/rio_mport_cdev.c)
 * with its sg-table failure jumping to the wrong label: the pinned array
 * is stored into the request only once the table is built, so when
 * building it fails the request, whose refcount put frees it, does not
 * hold the pages.  Passing '&req->refcount' on hands over only what the
 * request held when the pages were pinned: here, nothing.  A leak.
 */
#include "driver-api.h"

struct kref {
	int refcount;
};

struct dma_req {
	struct kref refcount;
	struct sg_table sgt;
	struct page **page_list;
	unsigned long nr_pages;
};

void kref_init(struct kref *kref);
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
void dma_req_free(struct kref *ref);
int do_dma_request(struct dma_req *req);

int dma_transfer(unsigned long uaddr, unsigned long nr_pages, size_t len)
{
	struct page **page_list;
	struct dma_req *req;
	long pinned;
	int ret;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	kref_init(&req->refcount);
	page_list = kmalloc_array(nr_pages, sizeof(*page_list), GFP_KERNEL);
	if (!page_list) {
		ret = -ENOMEM;
		goto err_req;
	}
	pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, page_list);
	if (pinned != nr_pages) {
		nr_pages = pinned < 0 ? 0 : pinned;
		ret = -EFAULT;
		goto err_pg;
	}
	ret = sg_alloc_table_from_pages(&req->sgt, page_list, nr_pages, 0,
					len, GFP_KERNEL);
	if (ret)
		goto err_req;
	req->page_list = page_list;
	req->nr_pages = nr_pages;
	ret = do_dma_request(req);
err_pg:
	if (!req->page_list) {
		unpin_user_pages(page_list, nr_pages);
		kfree(page_list);
	}
err_req:
	kref_put(&req->refcount, dma_req_free);
	return ret; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
}
