/*
 * iov_iter_ubuf() makes an iterator over a user's buffer: iov_iter_extract_pages()
 * pins its pages, which must be unpinned.
 */
#include "pin-api.h"
#include "driver-api.h"

ssize_t extract_user(struct iov_iter *iter, void *buf, size_t size)
{
	struct page *pagelist[8], **pages = pagelist;
	size_t offset0;
	ssize_t len;

	iov_iter_ubuf(iter, 0, buf, size);
	len = iov_iter_extract_pages(iter, &pages, size, 8, 0, &offset0);
	if (len <= 0)
		return len;
	unpin_user_pages(pages, DIV_ROUND_UP(offset0 + len, PAGE_SIZE));
	return len; /* { dg-bogus "leak" } */
}

ssize_t extract_user_forgets(struct iov_iter *iter, void *buf, size_t size)
{
	struct page *pagelist[8], **pages = pagelist;
	size_t offset0;
	ssize_t len;

	iov_iter_ubuf(iter, 0, buf, size);
	len = iov_iter_extract_pages(iter, &pages, size, 8, 0, &offset0);
	if (len <= 0)
		return len;
	return len; /* { dg-warning "leak" } */
}
