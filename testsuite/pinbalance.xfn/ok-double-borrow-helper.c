/*
 * A helper checksums each page through page_address() (a borrow: it
 * neither releases nor keeps the pages).  The caller's single unpin after
 * it is the first and only release: no double release, no mismatch.
 */
#include "driver-api.h"

unsigned int crc32c(unsigned int crc, const void *address, unsigned int length);

static unsigned int nvmet_crc_pages(struct page **pages, int npages)
{
	unsigned int crc = ~0u;
	int i;

	for (i = 0; i < npages; i++)
		crc = crc32c(crc, page_address(pages[i]), PAGE_SIZE);
	return ~crc;
}

int nvmet_check_user_crc(unsigned long uaddr, int npages, unsigned int expected)
{
	struct page *pages[8];
	unsigned int crc;
	int pinned;

	if (npages > 8)
		return -E2BIG;
	pinned = pin_user_pages_fast(uaddr, npages, 0, pages);
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	crc = nvmet_crc_pages(pages, pinned);
	unpin_user_pages(pages, pinned); /* { dg-bogus "double|released with" } */
	return crc == expected ? 0 : -EIO;
}
