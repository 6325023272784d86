/*
 * The long-term pin of a test ioctl kept in a static variable of the file
 * (mm/gup_test.c), unpinned by the stop ioctl: nothing to say.
 */
#include "pin-api.h"

static struct page **longterm_pages;
static unsigned long longterm_nr_pages;

static void longterm_stop(void)
{
	unsigned long i;

	if (longterm_pages) {
		for (i = 0; i < longterm_nr_pages; i++)
			unpin_user_page(longterm_pages[i]); /* { dg-bogus "pinbalance" } */
		kvfree(longterm_pages);
		longterm_pages = NULL;
		longterm_nr_pages = 0;
	}
}

static int longterm_start(unsigned long addr, long nr_pages)
{
	struct page **pages;
	long cur_pages;

	if (longterm_pages)
		return -EINVAL;
	pages = kvcalloc(nr_pages, sizeof(void *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	longterm_pages = pages;
	longterm_nr_pages = 0;

	while (nr_pages - longterm_nr_pages) {
		cur_pages = pin_user_pages_fast(addr + longterm_nr_pages * PAGE_SIZE, nr_pages - longterm_nr_pages, FOLL_LONGTERM, pages);
		if (cur_pages < 0) {
			longterm_stop();
			return cur_pages;
		}
		longterm_nr_pages += cur_pages;
		pages += cur_pages;
	}
	return 0;
}

long longterm_ioctl(unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case 1:
		return longterm_start(arg, 16);
	case 2:
		longterm_stop();
		return 0;
	}
	return -EINVAL;
}
