/*
 * Mismatches whose repair is not a rename: a release spelled through the
 * driver's macro, a dirty-and-release call of the other kind with a flag
 * the get release does not take, and a helper of the file.  Warned, with
 * no fix-it, and the message says why.
 */
#include "driver-api.h"

#define VDRV_DROP(p)	put_page(p) /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page' \\(no fix-it: the release is spelled through a macro\\)" } */

static void vdrv_put_all(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]);
}

int vdrv_macro(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	VDRV_DROP(page); /* { dg-message "in expansion of macro 'VDRV_DROP'" } */
	return 0;
}

int vdrv_dirty(unsigned long uaddr, struct page **pages, int n)
{
	int got = get_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (got <= 0)
		return -EFAULT;
	unpin_user_pages_dirty_lock(pages, got, true); /* { dg-warning "released with 'unpin_user_pages_dirty_lock'; release it with 'release_pages' \\(no fix-it: the release of the right kind takes other arguments\\)" } */
	return 0;
}

int vdrv_helper(unsigned long uaddr, struct page **pages, int n)
{
	int got = pin_user_pages_fast(uaddr, n, 0, pages);

	if (got <= 0)
		return -EFAULT;
	vdrv_put_all(pages, got); /* { dg-warning "pinned page released with 'vdrv_put_all'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_pages' \\(the release to change is inside 'vdrv_put_all'\\)" } */
	return 0;
}
