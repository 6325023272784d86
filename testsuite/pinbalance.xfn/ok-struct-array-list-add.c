/*
 * A buffer the ioctl allocates keeps its pinned array in 'buf->pages',
 * stored there before the pin; on success the buffer goes onto the
 * device's list by the address of its list member: the pages go with the
 * struct holding them.  The failure path unpins and frees both.  Silent.
 */
#include "driver-api.h"

struct list_head {
	struct list_head *next, *prev;
};

struct ubuf {
	struct list_head node;
	int npages;
	struct page **pages;
};

struct udev {
	struct list_head bufs;
};

void list_add_tail(struct list_head *new, struct list_head *head);
int udev_program(struct udev *dev, struct page **pages, int npages);

int udev_add_buffer(struct udev *dev, unsigned long uaddr, int npages)
{
	struct ubuf *buf;
	int pinned, ret;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf->npages = npages;
	buf->pages = kvcalloc(npages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages) {
		ret = -ENOMEM;
		goto free_buf;
	}
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM,
				     buf->pages);
	if (pinned != npages) {
		ret = -EFAULT;
		goto unpin;
	}
	ret = udev_program(dev, buf->pages, npages);
	if (ret)
		goto unpin;
	list_add_tail(&buf->node, &dev->bufs);
	return 0;

unpin:
	if (pinned > 0)
		unpin_user_pages(buf->pages, pinned);
	kvfree(buf->pages);
free_buf:
	kfree(buf);
	return ret;
}
