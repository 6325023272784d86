/*
 * A copy between two user buffers, pinned into the two rows of one array.
 * When the second pin falls short, the branch releases what it got and
 * jumps to the common exit, which releases the second row again.
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
	n1 = pin_user_pages_fast(req->dst, req->npages, FOLL_WRITE, pages[1]); /* { dg-message "\\(1\\) pages pinned into 'pages\\\[1\\\]' here by 'pin_user_pages_fast'" } */
	if (n1 < 0) {
		err = n1;
		goto release0;
	}
	if (n1 != req->npages) {
		unpin_user_pages(pages[1], n1); /* { dg-message "\\(4\\) first release here" } */
		err = -EFAULT;
		goto out;
	}
	err = dma_map_user_pages(pages[1], n1);
out:
	unpin_user_pages(pages[1], n1); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast' \\\[pinbalance-double-release\\\] \\\[CWE-1341\\\]" } */
	/* { dg-message "\\(5\\) second release here" "" { target *-*-* } 35 } */
release0:
	unpin_user_pages(pages[0], n0);
	return err;
undo0:
	if (n0 > 0)
		unpin_user_pages(pages[0], n0);
	return err;
}
