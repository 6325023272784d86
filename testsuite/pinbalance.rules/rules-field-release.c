/*
 * A rule for a teardown function of another file that unpins the array
 * kept in a field of the struct it is given ('pages=arg1->pages'): a
 * second call is a double release; a rule naming a field the struct does
 * not have does not fit its declaration.  One that unpins as many pages
 * as the struct's count says ('count=arg1->npages'), called on a short
 * pin before the count is lowered, releases the number requested.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/field-rules.rules" } */
#include "pin-api.h"
#include "driver-api.h"

struct mydrv_buf {
	struct page **pages;
	int npages;
};

void mydrv_buf_unpin(struct mydrv_buf *buf);
void mydrv_buf_put(struct mydrv_buf *buf); /* { dg-warning "pinbalance: rule \[^ \]*field-rules.rules:4 for 'mydrv_buf_put' does not fit its declaration: argument 1: no pointer field of that name in the struct it points to \\(it takes 1\\); rule ignored" } */
int mydrv_start_dma(struct mydrv_buf *buf);
void mydrv_buf_unpin_all(struct mydrv_buf *buf);
void mydrv_buf_put_all(struct mydrv_buf *buf); /* { dg-warning "pinbalance: rule \[^ \]*field-rules.rules:8 for 'mydrv_buf_put_all' does not fit its declaration: argument 1: no integer field of that name in the struct it points to \\(it takes 1\\); rule ignored" } */

int mydrv_buf_pin(struct mydrv_buf *buf, unsigned long uaddr)
{
	int pinned;

	pinned = pin_user_pages_fast(uaddr, buf->npages, FOLL_WRITE, buf->pages);
	if (pinned != buf->npages) {
		if (pinned > 0)
			unpin_user_pages(buf->pages, pinned);
		return -EFAULT;
	}
	if (mydrv_start_dma(buf)) {
		mydrv_buf_unpin(buf);
		mydrv_buf_unpin(buf); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast' \[^\n\]*\\\[pinbalance-double-release\\\]" } */
		return -EIO;
	}
	return 0;
}

void mydrv_buf_drop(struct mydrv_buf *buf)
{
	mydrv_buf_put(buf);
}

int mydrv_buf_pin_all(struct mydrv_buf *buf, unsigned long uaddr)
{
	int pinned;

	pinned = pin_user_pages_fast(uaddr, buf->npages, FOLL_WRITE, buf->pages);
	if (pinned < 0)
		return pinned;
	if (pinned != buf->npages) {
		mydrv_buf_unpin_all(buf); /* { dg-warning "'mydrv_buf_unpin_all' may release more pages than 'pin_user_pages_fast' took: it releases the count in 'npages'" } */
		return -EFAULT;
	}
	if (mydrv_start_dma(buf)) {
		mydrv_buf_unpin_all(buf); /* { dg-bogus "overcount" } */
		return -EIO;
	}
	return 0;
}

void mydrv_buf_drop_all(struct mydrv_buf *buf)
{
	mydrv_buf_put_all(buf);
}
