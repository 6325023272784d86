/* The return value kept in a local struct whose address is taken. */
#include "pin-api.h"

struct batch {
	struct page *pages[8];
	int n;
};

void batch_log(struct batch *b);

int batch_fill(unsigned long uaddr, int npages)
{
	struct batch b;

	b.n = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, b.pages);
	if (b.n <= 0)
		return -EFAULT; /* { dg-bogus "leak" } */
	unpin_user_pages(b.pages, b.n);
	batch_log(&b);
	return 0;
}
