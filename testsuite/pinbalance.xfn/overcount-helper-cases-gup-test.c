/*
 * mm/gup_test.c without 'nr_pages = i;': the ioctl pins in chunks into
 * 'pages + i', adding what each call took to 'i', and leaves the loop
 * when a call fails; put_back_pages() then unpins 'nr_pages', the count
 * the array was allocated for, not the running total: pages never
 * pinned are unpinned.
 */
#include "driver-api.h"

struct gup_test {
	unsigned long long get_delta_usec;
	unsigned long long addr;
	unsigned long long size;
	unsigned int nr_pages_per_call;
	unsigned int gup_flags;
	unsigned int test_flags;
};

#define GUP_FAST_BENCHMARK	0xc0306701
#define PIN_FAST_BENCHMARK	0xc0306702
#define PIN_LONGTERM_BENCHMARK	0xc0306703
#define GUP_BASIC_TEST		0xc0306704
#define PIN_BASIC_TEST		0xc0306705
#define DUMP_USER_PAGES_TEST	0xc0306706

#define GUP_TEST_FLAG_DUMP_PAGES_USE_PIN	0x1

unsigned long long ktime_get(void);
void dump_pages_test(struct gup_test *gup, struct page **pages,
		     unsigned long nr_pages);
void verify_dma_pinned(unsigned int cmd, struct page **pages,
		       unsigned long nr_pages);

static void put_back_pages(unsigned int cmd, struct page **pages,
			   unsigned long nr_pages, unsigned int gup_test_flags)
{
	unsigned long i;

	switch (cmd) {
	case GUP_FAST_BENCHMARK:
	case GUP_BASIC_TEST:
		for (i = 0; i < nr_pages; i++)
			put_page(pages[i]);
		break;

	case PIN_FAST_BENCHMARK:
	case PIN_BASIC_TEST:
	case PIN_LONGTERM_BENCHMARK:
		unpin_user_pages(pages, nr_pages);
		break;
	case DUMP_USER_PAGES_TEST:
		if (gup_test_flags & GUP_TEST_FLAG_DUMP_PAGES_USE_PIN) {
			unpin_user_pages(pages, nr_pages);
		} else {
			for (i = 0; i < nr_pages; i++)
				put_page(pages[i]);
		}
		break;
	}
}

static int __gup_test_ioctl(unsigned int cmd, struct gup_test *gup)
{
	unsigned long long start_time, end_time;
	unsigned long i, nr_pages, addr, next;
	long nr;
	struct page **pages;
	int ret = 0;

	nr_pages = gup->size / PAGE_SIZE;
	pages = kvcalloc(nr_pages, sizeof(void *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	i = 0;
	nr = gup->nr_pages_per_call;
	start_time = ktime_get();
	for (addr = gup->addr; addr < gup->addr + gup->size; addr = next) {
		if (nr != gup->nr_pages_per_call)
			break;

		next = addr + nr * PAGE_SIZE;
		if (next > gup->addr + gup->size) {
			next = gup->addr + gup->size;
			nr = (next - addr) / PAGE_SIZE;
		}

		switch (cmd) {
		case GUP_FAST_BENCHMARK:
			nr = get_user_pages_fast(addr, nr, gup->gup_flags,
						 pages + i);
			break;
		case GUP_BASIC_TEST:
			nr = get_user_pages(addr, nr, gup->gup_flags, pages + i);
			break;
		case PIN_FAST_BENCHMARK:
			nr = pin_user_pages_fast(addr, nr, gup->gup_flags,
						 pages + i);
			break;
		case PIN_BASIC_TEST:
			nr = pin_user_pages(addr, nr, gup->gup_flags, pages + i);
			break;
		case PIN_LONGTERM_BENCHMARK:
			nr = pin_user_pages(addr, nr,
					    gup->gup_flags | FOLL_LONGTERM,
					    pages + i);
			break;
		case DUMP_USER_PAGES_TEST:
			if (gup->test_flags & GUP_TEST_FLAG_DUMP_PAGES_USE_PIN)
				nr = pin_user_pages(addr, nr, gup->gup_flags,
						    pages + i);
			else
				nr = get_user_pages(addr, nr, gup->gup_flags,
						    pages + i);
			break;
		default:
			ret = -EINVAL;
			goto unlock;
		}

		if (nr <= 0) /* { dg-message "following 'true' branch: 'pin_user_pages\[a-z_\]*' failed" } */
			break;
		i += nr;
	}
	end_time = ktime_get();

	gup->get_delta_usec = end_time - start_time;
	gup->size = addr - gup->addr;

	verify_dma_pinned(cmd, pages, nr_pages); /* { dg-message "the pages passed to 'verify_dma_pinned'" } */

	if (cmd == DUMP_USER_PAGES_TEST)
		dump_pages_test(gup, pages, nr_pages);

	put_back_pages(cmd, pages, nr_pages, gup->test_flags); /* { dg-warning "may release more pages than the calls to .pin_user_pages.* took; pass their running total .i." } */
	/* { dg-message "releases the count the loop was to reach, more than the calls at \\(1\\) took" "" { target *-*-* } 135 } */

unlock:
	kvfree(pages); /* { dg-bogus "leak" } */
	return ret;
}

long gup_test_ioctl(unsigned int cmd, struct gup_test *gup)
{
	return __gup_test_ioctl(cmd, gup);
}
