/*
 * A request keeps the kind of the pages it extracted, as fs/fuse/file.c's
 * fuse_get_user_pages() keeps 'ap->args.is_pinned =
 * iov_iter_extract_will_pin(ii)' for the function that releases them:
 * where the extraction took pages, they are the request's to release.
 * Its error path reads the record back and unpins what was pinned; the
 * pages of a kernel iterator took no reference and need nothing.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*ok-extract-kind-recorded-in-field.c: \[^\n\]*may take no reference: 0 checked where a test of their iterator tells, 1 checked by the record of their kind" } */
#include "pin-api.h"
#include "driver-api.h"

struct xfer_req {
	struct page *pages[16];
	unsigned int nr_pages;
	size_t offset;
	bool is_pinned;
};

int xfer_map(struct xfer_req *req, struct page **pages, unsigned int n);

ssize_t xfer_get_pages(struct xfer_req *req, struct iov_iter *iter,
		       size_t len)
{
	struct page *pagevec[16], **pages = pagevec;
	unsigned int npages, i;
	size_t offset;
	ssize_t ret;

	ret = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (ret <= 0)
		return ret ?: -EFAULT;
	req->is_pinned = iov_iter_extract_will_pin(iter);
	npages = DIV_ROUND_UP(offset + ret, PAGE_SIZE);
	if (xfer_map(req, pages, npages))
		goto err_release;
	for (i = 0; i < npages; i++)
		req->pages[i] = pages[i];
	req->nr_pages = npages;
	req->offset = offset;
	return ret;

err_release:
	if (req->is_pinned)
		unpin_user_pages(pages, npages);
	return -ENOMEM; /* { dg-bogus "leak" } */
}
