/*
 * As drivers/xen/gntdev.c: gntdev_get_page() pins one page at a time
 * and appends it to 'batch->pages[]'; gntdev_put_pages() unpins the whole
 * batch.  A second driver's batch takes pages from two places (a pin, and
 * alloc_page() for a bounce page), so its field is not judged.  Silent.
 */
#include "driver-api.h"

struct gntdev_copy_batch {
	struct page *pages[16];
	unsigned int nr_pages;
	bool writeable;
};

static int gntdev_get_page(struct gntdev_copy_batch *batch, void __user *virt,
			   unsigned long *gfn)
{
	unsigned long addr = (unsigned long)virt;
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(addr, 1, batch->writeable ? FOLL_WRITE : 0,
				  &page);
	if (ret < 0)
		return ret;

	batch->pages[batch->nr_pages++] = page;
	*gfn = (unsigned long)page_address(page) >> PAGE_SHIFT;
	return 0;
}

static void gntdev_put_pages(struct gntdev_copy_batch *batch)
{
	unpin_user_pages_dirty_lock(batch->pages, batch->nr_pages, /* { dg-bogus "released with" } */
				    batch->writeable);
	batch->nr_pages = 0;
	batch->writeable = false;
}

int gntdev_grant_copy_seg(struct gntdev_copy_batch *batch, void __user *virt,
			  unsigned long *gfn)
{
	int ret;

	ret = gntdev_get_page(batch, virt, gfn);
	if (ret) {
		gntdev_put_pages(batch);
		return ret;
	}
	return 0;
}

struct page *alloc_page(gfp_t gfp);

struct bounce_batch {
	struct page *pages[16];
	unsigned int nr_pages;
};

int bounce_get_page(struct bounce_batch *batch, unsigned long addr, bool pin)
{
	struct page *page;

	if (pin) {
		if (pin_user_pages_fast(addr, 1, FOLL_WRITE, &page) != 1)
			return -EFAULT;
	} else {
		page = alloc_page(GFP_KERNEL);
		if (!page)
			return -ENOMEM;
	}
	batch->pages[batch->nr_pages++] = page;
	return 0;
}

void bounce_put_pages(struct bounce_batch *batch)
{
	release_pages(batch->pages, batch->nr_pages); /* { dg-bogus "released with" } */
	batch->nr_pages = 0;
}
