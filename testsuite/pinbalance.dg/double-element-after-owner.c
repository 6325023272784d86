/* Reduced from Linux 6.12 fs/splice.c (iter_to_pipe): add_to_pipe() drops
 * the page it is given when it fails, so the error path must put only the
 * pages after it; starting at pages[i] puts that page a second time. */
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
			ret = add_to_pipe(pipe, &buf); /* { dg-message "first release here by 'add_to_pipe'" } */
			if (unlikely(ret < 0)) {
				iov_iter_revert(from, left);
				for (; i < n; i++)
					put_page(pages[i]); /* { dg-warning "double release of pages taken by 'iov_iter_get_pages2' \\\[pinbalance-double-release\\\]" } */
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

/* the failing page put by name before the rest, pages in an allocated
 * array */
ssize_t vec_to_pipe(struct iov_iter *from, struct pipe_inode_info *pipe)
{
	struct pipe_buffer buf = { 0 };
	struct page **pages;
	size_t start;
	ssize_t left, ret = 0;
	int i, n;

	pages = kvmalloc_array(16, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	left = iov_iter_get_pages2(from, pages, ~0UL, 16, &start);
	if (left <= 0) {
		kvfree(pages);
		return left;
	}
	n = DIV_ROUND_UP(left + start, PAGE_SIZE);
	for (i = 0; i < n; i++) {
		size_t offset = i ? 0 : start;

		buf.page = pages[i];
		buf.offset = offset;
		buf.len = PAGE_SIZE - offset;
		ret = add_to_pipe(pipe, &buf); /* { dg-message "first release here by 'add_to_pipe'" } */
		if (ret < 0) {
			put_page(pages[i]); /* { dg-warning "double release of pages taken by 'iov_iter_get_pages2'" } */
			while (++i < n)
				put_page(pages[i]);
			break;
		}
	}
	kvfree(pages);
	return ret < 0 ? ret : left;
}
