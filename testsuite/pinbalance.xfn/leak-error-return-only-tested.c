/*
 * The result of vdev_hw_map(), unknown to the plugin, is only tested,
 * never kept: "if (vdev_hw_map(...)) { ...; return -EIO; }".  The kernel
 * writes such a test so that its body handles the failure, and a call
 * that failed kept nothing (point 3c): the array is freed there with the
 * pages still pinned, a leak.  (A result kept in 'ret' and returned is an
 * error code whichever way it is tested: leak-error-return-goto.c.)
 */
#include "driver-api.h"

struct vdev {
	struct page **pages;
	int nr_pages;
};

int vdev_hw_map(struct vdev *vdev, struct page **pages, int nr);

int vdev_map_user(struct vdev *vdev, unsigned long uaddr, int nr_pages)
{
	struct page **pages;
	int pinned;

	pages = kcalloc(nr_pages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE | FOLL_LONGTERM,
				     pages);
	if (pinned != nr_pages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		kfree(pages);
		return -EFAULT;
	}
	if (vdev_hw_map(vdev, pages, nr_pages)) {
		kfree(pages); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
		return -EIO;
	}
	vdev->pages = pages;
	vdev->nr_pages = nr_pages;
	return 0;
}
