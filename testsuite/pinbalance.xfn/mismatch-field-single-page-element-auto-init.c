/*
 * As drivers/xen/gntdev.c, built as the kernel builds it
 * (-ftrivial-auto-var-init=zero first writes an initial value into the
 * local 'page'): gntdev_get_page() pins one page at a time and appends it
 * to 'batch->pages[]'; gntdev_put_pages() drops the whole batch, here with
 * release_pages(), which drops get references: the field only ever
 * received pins.
 */
/* { dg-options "-O2 -ftrivial-auto-var-init=zero" } */
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
	release_pages(batch->pages, batch->nr_pages); /* { dg-warning "pinned page released with 'release_pages'" } */
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
