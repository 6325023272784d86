/* An array inside the struct, pinned in one function, unpinned page by
 * page in another: correct. */
#include "pin-api.h"

struct small_xfer {
	struct page *pages[8];
	int n;
};

int small_xfer_start(struct small_xfer *x, unsigned long uaddr, int n)
{
	int ret = pin_user_pages_fast(uaddr, n, 0, x->pages);

	if (ret < 0)
		return ret;
	x->n = ret;
	return 0;
}

void small_xfer_end(struct small_xfer *x)
{
	int i;

	for (i = 0; i < x->n; i++)
		unpin_user_page(x->pages[i]);
}
