/*
 * As NFS's nfs_direct_read_schedule_iovec(): the user pages are got, a
 * request is made on each (another file's xbuf_req_create(), which takes
 * a reference of its own), and the array's references are dropped on
 * every path once the requests hold theirs, the error path included.
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
	int got, i, err = 0;

	pagevec = kvcalloc(npages, sizeof(*pagevec), GFP_KERNEL);
	if (!pagevec)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, npages, FOLL_WRITE, pagevec);
	if (got <= 0) {
		kvfree(pagevec);
		return got ? got : -EFAULT;
	}
	for (i = 0; i < got; i++) {
		struct xbuf_req *req = xbuf_req_create(pagevec[i], 0, PAGE_SIZE);

		if (IS_ERR(req)) {
			err = PTR_ERR(req);
			break;
		}
		xdio_queue(req);
	}
	xdio_release_pages(pagevec, got);
	kvfree(pagevec);
	return err;
}
