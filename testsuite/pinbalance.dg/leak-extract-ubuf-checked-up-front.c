/*
 * A request built from a user buffer the way fs/netfs/iterator.c's
 * netfs_extract_user_iter() checks it: the WARN_ON_ONCE() up front that
 * the iterator is ITER_UBUF or ITER_IOVEC makes the extraction below a
 * pin, so the pages must be unpinned when the mapping then fails.
 */
#include "pin-api.h"
#include "driver-api.h"

void __warn_once(void);
#define WARN_ON_ONCE(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn_once();						\
	unlikely(__ret_warn_on);					\
})

struct xfer_req {
	struct page **pages;
	unsigned int nr_pages;
	size_t offset;
};

int xfer_map(struct xfer_req *req);

ssize_t xfer_extract_user(struct xfer_req *req, struct iov_iter *iter,
			  size_t len)
{
	struct page **pages = NULL;
	size_t offset;
	ssize_t ret;

	if (WARN_ON_ONCE(!iter_is_ubuf(iter) && !iter_is_iovec(iter)))
		return -EIO;

	ret = iov_iter_extract_pages(iter, &pages, len, 16, 0, &offset);
	if (ret <= 0)
		return ret ?: -EIO;
	req->nr_pages = DIV_ROUND_UP(offset + ret, PAGE_SIZE);
	req->offset = offset;
	if (xfer_map(req)) {
		kvfree(pages); /* { dg-warning "leak" } */
		return -ENOMEM;
	}
	req->pages = pages;
	return ret;
}
