/* bio_add_page() puts the page in the bio, which owns it from then on. */
#define EIO 5
#include "pin-api.h"

int drv_bio_from_user(struct bio *bio, unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	if (!bio_add_page(bio, page, PAGE_SIZE, 0)) {
		unpin_user_page(page);
		return -EIO;
	}
	submit_bio(bio);
	return 0; /* { dg-bogus "leak" "the bio owns the page" } */
}
