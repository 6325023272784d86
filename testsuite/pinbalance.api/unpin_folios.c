/* unpin_folios() releases an array of pinned folios. */
#include "pin-api.h"

int udmabuf_release_twice(struct file *memfd, loff_t start, loff_t end)
{
	struct folio *folios[16];
	pgoff_t off;
	long nr = memfd_pin_folios(memfd, start, end, folios, 16, &off);

	if (nr < 0)
		return nr;
	unpin_folios(folios, nr);
	unpin_folios(folios, nr); /* { dg-warning "released twice|double" } */
	return 0;
}
