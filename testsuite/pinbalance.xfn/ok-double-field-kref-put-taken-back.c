/*
 * rio_dma_transfer()'s shape (drivers/rapidio/devices/rio_mport_cdev.c)
 * with an error label that takes the pages back from the request before
 * unpinning them: 'req->page_list = NULL' leaves dma_req_free() nothing
 * to unpin, so the pages are released once.
 */
#include "driver-api.h"

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

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
int dma_map_sgt(struct sg_table *sgt);
int do_dma_request(struct dma_req *req);

static void dma_req_free(struct kref *ref)
{
	struct dma_req *req = container_of(ref, struct dma_req, refcount);

	sg_free_table(&req->sgt);
	if (req->page_list) {
		unpin_user_pages(req->page_list, req->nr_pages);
		kfree(req->page_list);
	}
	kfree(req);
}

int dma_transfer(unsigned long uaddr, unsigned long len)
{
	struct page **page_list = NULL;
	unsigned long nr_pages = 0;
	struct dma_req *req;
	long pinned;
	int ret;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	kref_init(&req->refcount);
	if (uaddr) {
		nr_pages = len >> PAGE_SHIFT;
		page_list = kmalloc_array(nr_pages, sizeof(*page_list),
					  GFP_KERNEL);
		if (!page_list) {
			ret = -ENOMEM;
			goto err_req;
		}
		pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE,
					     page_list);
		if (pinned != nr_pages) {
			nr_pages = pinned < 0 ? 0 : pinned;
			ret = -EFAULT;
			goto err_pg;
		}
		ret = sg_alloc_table_from_pages(&req->sgt, page_list, nr_pages,
						0, len, GFP_KERNEL);
		if (ret)
			goto err_pg;
		req->page_list = page_list;
		req->nr_pages = nr_pages;
	}
	if (!dma_map_sgt(&req->sgt)) {
		ret = -EFAULT;
		goto err_pg;
	}
	ret = do_dma_request(req);
err_pg:
	if (page_list) {
		req->page_list = NULL;
		unpin_user_pages(page_list, nr_pages); /* { dg-bogus "double" } */
		kfree(page_list);
	}
err_req:
	kref_put(&req->refcount, dma_req_free);
	return ret;
}
