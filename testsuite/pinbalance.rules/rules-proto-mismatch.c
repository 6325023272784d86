/* A rule that does not fit the declaration is reported once and ignored. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/proto-mismatch.rules" } */
#include "pin-api.h"

void mydrv_unpin_buffer(struct page **pages, int npages); /* { dg-warning "pinbalance: rule \[^ \]*proto-mismatch.rules:2 for 'mydrv_unpin_buffer' does not fit its declaration: argument 3: argument out of range \\(it takes 2\\); rule ignored" } */
void mydrv_sync_page(unsigned long pfn); /* { dg-warning "pinbalance: rule \[^ \]*proto-mismatch.rules:3 for 'mydrv_sync_page' does not fit its declaration: argument 1: not a pointer \\(it takes 1\\); rule ignored" } */

void mydrv_release(struct page **pages, int npages)
{
	mydrv_unpin_buffer(pages, npages);
	mydrv_unpin_buffer(pages, npages);	/* the rule is ignored: no double release */
	mydrv_sync_page(0);
	mydrv_sync_page(1);
}
