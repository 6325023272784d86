/* iov_iter_extract_pages() pins only user-backed iterators: kind unknown. */
#include "pin-api.h"

ssize_t extract_one(struct iov_iter *iter)
{
	struct page *page, **pages = &page;
	size_t off;
	ssize_t len;

	len = iov_iter_extract_pages(iter, &pages, PAGE_SIZE, 1, 0, &off);
	if (len <= 0)
		return len;
	if (iov_iter_extract_will_pin(iter))
		unpin_user_page(page); /* { dg-bogus "released with" } */
	else
		put_page(page); /* { dg-bogus "released with" } */
	return len;
}
