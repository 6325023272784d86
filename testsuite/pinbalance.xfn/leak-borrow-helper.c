/*
 * fw_copy_from_pages() only reads the pages (kmap_local_page() and
 * memcpy(): its summary is a borrow), so calling it hands nothing over.
 * A bad firmware header then returns with every page still pinned: a leak
 * at that return.
 */
#include "driver-api.h"

#define FW_MAX_PAGES	16
#define FW_MAGIC	0x4657494du

struct fw_loader {
	unsigned char *bounce;
	size_t size;
};

static void fw_copy_from_pages(unsigned char *dst, struct page **pages, int npages,
			       size_t len)
{
	size_t done = 0;
	int i;

	for (i = 0; i < npages && done < len; i++) {
		size_t chunk = min_t(size_t, PAGE_SIZE, len - done);
		void *src = kmap_local_page(pages[i]);

		memcpy(dst + done, src, chunk);
		kunmap_local(src);
		done += chunk;
	}
}

int fw_load_user_image(struct fw_loader *ld, unsigned long uaddr, size_t len)
{
	struct page *pages[FW_MAX_PAGES];
	unsigned int magic;
	int npages = PFN_UP(len);
	int pinned;

	if (npages > FW_MAX_PAGES)
		return -E2BIG;
	pinned = pin_user_pages_fast(uaddr, npages, 0, pages); /* { dg-message "\\(1\\) \[^\n\]*here by 'pin_user_pages_fast'" } */
	if (pinned < 0)
		return pinned;
	fw_copy_from_pages(ld->bounce, pages, pinned, len);
	memcpy(&magic, ld->bounce, sizeof(magic));
	if (magic != FW_MAGIC)
		return -EINVAL; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_pages' \\\[pinbalance-leak\\\]" } */
	ld->size = (size_t)pinned * PAGE_SIZE;
	unpin_user_pages(pages, pinned);
	return 0;
}
