/*
 * net/core/skbuff.c's skb_splice_from_iter(): MSG_SPLICE_PAGES callers
 * pass a kernel iterator whose pages they keep themselves, so the
 * extracted pages are never released here.  Nothing in the function tells
 * the iterator's kind: the site stays unchecked, counted with its reason,
 * the caller's iterator, from other files (the function is not static).
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-stats" } */
/* { dg-regexp "pinbalance: \[^\n\]*ok-extract-callers-iterator.c: \[^\n\]*may take no reference: 0 checked where a test of their iterator tells, 0 checked by the record of their kind, 1 unchecked whose iterator is their caller's, 0 unchecked otherwise; of the caller's iterators unchecked: 0 come through function pointers, 1 from other files, 0 from this file's callers" } */
#include "pin-api.h"
#include "driver-api.h"

struct sk_buff;
int skb_append_pagefrags(struct sk_buff *skb, struct page *page, int offset,
			 size_t size, size_t max_frags);

ssize_t splice_from_iter(struct sk_buff *skb, struct iov_iter *iter,
			 ssize_t maxsize)
{
	struct page *pages[8], **ppages = pages;
	ssize_t spliced = 0, ret = 0;
	size_t off;
	unsigned int i;

	while (iov_iter_count(iter) && maxsize > 0) {
		ssize_t len;

		len = iov_iter_extract_pages(iter, &ppages, maxsize, 8, 0, &off);
		if (len <= 0) {
			ret = len ?: -EIO;
			break;
		}
		i = 0;
		do {
			size_t part = len < PAGE_SIZE - off ? len : PAGE_SIZE - off;

			ret = skb_append_pagefrags(skb, pages[i], off, part, 17);
			if (ret < 0)
				break;
			len -= part;
			maxsize -= part;
			spliced += part;
			off = 0;
			i++;
		} while (len > 0);
		if (ret < 0)
			break;
	}
	return spliced ?: ret; /* { dg-bogus "leak" } */
}
