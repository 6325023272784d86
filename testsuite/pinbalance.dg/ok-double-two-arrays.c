/* Two arrays, each released once. */
#include "pin-api.h"

int twin(unsigned long a, unsigned long b)
{
	struct page *pa[2], *pb[2];
	int na, nb;

	na = pin_user_pages_fast(a, 2, 0, pa);
	if (na != 2)
		goto out_a;
	nb = pin_user_pages_fast(b, 2, 0, pb);
	if (nb != 2)
		goto out_b;
	unpin_user_pages(pa, 2);
	unpin_user_pages(pb, 2); /* { dg-bogus "double" } */
	return 0;
out_b:
	if (nb > 0)
		unpin_user_pages(pb, nb);
	unpin_user_pages(pa, 2);
	return -EFAULT;
out_a:
	if (na > 0)
		unpin_user_pages(pa, na);
	return -EFAULT; /* { dg-bogus "leak|double" } */
}
