/*
 * The request pins into a local array, then hands it to the request
 * struct; the completion releases the request's pages with release_pages().
 */
#include "pin-api.h"

struct io_req {
	struct page **pages;
	int nr_pages;
};

int io_req_prep(struct io_req *req, unsigned long uaddr, int n)
{
	struct page **pages;
	int ret;

	pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	if (ret != n) {
		if (ret > 0)
			unpin_user_pages(pages, ret);
		kvfree(pages);
		return -EFAULT;
	}
	req->pages = pages;
	req->nr_pages = n;
	return 0;
}

void io_req_complete(struct io_req *req)
{
	release_pages(req->pages, req->nr_pages); /* { dg-warning "pinned page released with 'release_pages'.*\\\[pinbalance-mismatch\\\]" } */
	kvfree(req->pages);
}
