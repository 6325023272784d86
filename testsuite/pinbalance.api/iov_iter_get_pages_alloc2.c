/* iov_iter_get_pages_alloc2() allocates the array and takes FOLL_GET references into it. */
#include "pin-api.h"

ssize_t nfs_direct_get(struct iov_iter *iter, size_t len)
{
	struct page **pages;
	size_t start;
	ssize_t n;

	n = iov_iter_get_pages_alloc2(iter, &pages, len, &start);
	if (n < 0)
		return n;
	if (n > 0)
		unpin_user_page(pages[0]); /* { dg-warning "released with 'unpin_user_page'" } */
	kvfree(pages);
	return n;
}
