/*
 * rsrc_pin_pages() returns an array of pinned pages or an ERR_PTR, after
 * unpinning a short pin itself (as io_uring's io_pin_pages()).  The caller
 * fails to allocate its descriptor and returns with the whole array still
 * pinned: a leak at that return.
 */
#include "driver-api.h"

struct mapped_ubuf {
	unsigned long ubuf;
	unsigned int nr_bvecs;
	struct page **pages;
};

static struct page **rsrc_pin_pages(unsigned long ubuf, unsigned long len,
				    int *npages)
{
	unsigned long start = ubuf >> PAGE_SHIFT;
	unsigned long end = (ubuf + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	int nr_pages = end - start;
	struct page **pages;
	int ret;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return ERR_PTR(-ENOMEM);
	ret = pin_user_pages_fast(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret == nr_pages) {
		*npages = nr_pages;
		return pages;
	}
	if (ret >= 0) {
		if (ret)
			unpin_user_pages(pages, ret);
		ret = -EFAULT;
	}
	kvfree(pages);
	return ERR_PTR(ret);
}

int rsrc_buffer_register(struct mapped_ubuf **pimu, unsigned long ubuf,
			 unsigned long len)
{
	struct mapped_ubuf *imu;
	struct page **pages;
	int nr_pages = 0;

	pages = rsrc_pin_pages(ubuf, len, &nr_pages);
	if (IS_ERR(pages))
		return PTR_ERR(pages);
	imu = kvmalloc(sizeof(*imu), GFP_KERNEL);
	if (!imu)
		return -ENOMEM; /* { dg-warning "leak of pages pinned by \[^\n\]*\\\[pinbalance-leak\\\]" } */
	imu->ubuf = ubuf;
	imu->nr_bvecs = nr_pages;
	imu->pages = pages;
	*pimu = imu;
	return 0;
}
