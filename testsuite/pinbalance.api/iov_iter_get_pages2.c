/* iov_iter_get_pages2() takes FOLL_GET references (bytes returned): unpinning them is wrong. */
#include "pin-api.h"

ssize_t af_alg_get(struct iov_iter *iter, size_t len)
{
	struct page *pages[16];
	size_t off;
	ssize_t n;

	n = iov_iter_get_pages2(iter, pages, len, 16, &off);
	if (n < 0)
		return n;
	if (n > 0)
		unpin_user_page(pages[0]); /* { dg-warning "released with 'unpin_user_page'" } */
	return n;
}
