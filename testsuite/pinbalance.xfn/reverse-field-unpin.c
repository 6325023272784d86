/*
 * Registering a user buffer takes ordinary references with
 * get_user_pages_fast() into shm->pages; the unregister function, another
 * function of the file, unpins what it loads from that field: get
 * references released as pins (point 2).  Reported at the unpin.
 */
#include "driver-api.h"

struct tee_shm {
	struct page **pages;
	size_t num_pages;
	unsigned long offset;
};

int tee_shm_register_user(struct tee_shm *shm, unsigned long addr, size_t length)
{
	int num_pages = PFN_UP(offset_in_page(addr) + length);
	int rc;

	shm->pages = kcalloc(num_pages, sizeof(*shm->pages), GFP_KERNEL);
	if (!shm->pages)
		return -ENOMEM;
	rc = get_user_pages_fast(addr & PAGE_MASK, num_pages, FOLL_WRITE, shm->pages);
	if (rc != num_pages) {
		if (rc > 0)
			release_pages(shm->pages, rc);
		kfree(shm->pages);
		shm->pages = NULL;
		return rc < 0 ? rc : -ENOMEM;
	}
	shm->num_pages = num_pages;
	shm->offset = offset_in_page(addr);
	return 0;
}

void tee_shm_unregister_user(struct tee_shm *shm)
{
	unpin_user_pages(shm->pages, shm->num_pages); /* { dg-warning "page reference from 'get_user_pages_fast' released with 'unpin_user_pages'; release it with 'release_pages' \\\[pinbalance-reverse-mismatch\\\]" } */
	kfree(shm->pages);
	shm->pages = NULL;
}
