/*
 * As NFS's nfs_direct_read_schedule_iovec(): the user pages are got, a
 * request is made on each (another file's xbuf_req_create(), which takes
 * a reference of its own), and the array's references are dropped once
 * the requests hold theirs.  The error path that leaves when a request
 * cannot be made forgets the array's references: a leak, seen only
 * because the database says the helper merely borrows the page.
 */
#include "driver-api.h"

struct xbuf_req;
struct xbuf_req *xbuf_req_create(struct page *page, unsigned int offset,
				 unsigned int len);
void xdio_queue(struct xbuf_req *req);

static void xdio_release_pages(struct page **pages, int npages)
{
	int i;

	for (i = 0; i < npages; i++)
		put_page(pages[i]);
}

int xdio_schedule_read(unsigned long uaddr, int npages)
{
	struct page **pagevec;
	int got, i;

	pagevec = kvcalloc(npages, sizeof(*pagevec), GFP_KERNEL);
	if (!pagevec)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, npages, FOLL_WRITE, pagevec); /* { dg-message "here by 'get_user_pages_fast'" } */
	if (got <= 0) {
		kvfree(pagevec);
		return got ? got : -EFAULT;
	}
	for (i = 0; i < got; i++) {
		struct xbuf_req *req = xbuf_req_create(pagevec[i], 0, PAGE_SIZE);

		if (IS_ERR(req)) {
			kvfree(pagevec); /* { dg-warning "leak of page references taken by 'get_user_pages_fast'" } */
			return PTR_ERR(req);
		}
		xdio_queue(req);
	}
	xdio_release_pages(pagevec, got);
	kvfree(pagevec);
	return 0;
}
