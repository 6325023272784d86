/* Reduced from Linux 6.1 io_uring/rsrc.c (io_pin_pages): one return of
 * either the pinned array or ERR_PTR(ret). */
#include "pin-api.h"

struct page **pin_pages(unsigned long ubuf, unsigned long nr_pages, int *npages)
{
	struct page **pages;
	long pret;
	int ret = 0;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return ERR_PTR(-ENOMEM);
	pret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pret == nr_pages) {
		if (device_busy())
			ret = -EINVAL;
		*npages = nr_pages;
	} else {
		ret = pret < 0 ? pret : -EFAULT;
	}
	if (ret) {
		if (pret > 0)
			unpin_user_pages(pages, pret);
		goto done;
	}
	ret = 0;
done:
	if (ret < 0) {
		kvfree(pages);
		pages = ERR_PTR(ret);
	}
	return pages; /* { dg-bogus "leak" } */
}
