/* 'when=argN&MASK': the kind holds only when the flags carry the bit. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/when.rules" } */
#include "pin-api.h"

#define FOLL_PIN	0x40000

long mydrv_gup(unsigned long start, unsigned long n, unsigned int flags,
	       struct page **pages);

int pinned_then_put(unsigned long uaddr)
{
	struct page *page;

	if (mydrv_gup(uaddr, 1, FOLL_PIN | FOLL_WRITE, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-warning "pinned page released with 'put_page'" } */
	return 0;
}

int no_pin_flag(unsigned long uaddr)
{
	struct page *page;

	if (mydrv_gup(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-bogus "released" } */
	return 0;
}

int flags_unknown(unsigned long uaddr, unsigned int flags)
{
	struct page *page;

	if (mydrv_gup(uaddr, 1, flags, &page) != 1)
		return -EFAULT;
	put_page(page); /* { dg-bogus "released" "kind not certain" } */
	return 0;
}
