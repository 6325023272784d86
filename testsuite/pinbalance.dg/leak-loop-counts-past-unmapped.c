/*
 * block/blk-map.c's bio_map_user_iov() with the loop that releases the
 * pages the bio did not take turned into one that only counts past them.
 * The loop before it hands pages to the bio one by one; a misaligned
 * offset skips that loop with every page still held.  The counting loop
 * releases nothing: the pages it walks past leak.
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
	if (offs & 511)
		j = 0;
	else {
		for (j = 0; j < npages; j++) {
			bool same_page = bytes & 1;

			if (!bio_add_page(bio, pages[j], PAGE_SIZE, 0))
				break;
			if (same_page)
				bio_release_page(bio, pages[j]);
		}
	}
	while (j < npages)
		j++;
	if (pages != stack_pages)
		kvfree(pages); /* { dg-warning "leak" } */
	return 0;
}

/* the loop as it is: each page the bio did not take is released */
int map_user_iov_releases(struct bio *bio, struct iov_iter *iter, size_t len)
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
	if (offs & 511)
		j = 0;
	else {
		for (j = 0; j < npages; j++) {
			bool same_page = bytes & 1;

			if (!bio_add_page(bio, pages[j], PAGE_SIZE, 0))
				break;
			if (same_page)
				bio_release_page(bio, pages[j]);
		}
	}
	while (j < npages)
		bio_release_page(bio, pages[j++]);
	if (pages != stack_pages)
		kvfree(pages); /* { dg-bogus "leak" } */
	return 0; /* { dg-bogus "leak" } */
}
