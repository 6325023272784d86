/* user_backed_iter(): the same test as iov_iter_extract_will_pin(): a user-backed iterator's pages were pinned. */
#include "pin-api.h"
#include "driver-api.h"

int dio_submit(struct page **pages, int npages);

ssize_t dio_extract_user(struct iov_iter *iter, size_t len)
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
		if (user_backed_iter(iter))
			unpin_user_pages(pages, npages);
		kvfree(pages); /* { dg-bogus "leak" } */
		return -EIO;
	}
	kvfree(pages);
	return bytes;
}

ssize_t dio_extract_user_forgets(struct iov_iter *iter, size_t len)
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
		if (user_backed_iter(iter))
			return -EIO; /* { dg-warning "leak" } */
		kvfree(pages);
		return -EIO;
	}
	kvfree(pages);
	return bytes;
}
