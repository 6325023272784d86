/* Folios pinned from a memfd, leaked when the mapping fails. */
#include "pin-api.h"

int udmabuf_pin(struct file *memfd, loff_t start, loff_t end, unsigned int max)
{
	struct folio **folios;
	pgoff_t off;
	long nr;

	folios = kvmalloc_array(max, sizeof(*folios), GFP_KERNEL);
	if (!folios)
		return -ENOMEM;
	nr = memfd_pin_folios(memfd, start, end, folios, max, &off);
	if (nr <= 0) {
		kvfree(folios);
		return nr ? nr : -EINVAL;
	}
	if (device_busy()) {
		kvfree(folios); /* { dg-warning "leak of pages pinned by 'memfd_pin_folios'; release them with 'unpin_folios'" } */
		return -16;
	}
	unpin_folios(folios, nr);
	kvfree(folios);
	return 0;
}
