/* Reduced from i915_gem_userptr.c: the array is handed over and the
 * local pointer set to NULL, so the cleanup skips it. */
#include "pin-api.h"

struct obj {
	struct page **pvec;
};

int userptr_get_pages(struct obj *obj, unsigned long ptr, unsigned long num_pages)
{
	struct page **pvec;
	unsigned long pinned = 0;
	int ret = 0;

	pvec = kvmalloc_array(num_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pvec)
		return -ENOMEM;
	while (pinned < num_pages) {
		ret = pin_user_pages_fast(ptr + pinned * PAGE_SIZE, num_pages - pinned,
					  0, &pvec[pinned]);
		if (ret < 0)
			goto out;
		pinned += ret;
	}
	if (!device_busy()) {
		obj->pvec = pvec;
		pvec = NULL;
	}
out:
	if (pvec) {
		unpin_user_pages(pvec, pinned);
		kvfree(pvec);
	}
	return ret; /* { dg-bogus "leak" } */
}
