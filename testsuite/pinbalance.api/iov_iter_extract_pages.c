/* iov_iter_extract_pages() pins only for user-backed iterators: the kind is not certain, so no mismatch is claimed, but a double release is. */
#include "pin-api.h"

ssize_t dio_extract(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;
	int npages;

	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	npages = (offset + bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	if (iov_iter_extract_will_pin(iter))
		unpin_user_pages(pages, npages);
	else
		release_pages(pages, npages); /* { dg-bogus "released" "kind not certain" } */
	unpin_user_pages(pages, npages); /* { dg-warning "released twice|double" } */
	return bytes;
}
