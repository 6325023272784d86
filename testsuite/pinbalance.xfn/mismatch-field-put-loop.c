/*
 * A videobuf-style userptr buffer: the release function, written before
 * the function that fills the buffer, puts each page of up->pages with
 * put_page(), but the fill function pinned them with pin_user_pages_fast()
 * (point 2: the field's kind comes from a function later in the file).
 * Reported at the put_page() in the release function.
 */
#include "driver-api.h"

struct vb_userptr {
	struct page **pages;
	unsigned int nr_pages;
	unsigned long uaddr;
	bool dirty;
};

void vb_userptr_release(struct vb_userptr *up)
{
	unsigned int i;

	for (i = 0; i < up->nr_pages; i++) {
		if (up->dirty)
			set_page_dirty_lock(up->pages[i]);
		put_page(up->pages[i]); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_fast' must be released with 'unpin_user_page' \\\[pinbalance-mismatch\\\]" } */
	}
	kfree(up->pages);
	up->pages = NULL;
	up->nr_pages = 0;
}

int vb_userptr_get(struct vb_userptr *up, unsigned long uaddr, unsigned long size,
		   bool write)
{
	unsigned int nr = PFN_UP(offset_in_page(uaddr) + size);
	int ret;

	up->pages = kmalloc_array(nr, sizeof(*up->pages), GFP_KERNEL);
	if (!up->pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr & PAGE_MASK, nr, write ? FOLL_WRITE : 0,
				  up->pages);
	if (ret != (int)nr) {
		if (ret > 0)
			unpin_user_pages(up->pages, ret);
		kfree(up->pages);
		up->pages = NULL;
		return -EFAULT;
	}
	up->nr_pages = nr;
	up->uaddr = uaddr;
	up->dirty = write;
	return 0;
}
