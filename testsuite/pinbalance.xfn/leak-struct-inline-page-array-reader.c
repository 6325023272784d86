/*
 * drivers/block/ublk_drv.c's ublk_copy_user_pages(): the pages are got
 * into an array inside a local iterator struct, and ublk_copy_io_pages()
 * copies through them, reading 'data->pages[pg_idx]' and advancing the
 * iterator's own position (numbers deep in a field): it borrows the
 * struct, so the caller that returns on a short copy without putting the
 * pages it got leaks them.
 */
#include "pin-api.h"
#include "driver-api.h"

#define XFER_MAX_PAGES 32

struct xfer_pos {
	unsigned int size;
	unsigned int done;
};

struct xfer_iter {
	struct page *pages[XFER_MAX_PAGES];
	struct xfer_pos pos;
	void *buf;
};

void *kmap_local_page(struct page *page);
void kunmap_local(const void *addr);

static void xfer_copy_io_pages(struct xfer_iter *data, size_t total,
			       size_t pg_off)
{
	unsigned int done = 0, pg_idx = 0;

	while (done < total && data->pos.size) {
		unsigned int bytes = PAGE_SIZE - pg_off;
		char *pg_buf = kmap_local_page(data->pages[pg_idx]);

		__builtin_memcpy(pg_buf + pg_off, data->buf, bytes);
		kunmap_local(pg_buf);
		pg_idx++;
		pg_off = 0;
		done += bytes;
		data->pos.done += bytes;
		data->pos.size -= bytes;
	}
}

size_t xfer_copy_user_pages(struct iov_iter *uiter, void *buf)
{
	struct xfer_iter iter = { .buf = buf, .pos = { .size = 1 } };
	size_t done = 0;

	while (iov_iter_count(uiter)) {
		unsigned int nr_pages, i;
		size_t off;
		ssize_t len;

		len = iov_iter_get_pages2(uiter, iter.pages,
					  iov_iter_count(uiter),
					  XFER_MAX_PAGES, &off);
		if (len <= 0)
			return done;
		xfer_copy_io_pages(&iter, len, off);
		if (len < PAGE_SIZE)
			return done; /* { dg-warning "leak" } */
		nr_pages = DIV_ROUND_UP(len + off, PAGE_SIZE);
		for (i = 0; i < nr_pages; i++)
			put_page(iter.pages[i]);
		done += len;
	}
	return done;
}
