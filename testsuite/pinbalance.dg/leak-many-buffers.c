/*
 * A scatter-gather ioctl pins four user buffers; when the device turns out
 * busy after the second, the error path releases only the first: the
 * second buffer stays pinned.  The branches on the other buffers' counts
 * must not hide it.
 */
#include "pin-api.h"

struct sg_req {
	unsigned long uaddr[4];
	int npages;
};

int drv_sg_submit(struct sg_req *req)
{
	struct page *pages[4][16];
	int n0, n1, n2, n3, err = -EFAULT;

	n0 = pin_user_pages_fast(req->uaddr[0], req->npages, FOLL_WRITE, pages[0]);
	if (n0 != req->npages)
		goto undo0;
	n1 = pin_user_pages_fast(req->uaddr[1], req->npages, FOLL_WRITE, pages[1]); /* { dg-message "\\(1\\) pages pinned into 'pages\\\[1\\\]' here by 'pin_user_pages_fast'" } */
	if (n1 != req->npages)
		goto undo1;
	if (device_busy()) { /* { dg-message "\\(3\\) following 'true' branch" } */
		err = -EINVAL;
		goto release0;
	}
	n2 = pin_user_pages_fast(req->uaddr[2], req->npages, FOLL_WRITE, pages[2]);
	if (n2 != req->npages)
		goto undo2;
	n3 = pin_user_pages_fast(req->uaddr[3], req->npages, FOLL_WRITE, pages[3]);
	if (n3 != req->npages)
		goto undo3;
	err = dma_map_user_pages(pages[0], n0) | dma_map_user_pages(pages[3], n3);
	unpin_user_pages(pages[3], n3);
	unpin_user_pages(pages[2], n2);
	goto release1;
undo3:
	if (n3 > 0)
		unpin_user_pages(pages[3], n3);
	unpin_user_pages(pages[2], n2);
	goto release1;
undo2:
	if (n2 > 0)
		unpin_user_pages(pages[2], n2);
release1:
	unpin_user_pages(pages[1], n1);
	goto release0;
undo1:
	if (n1 > 0)
		unpin_user_pages(pages[1], n1);
release0:
	unpin_user_pages(pages[0], n0);
	return err; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_pages' \\\[pinbalance-leak\\\] \\\[CWE-772\\\]" } */
	/* { dg-message "\\(4\\) returning with the pages from \\(1\\) still pinned" "" { target *-*-* } 55 } */
undo0:
	if (n0 > 0)
		unpin_user_pages(pages[0], n0);
	return err;
}
