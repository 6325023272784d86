/*
 * iov_iter_discard() makes an iterator over nothing (a discard): iov_iter_extract_pages() takes
 * no reference of its pages, and lib/kunit_iov_iter.c's tests release
 * none.  The site's kind is known: it took none.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*iov_iter_discard.c: \[^\n\]*may take no reference: 1 checked where a test of their iterator tells" } */
#include "pin-api.h"

ssize_t extract_one(struct iov_iter *iter, void *unused, size_t size)
{
	struct page *pagelist[8], **pages = pagelist;
	size_t offset0;

	iov_iter_discard(iter, 0, size);
	return iov_iter_extract_pages(iter, &pages, size, 8, 0, &offset0); /* { dg-bogus "leak" } */
}
