/*
 * iov_iter_kvec() makes an iterator over a kvec: iov_iter_extract_pages() takes
 * no reference of its pages, and lib/kunit_iov_iter.c's tests release
 * none.  The site's kind is known: it took none.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*iov_iter_kvec.c: \[^\n\]*may take no reference: 2 checked where a test of their iterator tells" } */
#include "pin-api.h"

ssize_t extract_one(struct iov_iter *iter, const struct kvec *kvec, size_t size)
{
	struct page *pagelist[8], **pages = pagelist;
	size_t offset0;

	iov_iter_kvec(iter, 0, kvec, 1, size);
	return iov_iter_extract_pages(iter, &pages, size, 8, 0, &offset0); /* { dg-bogus "leak" } */
}

/* lib/kunit_iov_iter.c: a helper of the test makes the iterator, on
 * every path through it */
static void load_kvec(struct iov_iter *iter, const struct kvec *kvec, size_t size)
{
	iov_iter_kvec(iter, 0, kvec, 1, size);
}

ssize_t extract_loaded(struct iov_iter *iter, const struct kvec *kvec, size_t size)
{
	struct page *pagelist[8], **pages = pagelist;
	size_t offset0;
	ssize_t len;

	load_kvec(iter, kvec, size);
	do {
		len = iov_iter_extract_pages(iter, &pages, size, 8, 0,
					     &offset0);
	} while (len > 0);
	return len; /* { dg-bogus "leak" } */
}
