/*
 * The pages were given to the mapping code, which failed; the driver
 * unpins them on the spot and then again at the common error label.
 */
#include "pin-api.h"

struct umap;
int umap_insert(struct umap *map, struct page **pages, int npages);

int umap_add_user(struct umap *map, unsigned long uaddr, int npages)
{
	struct page *pages[32];
	int pinned, ret;

	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned != npages) {
		ret = -EFAULT;
		goto out_unpin;
	}
	ret = umap_insert(map, pages, pinned);
	if (ret) {
		unpin_user_pages(pages, pinned);
		goto out_unpin;
	}
	return 0;

out_unpin:
	if (pinned > 0)
		unpin_user_pages(pages, pinned); /* { dg-warning "double release of pages pinned by .pin_user_pages_fast.*\\\[pinbalance-double-release\\\]" } */
	return ret;
}
