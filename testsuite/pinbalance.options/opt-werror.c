/* -Werror turns the findings into errors like any other warning. */
/* { dg-options "-O2 -Werror" } */
/* { dg-regexp "all warnings being treated as errors" } */
#include "pin-api.h"

int leaky(unsigned long uaddr, int n)
{
	struct page *pages[4];

	if (pin_user_pages_fast(uaddr, n, 0, pages) <= 0)
		return -EFAULT;
	return 0; /* { dg-error "leak of pages pinned" } */
}
