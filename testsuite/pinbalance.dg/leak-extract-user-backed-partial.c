/*
 * block/bio-integrity.c's bio_integrity_map_user(), with the unpin of a
 * partial extraction left out: where user_backed_iter() says the
 * iterator is the user's, iov_iter_extract_pages() pinned what it got,
 * and the error path must unpin it.
 */
#include "pin-api.h"
#include "driver-api.h"

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

int integrity_fill(struct bio_vec *bvec, struct page **pages, int nr_vecs,
		   size_t bytes, size_t offset);

int integrity_map_user(struct bio_vec *bvec, struct iov_iter *iter,
		       size_t bytes, int nr_vecs)
{
	struct page *stack_pages[4], **pages = stack_pages;
	size_t offset;
	ssize_t ret;

	ret = iov_iter_extract_pages(iter, &pages, bytes, nr_vecs, 0, &offset);
	if (unlikely(ret < 0))
		return ret;

	/* a short pin of a user buffer */
	if (user_backed_iter(iter) && unlikely(ret != bytes)) { /* { dg-message "the iterator is one whose pages .iov_iter_extract_pages. pins" } */
		if (pages != stack_pages)
			kvfree(pages); /* { dg-warning "leak" } */
		return -EFAULT;
	}

	ret = integrity_fill(bvec, pages, nr_vecs, bytes, offset);
	if (pages != stack_pages)
		kvfree(pages);
	return ret;
}
