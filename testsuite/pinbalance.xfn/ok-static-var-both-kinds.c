/*
 * A debug driver keeps the page it is told to watch in a static variable:
 * a pinned page from one ioctl, a page with a get reference from another.
 * The variable holds both kinds, so its releases are not judged.
 */
#include "pin-api.h"

static struct page *watched_page;
static bool watched_pinned;

int watch_pin(unsigned long addr)
{
	if (watched_page)
		return -EINVAL;
	if (pin_user_pages_fast(addr, 1, FOLL_WRITE, &watched_page) != 1)
		return -EFAULT;
	watched_pinned = true;
	return 0;
}

int watch_get(unsigned long addr)
{
	if (watched_page)
		return -EINVAL;
	if (get_user_pages_fast(addr, 1, FOLL_WRITE, &watched_page) != 1)
		return -EFAULT;
	watched_pinned = false;
	return 0;
}

void watch_stop(void)
{
	if (!watched_page)
		return;
	if (watched_pinned)
		unpin_user_page(watched_page); /* { dg-bogus "pinbalance" } */
	else
		put_page(watched_page); /* { dg-bogus "pinbalance" } */
	watched_page = NULL;
}
