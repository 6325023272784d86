/*
 * The page's pfn goes to a function of another file that gives back a
 * page for it (pfn_to_online_page() of mm/memory_hotplug.c), and the
 * helper releases that: the pointer made of the pfn is the page again,
 * so the helper is no borrower, and its caller's error return, after
 * calling it, does not leak.
 */
#include "driver-api.h"

extern unsigned long vmemmap_base;
#define vmemmap			((struct page *)vmemmap_base)
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))

struct page *pfn_to_online_page(unsigned long pfn);

static void memdev_drop_page(struct page *page)
{
	struct page *online = pfn_to_online_page(page_to_pfn(page));

	if (online)
		unpin_user_page(online);
}

int memdev_probe_user_page(unsigned long uaddr, bool offline)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	if (offline) {
		memdev_drop_page(page);
		return -ENODEV; /* { dg-bogus "leak" } */
	}
	unpin_user_page(page);
	return 0;
}
