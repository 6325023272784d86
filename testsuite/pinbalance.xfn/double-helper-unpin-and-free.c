/*
 * The helper both unpins and frees the page array (summary: releases its
 * parameter's pages, count given, then frees the buffer).  The short-pin
 * branch unpins the pages itself and then calls the helper: a double
 * release, reported at the helper's call.
 */
#include "driver-api.h"

struct fpga_image_info {
	unsigned char *buf;
	size_t count;
};

static void fpga_user_buf_release(struct page **pages, int npages)
{
	unpin_user_pages(pages, npages);
	kvfree(pages);
}

int fpga_copy_user_image(struct fpga_image_info *info, unsigned long uaddr, int npages)
{
	struct page **pages;
	int pinned, i;

	pages = kvmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (pinned < 0) {
		kvfree(pages);
		return pinned;
	}
	if (pinned != npages) {
		unpin_user_pages(pages, pinned);
		fpga_user_buf_release(pages, pinned); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast'\[^\n\]*\\\[pinbalance-double-release\\\]" } */
		return -EFAULT;
	}
	for (i = 0; i < pinned; i++) {
		void *va = kmap_local_page(pages[i]);

		memcpy(info->buf + i * PAGE_SIZE, va, PAGE_SIZE);
		kunmap_local(va);
	}
	info->count = (size_t)pinned * PAGE_SIZE;
	fpga_user_buf_release(pages, pinned);
	return 0;
}
