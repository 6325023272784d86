/* The count read back from the struct it was stored in. */
#include "pin-api.h"

struct buf {
	struct page *pages[8];
	long n;
};

int fill(struct buf *b, unsigned long uaddr, int want)
{
	b->n = pin_user_pages(uaddr, want, 0, b->pages);
	if (b->n <= 0)
		return -EFAULT;
	unpin_user_pages(b->pages, b->n); /* { dg-bogus "release more|negative" } */
	return 0;
}
