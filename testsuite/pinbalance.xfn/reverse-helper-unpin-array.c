/*
 * The driver's release helper unpins (it was written for the pinning
 * path); this snapshot path takes ordinary references with
 * get_user_pages_fast() and hands them to the same helper: get references
 * released as pins.  The finding belongs at the helper's call.
 */
#include "driver-api.h"

static void qib_release_user_pages(struct page **p, int num_pages, bool dirty)
{
	unpin_user_pages_dirty_lock(p, num_pages, dirty);
}

int qib_snapshot_user(unsigned long start, int num_pages, unsigned char *dst)
{
	struct page **p;
	int got, i, ret = 0;

	p = kmalloc_array(num_pages, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	got = get_user_pages_fast(start, num_pages, 0, p);
	if (got <= 0) {
		ret = got ? got : -EFAULT;
		goto out_free;
	}
	for (i = 0; i < got; i++) {
		void *src = kmap_local_page(p[i]);

		memcpy(dst + i * PAGE_SIZE, src, PAGE_SIZE);
		kunmap_local(src);
	}
	qib_release_user_pages(p, got, false); /* { dg-warning "page reference from 'get_user_pages_fast' released with \[^\n\]*\\\[pinbalance-reverse-mismatch\\\]" } */
out_free:
	kfree(p);
	return ret;
}
