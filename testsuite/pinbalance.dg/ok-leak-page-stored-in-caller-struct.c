/* Reduced from Linux 6.12 fs/fuse/dev.c (fuse_copy_fill): 'page' is
 * written by iov_iter_get_pages2() through '&page' on one branch and by a
 * store on another; on the first, the page is stored into a field of the
 * caller's struct before the return, which hands it over. */
#include "pin-api.h"

struct page *alloc_page(gfp_t gfp);
void BUG(void) __attribute__((noreturn));
#define BUG_ON(c) do { if (unlikely(c)) BUG(); } while (0)

struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

struct copy_state {
	int write;
	struct pipe_buffer *pipebufs;
	struct pipe_buffer *currbuf;
	struct iov_iter *iter;
	struct page *pg;
	unsigned int len, offset;
	unsigned long nr_segs;
};

int lock_request(struct copy_state *cs);

int copy_fill(struct copy_state *cs)
{
	struct page *page;
	int err;

	if (cs->pipebufs) {
		struct pipe_buffer *buf = cs->pipebufs;

		if (!cs->write) {
			BUG_ON(!cs->nr_segs);
			cs->currbuf = buf;
			cs->pg = buf->page;
			cs->offset = buf->offset;
			cs->len = buf->len;
			cs->pipebufs++;
			cs->nr_segs--;
		} else {
			page = alloc_page(GFP_KERNEL);
			if (!page)
				return -ENOMEM;
			buf->page = page;
			buf->offset = 0;
			buf->len = 0;
			cs->currbuf = buf;
			cs->pg = page;
			cs->offset = 0;
			cs->len = PAGE_SIZE;
			cs->pipebufs++;
			cs->nr_segs++;
		}
	} else {
		size_t off;

		err = iov_iter_get_pages2(cs->iter, &page, PAGE_SIZE, 1, &off);
		if (err < 0)
			return err;
		BUG_ON(!err);
		cs->len = err;
		cs->offset = off;
		cs->pg = page;
	}
	return lock_request(cs); /* { dg-bogus "leak" } */
}
