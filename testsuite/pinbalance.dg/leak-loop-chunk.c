/* Chunked pinning: an error in the middle of a chunk loses that chunk. */
#include "pin-api.h"

int sdma_pin_chunks(unsigned long addr, int npages)
{
	struct page *pages[8];
	int ret, i;

	while (npages > 0) {
		int n = npages > 8 ? 8 : npages;

		ret = pin_user_pages_fast(addr, n, FOLL_LONGTERM, pages);
		if (ret != n)
			return -ENOMEM; /* { dg-warning "leak of pages pinned" } */
		for (i = 0; i < n; i++)
			unpin_user_page(pages[i]);
		npages -= n;
		addr += n * PAGE_SIZE;
	}
	return 0;
}
