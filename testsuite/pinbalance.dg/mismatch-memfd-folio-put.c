/* folio_put() on a folio from memfd_pin_folios(). */
#include "pin-api.h"

int udmabuf_release(struct file *memfd, loff_t start, loff_t end)
{
	struct folio *folios[8];
	pgoff_t off;
	long nr, i;

	nr = memfd_pin_folios(memfd, start, end, folios, 8, &off);
	if (nr <= 0)
		return -EINVAL;
	for (i = 0; i < nr; i++)
		folio_put(folios[i]); /* { dg-warning "pinned page released with 'folio_put'; pages pinned by 'memfd_pin_folios' must be released with 'unpin_folio'" } */
	return 0;
}
