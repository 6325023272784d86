/* pin_user_pages_unlocked() takes FOLL_PIN references into its pages argument: a leak on an error path, the wrong release, and the right one. */
#include "pin-api.h"

int drv_map_leaky(struct mm_struct *mm, unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got;

	got = pin_user_pages_unlocked(uaddr, npages, pages, FOLL_WRITE);
	if (got < 0)
		return got;
	if (device_busy())
		return -16; /* { dg-warning "leak of pages pinned by 'pin_user_pages_unlocked'" } */
	unpin_user_pages(pages, got);
	return 0;
}

int drv_map_wrong(struct mm_struct *mm, unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got;

	got = pin_user_pages_unlocked(uaddr, npages, pages, FOLL_WRITE);
	if (got <= 0)
		return -EFAULT;
	release_pages(pages, got); /* { dg-warning "pinned pages? released with 'release_pages'" } */
	return 0;
}

int drv_map_ok(struct mm_struct *mm, unsigned long uaddr, int npages)
{
	struct page *pages[8];
	long got;

	got = pin_user_pages_unlocked(uaddr, npages, pages, FOLL_WRITE);
	if (got < 0)
		return got;
	if (dma_map_user_pages(pages, got)) {
		unpin_user_pages(pages, got);
		return -ENOMEM;
	}
	unpin_user_pages(pages, got);
	return 0;
}
