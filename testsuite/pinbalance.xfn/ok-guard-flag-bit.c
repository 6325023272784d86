/*
 * Reduced from register_shm_helper() (drivers/tee/tee_shm.c, 6.1): user
 * memory is pinned and kernel memory got page by page, by a flag bit of
 * a parameter; the error path tests the same bit again and releases each
 * kind with its own release.  'flags & TEE_SHM_USER_MAPPED' is computed
 * anew for the second test: the same bits of the same parameter, so the
 * kernel-page release is never reached with pins.  Silent.
 */
#include "driver-api.h"

#define TEE_SHM_USER_MAPPED	0x4

typedef unsigned int u32;

struct tee_shm {
	struct page **pages;
	size_t num_pages;
};

int shm_register(struct tee_shm *shm);

static void shm_put_kernel_pages(struct page **pages, size_t page_count)
{
	size_t n;

	for (n = 0; n < page_count; n++)
		put_page(pages[n]);
}

int shm_get_kernel_pages(unsigned long start, size_t page_count,
			 struct page **pages);

struct tee_shm *register_shm_helper(unsigned long start, size_t num_pages,
				    u32 flags)
{
	struct tee_shm *shm;
	int rc;

	shm = kzalloc(sizeof(*shm), GFP_KERNEL);
	if (!shm)
		return NULL;
	shm->pages = kcalloc(num_pages, sizeof(*shm->pages), GFP_KERNEL);
	if (!shm->pages)
		goto err_free_shm;

	if (flags & TEE_SHM_USER_MAPPED)
		rc = pin_user_pages_fast(start, num_pages, FOLL_WRITE,
					 shm->pages);
	else
		rc = shm_get_kernel_pages(start, num_pages, shm->pages);
	if (rc > 0)
		shm->num_pages = rc;
	if (rc != num_pages)
		goto err_put_shm_pages;

	if (shm_register(shm))
		goto err_put_shm_pages;
	return shm;

err_put_shm_pages:
	if (flags & TEE_SHM_USER_MAPPED)
		unpin_user_pages(shm->pages, shm->num_pages);
	else
		shm_put_kernel_pages(shm->pages, shm->num_pages);
	kfree(shm->pages);
err_free_shm:
	kfree(shm);
	return NULL;
}
