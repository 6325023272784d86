/*
 * A copy between two user buffers, pinned into the two rows of one array.
 * When the second pin falls short, the branch releases what it got and
 * jumps past the second row's release: each row is released once, and a
 * release of one row is not taken for the other's.
 */
#include "pin-api.h"

struct copy_req {
	unsigned long src, dst;
	int npages;
};

int drv_copy(struct copy_req *req)
{
	struct page *pages[2][16];
	int n0, n1, err;

	n0 = pin_user_pages_fast(req->src, req->npages, 0, pages[0]);
	if (n0 != req->npages) {
		err = -EFAULT;
		goto undo0;
	}
	n1 = pin_user_pages_fast(req->dst, req->npages, FOLL_WRITE, pages[1]);
	if (n1 < 0) {
		err = n1;
		goto release0;
	}
	if (n1 != req->npages) {
		unpin_user_pages(pages[1], n1);
		err = -EFAULT;
		goto release0;
	}
	err = dma_map_user_pages(pages[1], n1);
out:
	unpin_user_pages(pages[1], n1);
release0:
	unpin_user_pages(pages[0], n0);
	return err;
undo0:
	if (n0 > 0)
		unpin_user_pages(pages[0], n0);
	return err;
}
