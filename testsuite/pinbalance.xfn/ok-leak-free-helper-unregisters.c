/*
 * A destructor that gives the struct to code without a rule before it
 * frees it (the unregister may drop the pages the device kept) is no
 * 'free' summary: its caller, which pinned into the struct's array and
 * calls it on an error path, is not told the pages leak there.  Any
 * summary line but the wrapper's would be an excess error here.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "acquire vpu_buf_pin kind=pin pages=arg1->pages count=status\t# \[^\n\]*ok-leak-free-helper-unregisters.c:\[0-9\]+" } */
#include "driver-api.h"

struct vpu_buf {
	unsigned long uaddr;
	int npages;
	struct page **pages;
};

void vpu_unregister_buf(struct vpu_buf *buf);
int vpu_register_buf(struct vpu_buf *buf);

static void vpu_buf_destroy(struct vpu_buf *buf)
{
	vpu_unregister_buf(buf);
	kfree(buf->pages);
	kfree(buf);
}

static int vpu_buf_pin(struct vpu_buf *buf)
{
	int ret;

	ret = pin_user_pages_fast(buf->uaddr, buf->npages, FOLL_WRITE,
				  buf->pages);
	if (ret < 0)
		return ret;
	if (ret != buf->npages) {
		unpin_user_pages(buf->pages, ret);
		return -EFAULT;
	}
	return 0;
}

struct vpu_buf *vpu_buf_create(unsigned long uaddr, int npages)
{
	struct vpu_buf *buf;
	int ret;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return NULL;
	buf->uaddr = uaddr;
	buf->npages = npages;
	buf->pages = kcalloc(npages, sizeof(struct page *), GFP_KERNEL);
	if (!buf->pages)
		goto free_buf;
	ret = vpu_buf_pin(buf);
	if (ret)
		goto free_pages;
	ret = vpu_register_buf(buf);
	if (ret) {
		vpu_buf_destroy(buf); /* { dg-bogus "leak" } */
		return NULL;
	}
	return buf;

free_pages:
	kfree(buf->pages);
free_buf:
	kfree(buf);
	return NULL;
}
