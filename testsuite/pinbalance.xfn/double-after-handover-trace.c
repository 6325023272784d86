/*
 * The pinned pages are passed to a tracing function the plugin does not
 * know (before issue 12, a hand-over); the rejecting branch then unpins
 * them and jumps to the label that unpins them again: still a double
 * release (point 3a), at the label's unpin.
 */
#include "driver-api.h"

struct rxe_mr {
	unsigned int access;
	int nbuf;
};
#define RXE_ACCESS_REMOTE_ATOMIC	0x8

void rxe_trace_mr_pages(struct rxe_mr *mr, struct page **pages, int npages);

int rxe_mr_check_pages(struct rxe_mr *mr, unsigned long start, int npages)
{
	struct page *pages[8];
	int pinned, i, err = 0;

	if (npages > 8)
		return -E2BIG;
	pinned = pin_user_pages_fast(start, npages, FOLL_WRITE, pages);
	if (pinned <= 0)
		return -EFAULT;
	rxe_trace_mr_pages(mr, pages, pinned);
	if (mr->access & RXE_ACCESS_REMOTE_ATOMIC) {
		for (i = 0; i < pinned; i++) {
			if (PageCompound(pages[i])) {
				unpin_user_pages(pages, pinned);
				err = -EINVAL;
				goto out_unpin;
			}
		}
	}
	mr->nbuf = pinned;
out_unpin:
	unpin_user_pages(pages, pinned); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast' \\\[pinbalance-double-release\\\]" } */
	return err;
}
