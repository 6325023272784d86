/* memfd_pin_folios() pins folios: folio_put() is the wrong release, unpin_folios() the right one. */
#include "pin-api.h"

long udmabuf_pin_leaky(struct file *memfd, loff_t start, loff_t end)
{
	struct folio *folios[16];
	pgoff_t offset;
	long nr;

	nr = memfd_pin_folios(memfd, start, end, folios, 16, &offset);
	if (nr <= 0)
		return -EINVAL;
	folio_put(folios[0]); /* { dg-warning "pinned page released with 'folio_put'" } */
	return nr;
}

long udmabuf_pin_ok(struct file *memfd, loff_t start, loff_t end)
{
	struct folio *folios[16];
	pgoff_t offset;
	long nr;

	nr = memfd_pin_folios(memfd, start, end, folios, 16, &offset);
	if (nr < 0)
		return nr;
	unpin_folios(folios, nr);
	return 0;
}
