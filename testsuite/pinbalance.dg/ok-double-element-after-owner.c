/* Reduced from Linux 6.12 fs/splice.c (iter_to_pipe): add_to_pipe() drops
 * the page it is given when it fails; the error path puts the pages after
 * it, however its loop starts past that page, and another array's pages
 * are not that page. */
#include "pin-api.h"

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

struct pipe_inode_info;
struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
	unsigned int flags;
};

size_t iov_iter_count(const struct iov_iter *i);
void iov_iter_revert(struct iov_iter *i, size_t bytes);
ssize_t add_to_pipe(struct pipe_inode_info *pipe, struct pipe_buffer *buf);

/* the kernel's code: 'while (++i < n)' */
ssize_t iter_to_pipe(struct iov_iter *from, struct pipe_inode_info *pipe,
		     unsigned int flags)
{
	struct pipe_buffer buf = { .flags = flags };
	size_t total = 0;
	ssize_t ret = 0;

	while (iov_iter_count(from)) {
		struct page *pages[16];
		ssize_t left;
		size_t start;
		int i, n;

		left = iov_iter_get_pages2(from, pages, ~0UL, 16, &start);
		if (left <= 0) {
			ret = left;
			break;
		}
		n = DIV_ROUND_UP(left + start, PAGE_SIZE);
		for (i = 0; i < n; i++) {
			int size = left < (ssize_t)(PAGE_SIZE - start) ?
				   left : (int)(PAGE_SIZE - start);

			buf.page = pages[i];
			buf.offset = start;
			buf.len = size;
			ret = add_to_pipe(pipe, &buf);
			if (unlikely(ret < 0)) {
				iov_iter_revert(from, left);
				/* this one got dropped by add_to_pipe() */
				while (++i < n)
					put_page(pages[i]); /* { dg-bogus "double" } */
				goto out;
			}
			total += ret;
			left -= size;
			start = 0;
		}
	}
out:
	return total ? total : ret;
}

/* the rest put by a loop of its own, from the page after */
ssize_t pages_to_pipe(struct iov_iter *from, struct pipe_inode_info *pipe)
{
	struct pipe_buffer buf = { 0 };
	struct page *pages[16];
	size_t start;
	ssize_t left, ret;
	int i, j, n;

	left = iov_iter_get_pages2(from, pages, ~0UL, 16, &start);
	if (left <= 0)
		return left;
	n = DIV_ROUND_UP(left + start, PAGE_SIZE);
	for (i = 0; i < n; i++) {
		buf.page = pages[i];
		buf.offset = i ? 0 : start;
		buf.len = PAGE_SIZE;
		ret = add_to_pipe(pipe, &buf);
		if (ret < 0) {
			for (j = i + 1; j < n; j++)
				put_page(pages[j]); /* { dg-bogus "double" } */
			return ret;
		}
	}
	return left;
}

/* the failing page's twin, taken from another array, is put */
ssize_t twin_pages_to_pipe(struct iov_iter *from, struct iov_iter *twin,
			   struct pipe_inode_info *pipe)
{
	struct pipe_buffer buf = { 0 };
	struct page *pages[16], *shadow[16];
	size_t start, tstart;
	ssize_t left, tleft, ret;
	int i, n;

	left = iov_iter_get_pages2(from, pages, ~0UL, 16, &start);
	if (left <= 0)
		return left;
	tleft = iov_iter_get_pages2(twin, shadow, ~0UL, 16, &tstart);
	if (tleft <= 0) {
		release_pages(pages, DIV_ROUND_UP(left + start, PAGE_SIZE));
		return tleft;
	}
	n = DIV_ROUND_UP(left + start, PAGE_SIZE);
	for (i = 0; i < n; i++) {
		buf.page = pages[i];
		buf.offset = i ? 0 : start;
		buf.len = PAGE_SIZE;
		ret = add_to_pipe(pipe, &buf);
		if (ret < 0) {
			for (; i < n; i++)
				put_page(shadow[i]); /* { dg-bogus "double" } */
			return ret;
		}
		put_page(shadow[i]);
	}
	return left;
}
