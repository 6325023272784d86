/* unpin_folio() releases a pinned folio; on a FOLL_GET page's folio it is wrong. */
#include "pin-api.h"

int udmabuf_unpin_ok(struct file *memfd, loff_t start, loff_t end)
{
	struct folio *folios[4];
	pgoff_t off;
	long nr = memfd_pin_folios(memfd, start, end, folios, 1, &off);

	if (nr != 1)
		return -EINVAL;
	unpin_folio(folios[0]);
	return 0;
}

int udmabuf_unpin_got(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	unpin_folio(page_folio(page)); /* { dg-warning "released with 'unpin_folio'" } */
	return 0;
}
