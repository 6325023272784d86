/*
 * A helper adds each pinned page to a bio with bio_add_page() (an owner:
 * the bio's completion unpins them) and submits it; its summary is an
 * owner of the pages.  The caller returns with nothing of its own held.
 */
#include "driver-api.h"

#define BLK_USER_MAX_PAGES	16

static void blk_user_submit_pages(struct bio *bio, struct page **pages, int npages,
				  unsigned int offset, unsigned int len)
{
	int i;

	for (i = 0; i < npages; i++) {
		unsigned int bytes = min_t(unsigned int, len, PAGE_SIZE - offset);

		bio_add_page(bio, pages[i], bytes, offset);
		len -= bytes;
		offset = 0;
	}
	bio->bi_flags |= 1u << BIO_PAGE_PINNED;
	submit_bio(bio);
}

int blk_user_write(void *bdev, unsigned long uaddr, unsigned int len)
{
	struct page *pages[BLK_USER_MAX_PAGES];
	unsigned int offset = offset_in_page(uaddr);
	int npages = PFN_UP(offset + len);
	struct bio *bio;
	int pinned;

	if (npages > BLK_USER_MAX_PAGES)
		return -EINVAL;
	bio = bio_alloc(bdev, npages, 1, GFP_KERNEL);
	if (!bio)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr & PAGE_MASK, npages, 0, pages);
	if (pinned != npages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		bio_put(bio);
		return -EFAULT;
	}
	blk_user_submit_pages(bio, pages, npages, offset, len);
	return 0; /* { dg-bogus "leak" } */
}
