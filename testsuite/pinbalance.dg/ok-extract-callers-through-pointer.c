/*
 * A static helper whose address is taken (an ops table) may be called
 * through the pointer with any iterator: its direct callers, which make
 * a user buffer, do not tell what it is given, so its extraction stays a
 * site that may take no reference, counted as the caller's iterator, and
 * the path that keeps the pages (a kernel iterator's, which need no
 * release) is no leak.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*ok-extract-callers-through-pointer.c: \[^\n\]*may take no reference: 0 checked where a test of their iterator tells, 0 checked by the record of their kind, 1 unchecked whose iterator is their caller's, 0 unchecked otherwise; of the caller's iterators unchecked: 1 come through function pointers, 0 from other files, 0 from this file's callers" } */
#include "pin-api.h"
#include "driver-api.h"

struct xfer {
	struct page *pages[16];
	unsigned int nr_pages;
};

int xfer_map_pages(struct xfer *x, struct page **pages, unsigned int n);

static ssize_t xfer_extract(struct xfer *x, struct iov_iter *iter,
			    size_t maxsize)
{
	struct page *pages[16], **p = pages;
	ssize_t res;
	size_t off;

	res = iov_iter_extract_pages(iter, &p, maxsize, 16, 0, &off);
	if (res <= 0)
		return res ?: -EIO;
	if (xfer_map_pages(x, pages, DIV_ROUND_UP(off + res, PAGE_SIZE)))
		return -EIO; /* { dg-bogus "leak" } */
	return res;
}

struct xfer_ops {
	ssize_t (*extract)(struct xfer *x, struct iov_iter *iter,
			   size_t maxsize);
};

const struct xfer_ops xfer_ops = { .extract = xfer_extract };

ssize_t xfer_user(struct xfer *x, void *buf, size_t len)
{
	struct iov_iter iter;

	iov_iter_ubuf(&iter, 0, buf, len);
	return xfer_extract(x, &iter, len);
}
