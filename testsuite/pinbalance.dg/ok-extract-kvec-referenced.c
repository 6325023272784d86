/*
 * drivers/tee/tee_shm.c's register_shm_helper(): a kvec's pages are not
 * pinned by iov_iter_extract_pages(), so the driver takes references on
 * them itself where iov_iter_is_kvec() says so, and on its error path
 * drops each kind the way it was taken.
 */
#include "pin-api.h"
#include "driver-api.h"

struct tee_shm {
	struct page **pages;
	size_t num_pages;
	size_t offset;
};

int tee_register(struct tee_shm *shm);

static void shm_get_kernel_pages(struct page **pages, size_t page_count)
{
	size_t n;

	for (n = 0; n < page_count; n++)
		get_page(pages[n]);
}

static void shm_put_kernel_pages(struct page **pages, size_t page_count)
{
	size_t n;

	for (n = 0; n < page_count; n++)
		put_page(pages[n]);
}

int register_shm(struct tee_shm *shm, struct iov_iter *iter, size_t num_pages)
{
	size_t off;
	ssize_t len;
	int rc;

	shm->pages = kcalloc(num_pages, sizeof(*shm->pages), GFP_KERNEL);
	if (!shm->pages)
		return -ENOMEM;
	len = iov_iter_extract_pages(iter, &shm->pages, ~0UL >> 1, num_pages, 0,
				     &off);
	if (unlikely(len <= 0)) {
		rc = len ? len : -ENOMEM;
		goto err_free_shm_pages;
	}
	if (iov_iter_is_kvec(iter))
		shm_get_kernel_pages(shm->pages, num_pages);
	shm->offset = off;
	shm->num_pages = num_pages;
	rc = tee_register(shm);
	if (rc)
		goto err_put_shm_pages;
	return 0;

err_put_shm_pages:
	if (!iov_iter_is_kvec(iter))
		unpin_user_pages(shm->pages, shm->num_pages); /* { dg-bogus "released|twice" } */
	else
		shm_put_kernel_pages(shm->pages, shm->num_pages); /* { dg-bogus "released|twice" } */
err_free_shm_pages:
	kfree(shm->pages); /* { dg-bogus "leak" } */
	shm->pages = NULL;
	return rc;
}
