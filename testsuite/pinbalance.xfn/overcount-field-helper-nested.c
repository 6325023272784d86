/*
 * The buffer's teardown calls the unpin helper, which unpins
 * 'buf->nr_pages' pages: the teardown's summary reads the count from the
 * same field ('count=arg1->nr_pages').  A reset that zeroes the count
 * before unpinning releases some other number ('count=all').  The short
 * pin calls the teardown with the count still the number requested.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "release vdma_buf_unpin kind=pin pages=arg1->pages count=arg1->nr_pages\t# \[^\n\]*overcount-field-helper-nested.c:\[0-9\]+" } */
/* { dg-regexp "release vdma_buf_teardown kind=pin pages=arg1->pages count=arg1->nr_pages\t# \[^\n\]*overcount-field-helper-nested.c:\[0-9\]+" } */
/* { dg-regexp "release vdma_buf_reset kind=pin pages=arg1->pages count=all\t# \[^\n\]*overcount-field-helper-nested.c:\[0-9\]+" } */
/* { dg-regexp "acquire vdma_buf_pin kind=pin pages=arg1->pages count=status\t# \[^\n\]*overcount-field-helper-nested.c:\[0-9\]+" } */
#include "driver-api.h"

struct vdma_buf {
	struct page **pages;
	unsigned int nr_pages;
	bool writable;
};

static void vdma_buf_unpin(struct vdma_buf *buf)
{
	unpin_user_pages_dirty_lock(buf->pages, buf->nr_pages, buf->writable);
}

static void vdma_buf_teardown(struct vdma_buf *buf)
{
	vdma_buf_unpin(buf);
	kvfree(buf->pages);
	buf->pages = NULL;
}

void vdma_buf_reset(struct vdma_buf *buf)
{
	buf->nr_pages = 0;
	vdma_buf_unpin(buf);
}

int vdma_buf_pin(struct vdma_buf *buf, unsigned long uaddr)
{
	int pinned;

	buf->pages = kvcalloc(buf->nr_pages, sizeof(*buf->pages), GFP_KERNEL);
	if (!buf->pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, buf->nr_pages,
				     buf->writable ? FOLL_WRITE : 0, buf->pages);
	if (pinned == buf->nr_pages)
		return 0;
	vdma_buf_teardown(buf); /* { dg-warning "'vdma_buf_teardown' may release more pages than 'pin_user_pages_fast' took: it releases the count in 'nr_pages'" } */
	return pinned < 0 ? pinned : -EFAULT;
}
