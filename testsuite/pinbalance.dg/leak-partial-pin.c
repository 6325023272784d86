/* Partial pin treated as failure without unpinning what was pinned. */
#include "pin-api.h"

int vb2_pin_buffer(unsigned long uaddr, int nr_pages)
{
	struct page *pages[32];
	int pinned;

	pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned < 0)
		return pinned;
	if (pinned != nr_pages) /* { dg-message "\\(3\\) following 'true' branch: 'pin_user_pages_fast' took fewer pages than requested" } */
		return -EFAULT; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
	device_start_dma(pages, pinned);
	return 0;
}
