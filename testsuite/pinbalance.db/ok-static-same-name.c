/* A static function of this file with the name of a database's function
 * (xbuf_unpin, lib-xbuf.c) is another function: the database's rule is
 * not its. */
#include "driver-api.h"

void xdev_stash(struct page **pages, int n);

static void xbuf_unpin(struct page **pages, int n)
{
	xdev_stash(pages, n);
}

int xdev_load(unsigned long uaddr, int n, struct page **pages)
{
	int got = get_user_pages_fast(uaddr, n, 0, pages);

	if (got <= 0)
		return -EFAULT;
	xbuf_unpin(pages, got); /* { dg-bogus "pinbalance" } */
	return 0;
}
