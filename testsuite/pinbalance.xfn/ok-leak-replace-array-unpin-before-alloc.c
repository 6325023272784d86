/*
 * The folio merge of mismatch-replace-array-put-page.c, unpinning the
 * tail pages before it allocates the new array: when kvmalloc_array()
 * fails, the caller's array is left with pages already dropped and its
 * count unchanged.  That is no replacement by an array holding the same
 * references: the helper gets no 'borrow ... pages=*arg1' summary, only
 * the owner one it had before (it releases pages on some outcomes), and
 * its caller's pages go to it (no finding).
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "owner xbuf_merge_folios pages=arg1\t# \[^\n\]*ok-leak-replace-array-unpin-before-alloc.c:\[0-9\]+" } */
#include "driver-api.h"

struct xbuf {
	struct page **pages;
	int nr_pages;
};

static bool xbuf_merge_folios(struct page ***pages, int *nr_pages,
			      int per_folio)
{
	struct page **old = *pages, **heads;
	int nr_heads, i, j;

	if (per_folio <= 1 || *nr_pages % per_folio)
		return false;
	nr_heads = *nr_pages / per_folio;
	for (i = 0; i < nr_heads; i++)
		for (j = 1; j < per_folio; j++)
			unpin_user_page(old[i * per_folio + j]);

	heads = kvmalloc_array(nr_heads, sizeof(struct page *), GFP_KERNEL);
	if (!heads)
		return false;
	for (i = 0; i < nr_heads; i++)
		heads[i] = old[i * per_folio];
	kvfree(old);
	*pages = heads;
	*nr_pages = nr_heads;
	return true;
}

int xbuf_pin(struct xbuf *buf, unsigned long uaddr, int nr_pages,
	     int per_folio)
{
	struct page **pages;
	int pinned;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, nr_pages,
				     FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned != nr_pages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		kvfree(pages);
		return pinned < 0 ? pinned : -EFAULT;
	}

	xbuf_merge_folios(&pages, &nr_pages, per_folio); /* { dg-bogus "mismatch|leak" } */
	buf->pages = pages;
	buf->nr_pages = nr_pages;
	return 0;
}
