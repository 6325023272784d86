/*
 * block/bio.c's __bio_iov_iter_get_pages() with one release turned into
 * put_page(): the function releases the rest by the bio's record of their
 * kind (bio_release_page()), so where the extraction took pages they are
 * pinned, and put_page() drops a reference it never had.
 */
#include "pin-api.h"
#include "driver-api.h"

int bio_extract(struct bio *bio, struct iov_iter *iter, unsigned short nr)
{
	struct page *stack_pages[16], **pages = stack_pages;
	size_t offset;
	ssize_t size;
	unsigned int i, nr_pages;

	size = iov_iter_extract_pages(iter, &pages, 1 << 20, nr, 0, &offset);
	if (unlikely(size <= 0))
		return size ? size : -EFAULT;
	nr_pages = DIV_ROUND_UP(offset + size, PAGE_SIZE);
	if (offset & 511) {
		put_page(pages[0]); /* { dg-warning "released with" } */
		return -EINVAL;
	}
	for (i = 0; i < nr_pages; i++)
		if (!bio_add_page(bio, pages[i], PAGE_SIZE, 0))
			break;
	while (i < nr_pages)
		bio_release_page(bio, pages[i++]);
	return 0;
}
