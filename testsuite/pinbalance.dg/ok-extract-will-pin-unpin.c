/*
 * lib/scatterlist.c's extract_user_to_sg(), failing half way: where
 * iov_iter_extract_will_pin() is true the pages were pinned and
 * unpin_user_page() drops them; a kernel iterator's were never pinned.
 */
#include "pin-api.h"
#include "driver-api.h"

struct sg_table;
int sgt_add(struct sg_table *sgtable, struct page *page, size_t len,
	    size_t off);

ssize_t extract_user_to_table(struct iov_iter *iter, ssize_t maxsize,
			      unsigned int sg_max, struct sg_table *sgtable)
{
	struct page **pages;
	unsigned int npages, i;
	size_t off;
	ssize_t res;

	pages = kmalloc_array(sg_max, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	res = iov_iter_extract_pages(iter, &pages, maxsize, sg_max, 0, &off);
	if (res <= 0)
		goto failed;
	npages = DIV_ROUND_UP(off + res, PAGE_SIZE);
	for (i = 0; i < npages; i++) {
		size_t len = min_t(size_t, res, PAGE_SIZE - off);

		if (sgt_add(sgtable, pages[i], len, off))
			goto put_rest;
		res -= len;
		off = 0;
	}
	kfree(pages);
	return 0;

put_rest:
	if (iov_iter_extract_will_pin(iter))
		while (i < npages)
			unpin_user_page(pages[i++]); /* { dg-bogus "released with|leak" } */
failed:
	kfree(pages);
	return -EFAULT;
}
