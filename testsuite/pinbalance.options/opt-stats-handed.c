/* -fplugin-arg-pinbalance-stats says why pages still held went quiet:
 * each site is counted once per kind of code it was handed to. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*opt-stats-handed.c: \[0-9\]+ functions, \[^\n\]*; sites whose held pages were handed over: 1 to functions of other files without a rule, 1 to functions of this file without a summary, 1 through function pointers, 1 to a call on the branch where it succeeded, 2 to owners, 1 by stores, 1 by stores into a caller's struct, 1 returned, 1 to asm" } */
#include "driver-api.h"

struct cam_dev {
	struct page **pages;
	int (*queue)(struct page **pages, int n);
	struct sg_table sgt;
};

void cam_hw_take(struct page **pages, int n);
int cam_hw_try(struct page **pages, int n);

/* pins all four or none: an acquire for its callers */
static int cam_pin4(unsigned long uaddr, struct page **pages)
{
	int pinned = pin_user_pages_fast(uaddr, 4, 0, pages);

	if (pinned == 4)
		return 0;
	if (pinned > 0)
		unpin_user_pages(pages, pinned);
	return -EFAULT;
}

/* a cycle: no summary when its caller is read */
static int cam_walk(struct cam_dev *cam, struct page **pages, int n, int depth)
{
	if (depth > 0)
		return cam_walk(cam, pages, n, depth - 1);
	cam->pages = pages;
	return 0;
}

int cam_extern(unsigned long uaddr, struct page **pages)
{
	if (cam_pin4(uaddr, pages))
		return -EFAULT;
	cam_hw_take(pages, 4);
	return 0;
}

int cam_local(struct cam_dev *cam, unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	return cam_walk(cam, pages, 4, 2);
}

int cam_indirect(struct cam_dev *cam, unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	return cam->queue(pages, 4);
}

int cam_success(unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	if (cam_hw_try(pages, 4)) {
		unpin_user_pages(pages, 4);
		kfree(pages);
		return -EIO;
	}
	return 0;
}

int cam_owner(struct cam_dev *cam, unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	sg_alloc_table_from_pages(&cam->sgt, pages, 4, 0, 4 * PAGE_SIZE,
				  GFP_KERNEL);
	return 0;
}

/* an owner on success, whose result is tested: an owner on that branch */
int cam_owner_tested(struct cam_dev *cam, unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	if (sg_alloc_table_from_pages(&cam->sgt, pages, 4, 0, 4 * PAGE_SIZE,
				      GFP_KERNEL)) {
		unpin_user_pages(pages, 4);
		kfree(pages);
		return -ENOMEM;
	}
	return 0;
}

int cam_store(struct cam_dev *cam, unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	cam->pages = pages;
	return 0;
}

static struct page **cam_saved;

int cam_keep(unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	cam_saved = pages;
	return 0;
}

struct page **cam_return(unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return NULL;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return NULL;
	}
	return pages;
}

int cam_asm(unsigned long uaddr)
{
	struct page **pages = kcalloc(4, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	if (cam_pin4(uaddr, pages)) {
		kfree(pages);
		return -EFAULT;
	}
	__asm__ __volatile__("" : : "r"(pages) : "memory");
	return 0;
}
