/*
 * A helper takes ordinary references with get_user_pages_fast() into its
 * caller's array (an acquire of get references for the caller, points 1
 * and 4); the caller drops them with unpin_user_pages(): a reverse
 * mismatch at the unpin.
 */
#include "driver-api.h"

struct tee_shm_user {
	unsigned long addr;
	size_t length;
};

static int tee_shm_get_user_pages(struct tee_shm_user *shm, int num_pages,
				  struct page **pages)
{
	return get_user_pages_fast(shm->addr & PAGE_MASK, num_pages, FOLL_WRITE, pages);
}

int tee_shm_user_probe(struct tee_shm_user *shm)
{
	int num_pages = PFN_UP(offset_in_page(shm->addr) + shm->length);
	struct page **pages;
	int rc;

	pages = kcalloc(num_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	rc = tee_shm_get_user_pages(shm, num_pages, pages);
	if (rc > 0) {
		unpin_user_pages(pages, rc); /* { dg-warning "page reference from \[^\n\]*released with 'unpin_user_pages'\[^\n\]*\\\[pinbalance-reverse-mismatch\\\]" } */
		rc = rc == num_pages ? 0 : -ENOMEM;
	}
	kfree(pages);
	return rc;
}
