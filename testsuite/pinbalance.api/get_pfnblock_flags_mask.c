/* get_pfnblock_flags_mask() reads the page's pageblock flags, given the page and its pfn, without taking either over: the pin is still held after it, so this return leaks. */
#include "pin-api.h"

extern unsigned long vmemmap_base;
#define page_to_pfn(p)	((unsigned long)((p) - (struct page *)vmemmap_base))

int drv_touch_page(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	pr_debug_pages("migratetype",
		       get_pfnblock_flags_mask(page, page_to_pfn(page), MIGRATETYPE_MASK));
	if (device_busy())
		return -16; /* { dg-warning "leak of (a )?pages? pinned by 'pin_user_pages_fast'" } */
	unpin_user_page(page);
	return 0;
}
