/* iov_iter_is_folioq(): true for a folio queue iterator, whose pages iov_iter_extract_pages() takes no reference on: nothing to release where it is true; false tells nothing. */
#include "pin-api.h"
#include "driver-api.h"

int dio_submit(struct page **pages, int npages);

ssize_t dio_extract_folioq(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;
	int npages;

	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	npages = (offset + bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	if (dio_submit(pages, npages)) {
		if (iov_iter_is_folioq(iter)) {
			kvfree(pages); /* { dg-bogus "leak" } */
			return -EIO;
		}
		if (iov_iter_extract_will_pin(iter))
			unpin_user_pages(pages, npages);
		kvfree(pages); /* { dg-bogus "leak" } */
		return -EIO;
	}
	kvfree(pages);
	return bytes;
}

ssize_t dio_extract_folioq_wrong(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;

	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	if (!iov_iter_is_folioq(iter) && iov_iter_extract_will_pin(iter)) {
		kvfree(pages); /* { dg-warning "leak" } */
		return -EIO;
	}
	kvfree(pages);
	return bytes;
}
