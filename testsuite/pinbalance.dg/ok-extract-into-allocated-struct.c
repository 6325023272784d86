/*
 * The page array lives in a struct the function allocated, and the
 * extraction is given the address of that field ('&shm->pages', computed
 * into a temporary): the call may write the field, so the later
 * 'unpin_user_pages(shm->pages, ...)' reads what the call left there, not
 * the buffer stored before it, and releases the pinned pages.
 */
#include "pin-api.h"
#include "driver-api.h"

struct shm {
	struct page **pages;
	size_t num_pages;
	size_t offset;
};

int shm_register(struct shm *shm);

struct shm *shm_pin_user(struct iov_iter *iter, size_t num_pages)
{
	struct shm *shm;
	size_t off;
	ssize_t len;

	if (!user_backed_iter(iter))
		return ERR_PTR(-EINVAL);
	shm = kzalloc(sizeof(*shm), GFP_KERNEL);
	if (!shm)
		return ERR_PTR(-ENOMEM);
	shm->pages = kcalloc(num_pages, sizeof(*shm->pages), GFP_KERNEL);
	if (!shm->pages)
		goto err_free_shm;
	len = iov_iter_extract_pages(iter, &shm->pages, ~0UL >> 1, num_pages,
				     0, &off);
	if (len <= 0)
		goto err_free_pages;
	shm->num_pages = DIV_ROUND_UP(len + off, PAGE_SIZE);
	shm->offset = off;
	if (shm_register(shm))
		goto err_unpin;
	return shm;

err_unpin:
	unpin_user_pages(shm->pages, shm->num_pages);
err_free_pages:
	kfree(shm->pages);
err_free_shm:
	kfree(shm); /* { dg-bogus "leak" } */
	return ERR_PTR(-ENOMEM);
}
