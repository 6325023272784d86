/* One page pinned through &page, lost when validation fails. */
#include "pin-api.h"

struct ring_hdr { unsigned int magic; };

int ring_map_header(unsigned long uaddr)
{
	struct page *page;
	struct ring_hdr *hdr;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (ret != 1)
		return -EFAULT;
	hdr = page_address(page);
	if (hdr->magic != 0x52494e47)
		return -EINVAL; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_page'" } */
	unpin_user_page(page);
	return 0;
}
