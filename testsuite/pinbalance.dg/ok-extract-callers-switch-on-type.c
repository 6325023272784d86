/*
 * lib/scatterlist.c's extract_iter_to_sg(): a 'switch (iov_iter_type())'
 * sends user-backed iterators to a static helper, kernel ones to others.
 * The helper is called only under 'case ITER_UBUF: case ITER_IOVEC:', so
 * its extraction pins: the pages it has put into the table are unpinned
 * when a later round fails, and handed to the caller's table otherwise.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*ok-extract-callers-switch-on-type.c: \[^\n\]*may take no reference: 1 checked where a test of their iterator tells, 0 checked by the record of their kind, 0 unchecked whose iterator is their caller's, 0 unchecked otherwise" } */
#include "pin-api.h"
#include "driver-api.h"

void __warn_printk(const char *fmt, ...);

static ssize_t extract_user_to_sg(struct iov_iter *iter, ssize_t maxsize,
				  struct sg_table *sgtable,
				  unsigned int sg_max)
{
	struct scatterlist *sg = sgtable->sgl + sgtable->nents;
	struct page **pages;
	unsigned int npages;
	ssize_t ret = 0, res;
	size_t len, off;

	/* the page list is decanted into the tail of the table */
	pages = (void *)(sg + sg_max);
	pages -= sg_max;

	do {
		res = iov_iter_extract_pages(iter, &pages, maxsize, sg_max, 0,
					     &off);
		if (res <= 0)
			goto failed;

		len = res;
		maxsize -= len;
		ret += len;
		npages = DIV_ROUND_UP(off + len, PAGE_SIZE);
		sg_max -= npages;

		for (; npages > 0; npages--) {
			struct page *page = *pages;
			size_t seg = PAGE_SIZE - off < len ? PAGE_SIZE - off : len;

			*pages++ = NULL;
			sg_set_page(sg, page, seg, off);
			sgtable->nents++;
			sg++;
			len -= seg;
			off = 0;
		}
	} while (maxsize > 0 && sg_max > 0);

	return ret;

failed:
	while (sgtable->nents > sgtable->orig_nents)
		unpin_user_page(sg_page(&sgtable->sgl[--sgtable->nents]));
	return res;
}

ssize_t extract_kvec_to_sg(struct iov_iter *iter, ssize_t maxsize,
			   struct sg_table *sgtable, unsigned int sg_max);

ssize_t extract_iter_to_sg(struct iov_iter *iter, size_t maxsize,
			   struct sg_table *sgtable, unsigned int sg_max)
{
	if (maxsize == 0 || sg_max == 0)
		return 0;

	switch (iov_iter_type(iter)) {
	case ITER_UBUF:
	case ITER_IOVEC:
		return extract_user_to_sg(iter, maxsize, sgtable, sg_max);
	case ITER_KVEC:
		return extract_kvec_to_sg(iter, maxsize, sgtable, sg_max);
	default:
		__warn_printk("%s(%u) unsupported\n", __func__,
			      iov_iter_type(iter));
		return -EIO;
	}
}
