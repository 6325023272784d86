/* The error label unpins what the failing branch already unpinned. */
#include "pin-api.h"

int setup(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret, err;

	ret = pin_user_pages_fast(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	err = device_busy();
	if (err) {
		unpin_user_pages(pages, ret); /* { dg-message "\\(4\\) first release here by 'unpin_user_pages'" } */
		goto out;
	}
	unpin_user_pages(pages, ret);
	return 0;
out:
	unpin_user_pages(pages, ret); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast' \\\[pinbalance-double-release\\\] \\\[CWE-1341\\\]" } */
	return err;
}
