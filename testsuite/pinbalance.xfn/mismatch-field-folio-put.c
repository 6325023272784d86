/*
 * udmabuf-style: the create path pins folios with memfd_pin_folios() into
 * ubuf->folios; the release function, another function of the file, drops
 * each folio it loads from that field with folio_put() (point 2).
 * Reported at the folio_put().
 */
#include "driver-api.h"

struct udmabuf {
	struct folio **folios;
	pgoff_t nr_folios;
	pgoff_t offset;
};

int udmabuf_pin(struct udmabuf *ubuf, struct file *memfd, loff_t start, loff_t size,
		unsigned int max_folios)
{
	long nr;

	ubuf->folios = kvmalloc_array(max_folios, sizeof(*ubuf->folios), GFP_KERNEL);
	if (!ubuf->folios)
		return -ENOMEM;
	nr = memfd_pin_folios(memfd, start, start + size - 1, ubuf->folios,
			      max_folios, &ubuf->offset);
	if (nr <= 0) {
		kvfree(ubuf->folios);
		ubuf->folios = NULL;
		return nr ? nr : -EINVAL;
	}
	ubuf->nr_folios = nr;
	return 0;
}

void udmabuf_release(struct udmabuf *ubuf)
{
	pgoff_t i;

	for (i = 0; i < ubuf->nr_folios; i++)
		folio_put(ubuf->folios[i]); /* { dg-warning "pinned page released with 'folio_put'; pages pinned by 'memfd_pin_folios' must be released with 'unpin_folio' \\\[pinbalance-mismatch\\\]" } */
	kvfree(ubuf->folios);
	ubuf->folios = NULL;
}
