/* The count stored through a parameter and tested from there. */
#include "pin-api.h"

struct req {
	int npages;
};

int req_pin(struct req *r, unsigned long uaddr, int npages)
{
	struct page *pages[8];

	r->npages = pin_user_pages(uaddr, npages, FOLL_WRITE, pages);
	if (r->npages <= 0)
		return -EFAULT; /* { dg-bogus "leak" } */
	unpin_user_pages(pages, r->npages);
	return 0;
}
