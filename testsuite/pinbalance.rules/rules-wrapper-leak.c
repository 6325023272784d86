/* A rules file teaches the plugin a driver's pin wrapper: its leak is found. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/mydrv.rules" } */
#include "mydrv.h"

int mydrv_dma(unsigned long uaddr, int npages)
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
	if (device_busy()) {
		mydrv_free_table(pages); /* { dg-warning "leak of pages pinned by 'mydrv_pin_buffer'" } */
		return -16;
	}
	mydrv_sync_page(mydrv_head_page(pages[0]));
	mydrv_unpin_buffer(pages, got);
	mydrv_free_table(pages);
	return 0;
}
