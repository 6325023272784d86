/*
 * A driver's buffer setup that pins a user buffer, then keeps one page
 * per huge folio, as io_uring's io_do_coalesce_buffer() does: the helper
 * fills a new array with the head pages, frees the old array and gives
 * the caller the new one and its count.  But it drops the other pages'
 * references with put_page(), and they were pinned.  Its summary says it
 * may replace the caller's array, dropping the pages it does not keep as
 * get references ('kind=get'); the call, given the pinned array, is the
 * mismatch.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "borrow xbuf_merge_folios pages=\\*arg1 count=\\*arg2 kind=get\t# \[^\n\]*mismatch-replace-array-put-page.c:\[0-9\]+" } */
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
	heads = kvmalloc_array(nr_heads, sizeof(struct page *), GFP_KERNEL);
	if (!heads)
		return false;

	for (i = 0; i < nr_heads; i++) {
		heads[i] = old[i * per_folio];
		/* the folio keeps the head's reference */
		for (j = 1; j < per_folio; j++)
			put_page(old[i * per_folio + j]);
	}
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

	xbuf_merge_folios(&pages, &nr_pages, per_folio); /* { dg-warning "mismatch" } */
	buf->pages = pages;
	buf->nr_pages = nr_pages;
	return 0;
}
