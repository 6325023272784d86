/*
 * A release helper whose kind the command chooses ('switch (cmd)', as
 * put_back_pages() of mm/gup_test.c), called with a command no branch of
 * the caller tested: which case runs is not known, so the helper owns the
 * pages, and nothing is reported.
 */
#include "driver-api.h"

#define BENCH_GUP	1
#define BENCH_PIN	2

static void bench_put_pages(unsigned int cmd, struct page **pages,
			    unsigned long n)
{
	unsigned long i;

	switch (cmd) {
	case BENCH_GUP:
		for (i = 0; i < n; i++)
			put_page(pages[i]);
		break;
	case BENCH_PIN:
		unpin_user_pages(pages, n);
		break;
	}
}

int bench_run(unsigned int cmd, unsigned long uaddr, int nr_pages)
{
	struct page **pages;
	int got;

	pages = kvcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, nr_pages, 0, pages);
	if (got > 0)
		bench_put_pages(cmd, pages, got); /* { dg-bogus "mismatch|leak" } */
	kvfree(pages); /* { dg-bogus "leak" } */
	return got < 0 ? got : 0;
}
