/* One array pinned, another got, each released its own way. */
#include "pin-api.h"

int copy_pages(unsigned long src, unsigned long dst, int n)
{
	struct page *in[4], *out[4];
	int got, pinned, i;

	got = get_user_pages_fast(src, n, 0, in);
	if (got != n) {
		for (i = 0; i < got; i++)
			put_page(in[i]);
		return -EFAULT;
	}
	pinned = pin_user_pages_fast(dst, n, FOLL_WRITE, out);
	if (pinned != n) {
		if (pinned > 0)
			unpin_user_pages(out, pinned);
		release_pages(in, n);
		return -EFAULT;
	}
	unpin_user_pages_dirty_lock(out, n, true); /* { dg-bogus "released with" } */
	release_pages(in, n); /* { dg-bogus "released with" } */
	return 0;
}
