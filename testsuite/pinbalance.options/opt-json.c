/* The findings and their paths come out in GCC's JSON format, with the CWE
   and the kind's tag. */
/* { dg-options "-O2 -fdiagnostics-format=json" } */
/* { dg-regexp "\"path\": \\\[\{.*\"description\": \"up to 'n' pages pinned into 'pages' here by 'pin_user_pages_fast'\".*\"description\": \"returning with the pages from \\(1\\) still pinned\".*\"message\": \"leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_pages' \\\[pinbalance-leak\\\]\", \"metadata\": \{\"cwe\": 772\}" } */
#include "pin-api.h"

int leaky(unsigned long uaddr, int n)
{
	struct page *pages[4];

	if (pin_user_pages_fast(uaddr, n, 0, pages) <= 0)
		return -EFAULT;
	return 0;
}
