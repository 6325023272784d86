/* unpin_folios() on memfd folios. */
#include "pin-api.h"

int udmabuf_release(struct file *memfd, loff_t start, loff_t end)
{
	struct folio *folios[8];
	pgoff_t off;
	long nr;

	nr = memfd_pin_folios(memfd, start, end, folios, 8, &off);
	if (nr <= 0)
		return -EINVAL;
	unpin_folios(folios, nr); /* { dg-bogus "released with|leak" } */
	return 0;
}
