/* The pages stay pinned, recorded by pfn in a descriptor (vmwgfx). */
#include "pin-api.h"

struct desc {
	unsigned long ppn[8];
};
extern unsigned long vmemmap_base;
#define page_to_pfn(p) ((unsigned long)((p) - (struct page *)vmemmap_base))

int add_stats(struct desc *d, unsigned long uaddr, int n)
{
	struct page **pages;
	int i, nr;

	pages = kmalloc_array(8, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	nr = pin_user_pages_fast(uaddr, n, FOLL_LONGTERM, pages);
	if (nr != n) {
		if (nr > 0)
			unpin_user_pages(pages, nr);
		kfree(pages);
		return -EFAULT;
	}
	for (i = 0; i < n; i++)
		d->ppn[i] = page_to_pfn(pages[i]);
	kfree(pages); /* { dg-bogus "leak" } */
	return 0;
}
