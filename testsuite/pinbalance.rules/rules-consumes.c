/* A driver's ring that unpins the page it is given when it is full
 * ('consumes'): its caller unpins only the pages after the one it failed
 * on. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/consumes.rules" } */
#include "pin-api.h"

struct mydrv_ring;
int mydrv_ring_add(struct mydrv_ring *ring, struct page *page);

int mydrv_queue_user(struct mydrv_ring *ring, unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got, i, ret;

	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	if (got <= 0)
		return got ? got : -EFAULT;
	for (i = 0; i < got; i++) {
		ret = mydrv_ring_add(ring, pages[i]);
		if (ret) {
			/* the range from the element is not matched to it yet */
			unpin_user_pages(&pages[i], got - i); /* { dg-warning "double release" "" { xfail *-*-* } } */
			return ret;
		}
	}
	return 0;
}

int mydrv_queue_user_one_by_one(struct mydrv_ring *ring, unsigned long uaddr,
				int n)
{
	struct page *pages[8];
	int got, i, ret;

	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	if (got <= 0)
		return got ? got : -EFAULT;
	for (i = 0; i < got; i++) {
		ret = mydrv_ring_add(ring, pages[i]); /* { dg-message "first release here by 'mydrv_ring_add'" } */
		if (ret) {
			do
				unpin_user_page(pages[i]); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast'" } */
			while (++i < got);
			return ret;
		}
	}
	return 0;
}

int mydrv_queue_user_ok(struct mydrv_ring *ring, unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got, i, ret;

	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	if (got <= 0)
		return got ? got : -EFAULT;
	for (i = 0; i < got; i++) {
		ret = mydrv_ring_add(ring, pages[i]);
		if (ret) {
			while (++i < got)
				unpin_user_page(pages[i]); /* { dg-bogus "double" } */
			return ret;
		}
	}
	return 0;
}
