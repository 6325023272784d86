/* skb_fill_page_desc() puts the page into the skb's fragment: the skb drops the
 * reference when it is freed, so returning after it leaks nothing. */
#include "pin-api.h"

int zc_fill_frag(struct sk_buff *skb, int frag, struct iov_iter *from)
{
	struct page *page;
	size_t start;
	ssize_t got;

	got = iov_iter_get_pages2(from, &page, 4096, 1, &start);
	if (got <= 0)
		return got ? got : -EFAULT;
	skb_fill_page_desc(skb, frag, page, start, got);
	return 0; /* { dg-bogus "leak" "the skb keeps the page" } */
}
