/*
 * A release helper whose kind a flag argument chooses, as put_back_pages()
 * of mm/gup_test.c does: the caller pinned, and passes the constant with
 * the flag: the helper unpins them.
 */
#include "driver-api.h"

#define XFER_PAGES_PINNED	0x1

static void xfer_put_pages(struct page **pages, unsigned long n,
			   unsigned int flags)
{
	unsigned long i;

	if (flags & XFER_PAGES_PINNED) {
		unpin_user_pages(pages, n);
	} else {
		for (i = 0; i < n; i++)
			put_page(pages[i]);
	}
}

int xfer_read_user(unsigned long uaddr, int nr_pages, void *dst)
{
	struct page **pages;
	int got, ret = 0;

	pages = kvcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr_pages, 0, pages);
	if (got <= 0) {
		ret = got ? got : -EFAULT;
		goto out;
	}
	memcpy(dst, page_address(pages[0]), PAGE_SIZE);
	xfer_put_pages(pages, got, XFER_PAGES_PINNED); /* { dg-bogus "mismatch|leak|double" } */
out:
	kvfree(pages);
	return ret;
}
