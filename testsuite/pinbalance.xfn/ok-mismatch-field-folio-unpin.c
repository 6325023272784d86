/*
 * udmabuf-style: the create path pins folios with memfd_pin_folios() into
 * ubuf->folios; the release function, another function of the file,
 * unpins what it loads from that field with unpin_folios() (point 2): the
 * right kind.
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
	unpin_folios(ubuf->folios, ubuf->nr_folios); /* { dg-bogus "released with" } */
	kvfree(ubuf->folios);
	ubuf->folios = NULL;
}
