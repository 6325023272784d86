/* Code the checker does not model is skipped, never a crash: computed
 * gotos, asm, VLAs, switch, indirect calls, nested loops, setjmp. */
/* { dg-options "-O2 -w" } */
#include "pin-api.h"
#include <setjmp.h>

typedef void (*release_fn)(struct page **, unsigned long);
static jmp_buf env;

int odd(unsigned long uaddr, int n, release_fn rel, int k)
{
	struct page *vla[n];
	static void *targets[] = { &&a, &&b };
	int ret, i, j;

	ret = pin_user_pages_fast(uaddr, n, 0, vla);
	if (ret <= 0)
		return ret;
	__asm__ volatile("" : : "r"(vla) : "memory");
	goto *targets[k & 1];
a:
	switch (k) {
	case 0: rel(vla, ret); break;
	case 1 ... 5: unpin_user_pages(vla, ret); break;
	default:
		for (i = 0; i < ret; i++)
			for (j = 0; j < i; j++)
				if (setjmp(env))
					return -1;
	}
	return 0;
b:
	unpin_user_pages(vla, ret);
	return 1;
}

int no_pin_api(int *p, int n)
{
	int s = 0, i;

	for (i = 0; i < n; i++)
		s += p[i];
	return s;
}
