/* ok-leak-page-in-local-struct-copied.c with the copy into the caller's
 * array gone: the local struct dies with the pages still referenced. */
#include "pin-api.h"
#define ITER_GET_BVECS_PAGES 64
struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};
size_t iov_iter_count(const struct iov_iter *i);

ssize_t __iter_get_bvecs(struct iov_iter *iter, size_t maxsize,
			 struct bio_vec *bvecs)
{
	size_t size = 0;
	int bvec_idx = 0;

	if (maxsize > iov_iter_count(iter))
		maxsize = iov_iter_count(iter);

	while (size < maxsize) {
		struct page *pages[ITER_GET_BVECS_PAGES];
		ssize_t bytes;
		size_t start;
		int idx = 0;

		bytes = iov_iter_get_pages2(iter, pages, maxsize - size,
					    ITER_GET_BVECS_PAGES, &start);
		if (bytes < 0)
			return size ?: bytes;

		size += bytes;

		for ( ; bytes; idx++, bvec_idx++) {
			struct bio_vec bv = {
				.bv_page = pages[idx],
				.bv_len = bytes < (ssize_t)(PAGE_SIZE - start) ? bytes : (int)(PAGE_SIZE - start),
				.bv_offset = start,
			};

			bytes -= bv.bv_len;
			start = 0;
		}
	}

	return size; /* { dg-warning "leak of page references taken by .iov_iter_get_pages2." } */
}
