/* put back more got pages than were got. */
#include "pin-api.h"

int read_many(unsigned long uaddr, int n)
{
	struct page *pages[16];
	int ret;

	ret = get_user_pages_fast(uaddr, n, 0, pages);
	if (ret <= 0)
		return -EFAULT;
	release_pages(pages, n); /* { dg-warning "'release_pages' may release more pages than 'get_user_pages_fast' took" } */
	return 0;
}
