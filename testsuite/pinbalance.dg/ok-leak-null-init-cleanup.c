/* Reduced from net/rds/info.c: "pages = NULL" on early paths, one cleanup
 * label that unpins when the array exists. */
#include "pin-api.h"

typedef void (*info_fn)(struct page **pages);

int info_getsockopt(unsigned long start, int len, info_fn func)
{
	unsigned long nr_pages = 0;
	struct page **pages = NULL;
	int ret = 0;

	if (len < 0) {
		ret = -EINVAL;
		goto out;
	}
	if (len == 0)
		goto call_func;
	nr_pages = (len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	pages = kmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages) {
		ret = -ENOMEM;
		goto out;
	}
	ret = pin_user_pages_fast(start, nr_pages, FOLL_WRITE, pages);
	if (ret != nr_pages) {
		nr_pages = ret > 0 ? ret : 0;
		ret = -11;
		goto out;
	}
call_func:
	if (!func) {
		ret = -92;
		goto out;
	}
	func(pages);
out:
	if (pages)
		unpin_user_pages_dirty_lock(pages, nr_pages, true);
	kfree(pages);
	return ret; /* { dg-bogus "leak" } */
}
