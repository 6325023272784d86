/*
 * ringbuf_pin_head() returns a pinned page or an ERR_PTR (its summary: it
 * returns pages).  The caller validates the header and returns -EINVAL
 * with the page still pinned: a leak at that return.
 */
#include "driver-api.h"

#define RINGBUF_MAGIC	0x52424631u

struct ringbuf_hdr {
	unsigned int magic;
	unsigned int size;
};

struct ringbuf {
	struct page *head_page;
	unsigned int size, max;
};

static struct page *ringbuf_pin_head(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr & PAGE_MASK, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (ret < 0)
		return ERR_PTR(ret);
	return page;
}

int ringbuf_attach(struct ringbuf *rb, unsigned long uaddr)
{
	struct ringbuf_hdr *hdr;
	struct page *page;

	page = ringbuf_pin_head(uaddr);
	if (IS_ERR(page))
		return PTR_ERR(page);
	hdr = kmap_local_page(page);
	if (hdr->magic != RINGBUF_MAGIC || hdr->size > rb->max) {
		kunmap_local(hdr);
		return -EINVAL; /* { dg-warning "leak of pages pinned by \[^\n\]*\\\[pinbalance-leak\\\]" } */
	}
	rb->size = hdr->size;
	kunmap_local(hdr);
	rb->head_page = page;
	return 0;
}
