/* iov_iter_type(): the iterator's type, compared with an enumerator or switched on ('means=type'): where it is ITER_UBUF, iov_iter_extract_pages() pinned, and the pages must be unpinned; where it is ITER_KVEC, it took no reference. */
#include "pin-api.h"
#include "driver-api.h"

int dio_submit(struct page **pages, int npages);

ssize_t dio_extract_ubuf(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;
	int npages;

	if (iov_iter_type(iter) != ITER_UBUF)
		return -EINVAL;
	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	npages = (offset + bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	if (dio_submit(pages, npages)) {
		kvfree(pages); /* { dg-warning "leak of pages pinned" } */
		return -EIO;
	}
	unpin_user_pages(pages, npages);
	kvfree(pages);
	return bytes;
}

ssize_t dio_extract_kvec(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;

	switch (iov_iter_type(iter)) {
	case ITER_KVEC:
		break;
	default:
		return -EINVAL;
	}
	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	kvfree(pages); /* { dg-bogus "leak" } */
	return bytes;
}
