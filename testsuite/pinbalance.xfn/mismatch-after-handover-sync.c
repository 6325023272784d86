/*
 * The pinned pages are passed to a function the plugin does not know
 * (before issue 12, a hand-over), and later in the same function dropped
 * with put_page(): still a release of the wrong kind (point 3a).
 * Reported at the put_page().
 */
#include "driver-api.h"

struct mdev_state;
void mdev_dma_sync_for_cpu(struct mdev_state *mdev, struct page **pages, int npages);

int mdev_read_guest(struct mdev_state *mdev, unsigned long uaddr, int npages,
		    unsigned char *dst)
{
	struct page *pages[16];
	int pinned, i;

	if (npages > 16)
		return -E2BIG;
	pinned = pin_user_pages_fast(uaddr, npages, 0, pages); /* { dg-message "\\(1\\) \[^\n\]*here by 'pin_user_pages_fast'" } */
	if (pinned <= 0)
		return -EFAULT;
	mdev_dma_sync_for_cpu(mdev, pages, pinned);
	for (i = 0; i < pinned; i++) {
		void *va = kmap_local_page(pages[i]);

		memcpy(dst + i * PAGE_SIZE, va, PAGE_SIZE);
		kunmap_local(va);
		put_page(pages[i]); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page' \\(the loop can be one 'unpin_user_pages' of the array\\) \\\[pinbalance-mismatch\\\]" } */
	}
	return 0;
}
