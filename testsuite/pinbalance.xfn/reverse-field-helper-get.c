/*
 * A capture driver keeps a user buffer's pages in 'buf->pages': its map
 * helper still takes them with get_user_pages_fast() (an acquire for its
 * caller, 'kind=get pages=arg1->pages'), while the unmap helper was
 * converted to unpin_user_pages().  The queue function releases get
 * references with the unpin helper when the device refuses the buffer;
 * the field 'cap_buffer.pages' is also unpinned although it only ever
 * receives get references (the struct-field check, in the helper).
 */
#include "driver-api.h"

struct cap_buffer {
	unsigned long uaddr;
	int npages;
	struct page **pages;
	struct list_head *list;
};

struct cap_dev;
int cap_hw_queue(struct cap_dev *dev, struct cap_buffer *buf);

static int cap_buf_map(struct cap_buffer *buf)
{
	int got;

	buf->pages = kcalloc(buf->npages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	got = get_user_pages_fast(buf->uaddr, buf->npages, FOLL_WRITE,
				  buf->pages);
	if (got != buf->npages) {
		if (got > 0)
			release_pages(buf->pages, got);
		kfree(buf->pages);
		return -EFAULT;
	}
	return 0;
}

static void cap_buf_unmap(struct cap_buffer *buf)
{
	unpin_user_pages(buf->pages, buf->npages); /* { dg-warning "\\\[pinbalance-reverse-mismatch\\\]" } */
	kfree(buf->pages);
}

int cap_queue(struct cap_dev *dev, struct cap_buffer *buf)
{
	int ret;

	ret = cap_buf_map(buf);
	if (ret)
		return ret;
	ret = cap_hw_queue(dev, buf);
	if (ret)
		cap_buf_unmap(buf); /* { dg-warning "\\\[pinbalance-reverse-mismatch\\\]" } */
	return ret;
}
