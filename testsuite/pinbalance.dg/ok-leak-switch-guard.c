/* The switch that chose the pin call decides the release too (mm/gup_test.c). */
#include "pin-api.h"

enum { GUP_FAST, PIN_FAST, PIN_BASIC };

void put_back(unsigned int cmd, struct page **pages, unsigned long n);

int gup_bench(unsigned int cmd, unsigned long addr, unsigned long size, int chunk)
{
	struct page **pages;
	unsigned long i = 0, end = addr + size;
	long nr = chunk;
	int ret = 0;

	pages = kvcalloc(size / PAGE_SIZE, sizeof(void *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (; addr < end; addr += nr * PAGE_SIZE) {
		switch (cmd) {
		case GUP_FAST:
			nr = get_user_pages_fast(addr, chunk, 0, pages + i);
			break;
		case PIN_FAST:
			nr = pin_user_pages_fast(addr, chunk, 0, pages + i);
			break;
		case PIN_BASIC:
			nr = pin_user_pages(addr, chunk, 0, pages + i);
			break;
		default:
			ret = -EINVAL;
			goto out;
		}
		if (nr <= 0)
			break;
		i += nr;
	}
	put_back(cmd, pages, i);
out:
	kvfree(pages); /* { dg-bogus "leak" } */
	return ret;
}
