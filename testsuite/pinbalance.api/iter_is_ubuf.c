/* iter_is_ubuf(): true for an ITER_UBUF iterator, a user buffer whose pages iov_iter_extract_pages() pins; false tells nothing. */
#include "pin-api.h"
#include "driver-api.h"

int dio_submit(struct page **pages, int npages);

ssize_t dio_extract_user_only(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;
	int npages;

	if (!iter_is_ubuf(iter))
		return -EINVAL;
	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	npages = (offset + bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	if (dio_submit(pages, npages)) {
		unpin_user_pages(pages, npages);
		kvfree(pages); /* { dg-bogus "leak" } */
		return -EIO;
	}
	kvfree(pages);
	return bytes;
}

ssize_t dio_extract_user_only_forgets(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;
	int npages;

	if (!iter_is_ubuf(iter))
		return -EINVAL;
	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	npages = (offset + bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	if (dio_submit(pages, npages)) {
		kvfree(pages); /* { dg-warning "leak" } */
		return -EIO;
	}
	kvfree(pages);
	return bytes;
}

/* false says nothing: another kind of iterator may be a user one too */
ssize_t dio_extract_any(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t bytes;

	if (iter_is_ubuf(iter))
		return -EINVAL;
	bytes = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (bytes <= 0)
		return bytes;
	kvfree(pages); /* { dg-bogus "leak" } */
	return -EIO;
}
