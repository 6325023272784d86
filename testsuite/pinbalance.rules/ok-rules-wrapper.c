/* Balanced use of a driver's wrappers, with an owner taking the pages. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/mydrv.rules" } */
#include "mydrv.h"

int mydrv_submit(void *queue, unsigned long uaddr, int npages)
{
	struct page **pages = mydrv_alloc_table(npages);
	long got;

	if (!pages)
		return -ENOMEM;
	got = mydrv_pin_buffer(uaddr, npages, pages);
	if (MYDRV_FAILED(got)) {
		mydrv_free_table(pages);
		return got;
	}
	if (got != npages) {
		mydrv_unpin_buffer(pages, got);
		mydrv_free_table(pages);
		return -EFAULT;
	}
	mydrv_sync_page(pages[0]);
	mydrv_queue_pages(queue, pages, got);	/* the queue unpins on completion */
	return 0;
}

struct page **mydrv_lookup(unsigned long uaddr, int npages, struct page **pages)
{
	long got = mydrv_pin_buffer(uaddr, npages, pages);

	if (MYDRV_FAILED(got))
		return MYDRV_ERR(got);
	return pages;
}
