/*
 * drivers/tee/tee_shm.c's register_shm_helper() with its error path's
 * unpin dropped: the helper is given a user buffer or a kvec by its two
 * callers, and where '!iov_iter_is_kvec(iter)' only the user buffer is
 * left, whose pages it pinned.  Freeing their array leaks them.
 */
#include "pin-api.h"
#include "driver-api.h"

struct kvec {
	void *iov_base;
	size_t iov_len;
};

struct shm {
	struct page **pages;
	size_t num_pages;
	size_t offset;
	size_t size;
	unsigned int flags;
};

int shm_register(struct shm *shm, struct page **pages, size_t num_pages);
size_t iov_iter_npages(const struct iov_iter *i, int maxpages);

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

static struct shm *register_shm_helper(struct iov_iter *iter,
				       unsigned int flags)
{
	struct shm *shm;
	size_t num_pages, off;
	ssize_t len;
	void *ret;
	int rc;

	shm = kzalloc(sizeof(*shm), GFP_KERNEL);
	if (!shm)
		return ERR_PTR(-ENOMEM);
	shm->flags = flags;
	num_pages = iov_iter_npages(iter, 0x7fffffff);
	if (!num_pages) {
		ret = ERR_PTR(-ENOMEM);
		goto err_free_shm;
	}
	shm->pages = kcalloc(num_pages, sizeof(*shm->pages), GFP_KERNEL);
	if (!shm->pages) {
		ret = ERR_PTR(-ENOMEM);
		goto err_free_shm;
	}

	len = iov_iter_extract_pages(iter, &shm->pages, 0x7fffffff, num_pages,
				     0, &off);
	if (unlikely(len <= 0)) {
		ret = len ? ERR_PTR(len) : ERR_PTR(-ENOMEM);
		goto err_free_shm_pages;
	} else if (DIV_ROUND_UP(len + off, PAGE_SIZE) != num_pages) {
		shm->num_pages = len / PAGE_SIZE;
		ret = ERR_PTR(-ENOMEM);
		goto err_put_shm_pages;
	}

	/* the kvec's extraction took no reference: take one */
	if (iov_iter_is_kvec(iter))
		shm_get_kernel_pages(shm->pages, num_pages);

	shm->offset = off;
	shm->size = len;
	shm->num_pages = num_pages;

	rc = shm_register(shm, shm->pages, shm->num_pages);
	if (rc) {
		ret = ERR_PTR(rc);
		goto err_put_shm_pages;
	}
	return shm;
err_put_shm_pages:
	if (iov_iter_is_kvec(iter))
		shm_put_kernel_pages(shm->pages, shm->num_pages);
err_free_shm_pages:
	kfree(shm->pages); /* { dg-warning "leak of pages pinned" } */
err_free_shm:
	kfree(shm);
	return ret;
}

struct shm *shm_register_user_buf(unsigned long addr, size_t length)
{
	struct iov_iter iter;

	iov_iter_ubuf(&iter, 0, (void *)addr, length);
	return register_shm_helper(&iter, 1);
}

struct shm *shm_register_kernel_buf(void *addr, size_t length)
{
	struct kvec kvec;
	struct iov_iter iter;

	kvec.iov_base = addr;
	kvec.iov_len = length;
	iov_iter_kvec(&iter, 0, &kvec, 1, length);
	return register_shm_helper(&iter, 0);
}
