/*
 * A field that receives pins on one path and get references on another
 * is released by a teardown that tells them apart by a flag: such a field
 * is not judged (the stats count it).
 */
#include "pin-api.h"

struct ubuf {
	struct page **pages;
	int n;
	bool pinned;
};

int ubuf_get(struct ubuf *b, unsigned long uaddr, int n, bool longterm)
{
	int ret;

	if (longterm)
		ret = pin_user_pages_fast(uaddr, n, FOLL_LONGTERM, b->pages);
	else
		ret = get_user_pages_fast(uaddr, n, 0, b->pages);
	if (ret < 0)
		return ret;
	b->n = ret;
	b->pinned = longterm;
	return 0;
}

void ubuf_put(struct ubuf *b)
{
	if (b->pinned)
		unpin_user_pages(b->pages, b->n);
	else
		release_pages(b->pages, b->n);
}
