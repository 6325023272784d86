/*
 * The privcmd ioctl of ok-stored-count-lock-pages.c unpinning the number
 * of pages it asked for, where lock_pages() may have pinned fewer before
 * failing: only '*pinned' pages are pinned.
 */
#include "driver-api.h"

struct dm_op_buf {
	void __user *uptr;
	size_t size;
};

int hypervisor_dm_op(int dom, unsigned int num, struct dm_op_buf *bufs);

static int lock_pages(struct dm_op_buf kbufs[], unsigned int num,
		      struct page *pages[], unsigned int nr_pages,
		      unsigned int *pinned)
{
	unsigned int i, off = 0;

	for (i = 0; i < num; ) {
		unsigned int requested;
		int page_count;

		requested = DIV_ROUND_UP(offset_in_page(kbufs[i].uptr) +
					 kbufs[i].size, PAGE_SIZE) - off;
		if (requested > nr_pages)
			return -ENOSPC;

		page_count = pin_user_pages_fast(
			(unsigned long)kbufs[i].uptr + off * PAGE_SIZE,
			requested, FOLL_WRITE, pages);
		if (page_count <= 0)
			return page_count ? : -EFAULT;

		*pinned += page_count;
		nr_pages -= page_count;
		pages += page_count;

		off = (requested == page_count) ? 0 : off + page_count;
		i += !off;
	}
	return 0;
}

static void unlock_pages(struct page *pages[], unsigned int nr_pages)
{
	unpin_user_pages_dirty_lock(pages, nr_pages, true);
}

long privcmd_dm_op(int dom, struct dm_op_buf *kbufs, unsigned int num,
		   unsigned int nr_pages)
{
	struct page **pages;
	unsigned int pinned = 0;
	long rc;

	pages = kcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	rc = lock_pages(kbufs, num, pages, nr_pages, &pinned);
	if (rc < 0)
		goto out;

	rc = hypervisor_dm_op(dom, num, kbufs);

out:
	unlock_pages(pages, nr_pages); /* { dg-warning "\\\[pinbalance-overcount\\\]" } */
	kfree(pages);
	return rc;
}
