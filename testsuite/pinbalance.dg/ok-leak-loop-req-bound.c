/* Reduced from qib_user_sdma.c and xilinx_sdfec.c: a loop bounded by the
 * requested count, entered whenever all pages were pinned. */
#include "pin-api.h"

int hand_out(struct page *p);

int pin_and_hand_out(unsigned long addr, int nr_pages)
{
	struct page *pages[8];
	int res, i;

	res = pin_user_pages_fast(addr, nr_pages, 0, pages);
	if (res < nr_pages) {
		if (res > 0)
			unpin_user_pages(pages, res);
		return -EINVAL;
	}
	for (i = 0; i < nr_pages; i++)
		hand_out(pages[i]);
	return 0; /* { dg-bogus "leak" } */
}
