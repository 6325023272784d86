/*
 * bio_release_page() (block/blk.h) unpins one page where the bio's
 * BIO_PAGE_PINNED flag says the pages were pinned: block/blk-map.c's
 * bio_map_user_iov() records the kind, extracts, and releases what the
 * bio did not take.  Pages released by the record are checked as taken.
 */
#include "pin-api.h"
#include "driver-api.h"

#define NR_VECS 8

int map_user_iov(struct bio *bio, struct iov_iter *iter, size_t len)
{
	struct page *stack_pages[NR_VECS], **pages = stack_pages;
	size_t offs;
	ssize_t bytes;
	int npages, j;

	if (iov_iter_extract_will_pin(iter))
		bio_set_flag(bio, BIO_PAGE_PINNED);
	bytes = iov_iter_extract_pages(iter, &pages, len, NR_VECS, 0, &offs);
	if (unlikely(bytes <= 0))
		return bytes ? bytes : -EFAULT;
	npages = DIV_ROUND_UP(offs + bytes, PAGE_SIZE);
	for (j = 0; j < npages; j++)
		if (!bio_add_page(bio, pages[j], PAGE_SIZE, 0))
			break;
	/* release the pages we didn't map into the bio, if any */
	while (j < npages)
		bio_release_page(bio, pages[j++]);
	if (pages != stack_pages)
		kvfree(pages);
	return 0; /* { dg-bogus "leak" } */
}

/* the same, with a check of the offset that forgets the pages: the
 * release to suggest is the one that reads the record */
int map_user_iov_aligned(struct bio *bio, struct iov_iter *iter, size_t len)
{
	struct page *stack_pages[NR_VECS], **pages = stack_pages;
	size_t offs;
	ssize_t bytes;
	int npages, j;

	if (iov_iter_extract_will_pin(iter))
		bio_set_flag(bio, BIO_PAGE_PINNED);
	bytes = iov_iter_extract_pages(iter, &pages, len, NR_VECS, 0, &offs);
	if (unlikely(bytes <= 0))
		return bytes ? bytes : -EFAULT;
	if (offs & 511)
		return -EINVAL; /* { dg-warning "leak of pages pinned by .iov_iter_extract_pages.; release them with .bio_release_page." } */
	npages = DIV_ROUND_UP(offs + bytes, PAGE_SIZE);
	for (j = 0; j < npages; j++)
		if (!bio_add_page(bio, pages[j], PAGE_SIZE, 0))
			break;
	while (j < npages)
		bio_release_page(bio, pages[j++]);
	if (pages != stack_pages)
		kvfree(pages);
	return 0;
}
