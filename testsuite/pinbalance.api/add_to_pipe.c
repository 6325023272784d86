/* add_to_pipe() takes the page in the pipe_buffer it is given, and drops
 * it itself when it fails: the caller's error path puts only the rest. */
#include "pin-api.h"

struct pipe_inode_info;
struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};
ssize_t add_to_pipe(struct pipe_inode_info *pipe, struct pipe_buffer *buf);

ssize_t page_to_pipe(struct pipe_inode_info *pipe, struct iov_iter *from)
{
	struct pipe_buffer buf = { 0 };
	struct page *page;
	size_t start;
	ssize_t got, ret;

	got = iov_iter_get_pages2(from, &page, 4096, 1, &start);
	if (got <= 0)
		return got;
	buf.page = page;
	buf.offset = start;
	buf.len = got;
	ret = add_to_pipe(pipe, &buf);
	if (ret < 0)
		return ret; /* { dg-bogus "leak" "add_to_pipe() dropped the page" } */
	return got;
}
