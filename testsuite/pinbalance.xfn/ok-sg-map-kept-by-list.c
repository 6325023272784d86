/*
 * A scatterlist that keeps the pages: the driver pins a user buffer,
 * sets each page into the request's scatterlist with a helper ('owner
 * xreq_fill_sg pages=arg2 entry=arg1'), frees the array once the device
 * has the list, and unpins the pages when the request completes, reading
 * each back with sg_page().  Only when the device refuses the list does
 * the submitting function unpin from the array: a release on the way to
 * an error return says nothing of the list, which keeps the pages on
 * success.  Nothing leaks.
 */
#include "driver-api.h"

struct xreq {
	struct scatterlist *sgl;
	unsigned int nents;
};

int xreq_queue(struct xreq *req);

static void xreq_fill_sg(struct scatterlist *sgl, struct page **pages,
			 int nr_pages)
{
	int i;

	for (i = 0; i < nr_pages; i++)
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
}

int xreq_submit_user(struct xreq *req, unsigned long uaddr, int nr_pages)
{
	struct page **pages;
	int pinned, ret;

	pages = kvmalloc_array(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE, pages);
	if (pinned != nr_pages) {
		ret = -EFAULT;
		if (pinned > 0)
			goto err_unpin;
		goto err_free;
	}
	xreq_fill_sg(req->sgl, pages, pinned);
	req->nents = pinned;
	ret = xreq_queue(req);
	if (ret)
		goto err_unpin;
	/* the request's list keeps the pins until it completes */
	kvfree(pages); /* { dg-bogus "leak" } */
	return 0;

err_unpin:
	unpin_user_pages(pages, pinned);
err_free:
	kvfree(pages);
	return ret;
}

void xreq_complete(struct xreq *req)
{
	unsigned int i;

	for (i = 0; i < req->nents; i++)
		unpin_user_page(sg_page(&req->sgl[i])); /* { dg-bogus "mismatch|double" } */
	req->nents = 0;
}
