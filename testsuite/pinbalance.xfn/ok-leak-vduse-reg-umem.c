/*
 * Reduced from vduse_dev_reg_umem() (drivers/vdpa/vdpa_user/vduse_dev.c,
 * Linux 6.12).  When vduse_domain_add_user_bounce_pages() fails, the
 * pages stay the caller's (the new hand-over rule: a failing callee took
 * nothing), ret is its non-zero error, and pinned == npages > 0: the
 * cleanup 'if (ret && pinned > 0)' unpins them before the array is
 * freed under 'if (ret)'.  Nothing leaks.
 */
#include "driver-api.h"

#define EEXIST		17

struct vduse_bounce_domain;
struct vduse_umem {
	unsigned long iova;
	struct page **pages;
	int npages;
};
struct vduse_dev {
	struct vduse_bounce_domain *domain;
	struct vduse_umem *umem;
	struct mutex mem_lock;
};

int vduse_domain_add_user_bounce_pages(struct vduse_bounce_domain *domain,
				       struct page **pages, int count);
unsigned long vduse_memlock_limit(void);
void vduse_mmap_read_lock(void);
void vduse_mmap_read_unlock(void);

int vduse_dev_reg_umem(struct vduse_dev *dev, unsigned long iova,
		       unsigned long uaddr, unsigned long size)
{
	struct page **page_list = NULL;
	struct vduse_umem *umem = NULL;
	long pinned = 0;
	unsigned long npages;
	int ret;

	if (!dev->domain || iova != 0 || uaddr & ~PAGE_MASK)
		return -EINVAL;

	mutex_lock(&dev->mem_lock);
	ret = -EEXIST;
	if (dev->umem)
		goto unlock;

	ret = -ENOMEM;
	npages = size >> PAGE_SHIFT;
	page_list = vmalloc(npages * sizeof(struct page *));
	umem = kzalloc(sizeof(*umem), GFP_KERNEL);
	if (!page_list || !umem)
		goto unlock;

	vduse_mmap_read_lock();

	if (npages > vduse_memlock_limit())
		goto out;

	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE,
				page_list);
	if (pinned != npages) {
		ret = pinned < 0 ? pinned : -ENOMEM;
		goto out;
	}

	ret = vduse_domain_add_user_bounce_pages(dev->domain,
						 page_list, pinned);
	if (ret)
		goto out;

	umem->pages = page_list;
	umem->npages = pinned;
	umem->iova = iova;

	dev->umem = umem;
out:
	if (ret && pinned > 0)
		unpin_user_pages(page_list, pinned);

	vduse_mmap_read_unlock();
unlock:
	if (ret) {
		vfree(page_list); /* { dg-bogus "leak" } */
		kfree(umem);
	}
	mutex_unlock(&dev->mem_lock);
	return ret; /* { dg-bogus "leak" } */
}
