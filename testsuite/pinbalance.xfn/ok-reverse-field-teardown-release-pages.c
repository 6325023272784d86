/*
 * Registering a user buffer takes ordinary references into shm->pages;
 * the unregister function drops what it loads from that field with
 * release_pages() (point 2): the right kind.
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
	release_pages(shm->pages, shm->num_pages); /* { dg-bogus "released with" } */
	kfree(shm->pages);
	shm->pages = NULL;
}
