/* release_pages() on a got array. */
#include "pin-api.h"

int read_many(unsigned long uaddr, int n)
{
	struct page **pages = kvcalloc(n, sizeof(*pages), GFP_KERNEL);
	long ret;

	if (!pages)
		return -ENOMEM;
	ret = get_user_pages(uaddr, n, 0, pages);
	if (ret > 0)
		release_pages(pages, ret); /* { dg-bogus "released with" } */
	kvfree(pages); /* { dg-bogus "leak" } */
	return 0;
}
