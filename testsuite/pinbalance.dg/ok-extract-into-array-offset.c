/*
 * A transfer extracts in rounds into one array, each round from where the
 * last one stopped ('pages = pagevec + done', then
 * iov_iter_extract_pages(iter, &pages, ...)), and unpins what a failing
 * mapping leaves through the array's own name.  The store of the pointer
 * arithmetic is what the cell holds, so the release is of the site's
 * pages.
 */
#include "pin-api.h"
#include "driver-api.h"

int xfer_map(struct page **pages, unsigned int n);

ssize_t xfer_user_rounds(struct iov_iter *iter, size_t len)
{
	struct page *pagevec[32], **pages;
	unsigned int done = 0, n;
	size_t offset;
	ssize_t ret;

	if (!user_backed_iter(iter))
		return -EINVAL;
	while (done < 32 && len) {
		pages = pagevec + done;
		ret = iov_iter_extract_pages(iter, &pages, len, 32 - done, 0,
					     &offset);
		if (ret <= 0)
			return ret ?: -EFAULT;
		n = DIV_ROUND_UP(offset + ret, PAGE_SIZE);
		if (xfer_map(pagevec + done, n)) {
			unpin_user_pages(pagevec + done, n);
			return -EIO; /* { dg-bogus "leak" } */
		}
		unpin_user_pages(pagevec + done, n);
		done += n;
		len -= ret;
	}
	return done;
}
