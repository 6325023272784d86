/* rules= is repeatable; a CRLF rules file loads. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-rules=@srcdir@/mydrv.rules -fplugin-arg-pinbalance-rules=@srcdir@/mydrv-extra.rules" } */
#include "mydrv.h"

int mydrv_read(unsigned long uaddr)
{
	struct page *pages[4];
	long got;
	int i;

	got = mydrv_get_buffer(uaddr, 4, pages);
	if (got <= 0)
		return -EFAULT;
	for (i = 0; i < got; i++)
		mydrv_unpin_buffer(&pages[i], 1); /* { dg-warning "page reference from 'mydrv_get_buffer' released with 'mydrv_unpin_buffer'" } */
	return 0;
}
