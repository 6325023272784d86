/*
 * A DMA-buffer driver: its pin helper pins into 'buf->pages' of a buffer
 * the ioctl allocated, and on success the buffer goes onto the device's
 * list through 'list_add(&buf->node, ...)': the pages go with the struct
 * that holds them.  On the error path after the pin, the unpin helper
 * releases them before the buffer is freed.  Silent.
 */
#include "driver-api.h"

struct list_head {
	struct list_head *next, *prev;
};

struct udma_buf {
	struct list_head node;
	unsigned long uaddr;
	int npages;
	struct page **pages;
};

struct udma_dev {
	struct list_head bufs;
	int nbufs;
};

void list_add(struct list_head *new, struct list_head *head);
int udma_hw_register(struct udma_dev *dev, unsigned long uaddr, int npages);

static int udma_buf_pin(struct udma_buf *buf)
{
	int pinned;

	buf->pages = kvcalloc(buf->npages, sizeof(struct page *), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(buf->uaddr, buf->npages,
				     FOLL_WRITE | FOLL_LONGTERM, buf->pages);
	if (pinned == buf->npages)
		return 0;
	if (pinned > 0)
		unpin_user_pages(buf->pages, pinned);
	kvfree(buf->pages);
	return pinned < 0 ? pinned : -EFAULT;
}

static void udma_buf_unpin(struct udma_buf *buf)
{
	unpin_user_pages_dirty_lock(buf->pages, buf->npages, true);
	kvfree(buf->pages);
}

int udma_ioctl_add(struct udma_dev *dev, unsigned long uaddr, int npages)
{
	struct udma_buf *buf;
	int ret;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf->uaddr = uaddr;
	buf->npages = npages;
	ret = udma_buf_pin(buf);
	if (ret)
		goto err_free;
	ret = udma_hw_register(dev, uaddr, npages);
	if (ret)
		goto err_unpin;
	list_add(&buf->node, &dev->bufs);
	dev->nbufs++;
	return 0;

err_unpin:
	udma_buf_unpin(buf);
err_free:
	kfree(buf);
	return ret;
}
