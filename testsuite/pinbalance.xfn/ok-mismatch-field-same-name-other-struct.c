/*
 * Two structs of the file have a field called 'pages': the DMA buffer's
 * receives pins, the snapshot's ordinary references, and each teardown
 * releases its own with the right kind.  A field is the struct's field,
 * not its name (point 2): no mismatch.
 */
#include "driver-api.h"

struct cam_dma_buf {
	struct page **pages;
	int npages;
};

struct cam_snapshot {
	struct page **pages;
	int npages;
};

int cam_dma_buf_pin(struct cam_dma_buf *db, unsigned long uaddr, int npages)
{
	int ret;

	db->pages = kcalloc(npages, sizeof(*db->pages), GFP_KERNEL);
	if (!db->pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, db->pages);
	if (ret != npages) {
		if (ret > 0)
			unpin_user_pages(db->pages, ret);
		kfree(db->pages);
		db->pages = NULL;
		return -EFAULT;
	}
	db->npages = npages;
	return 0;
}

int cam_snapshot_get(struct cam_snapshot *snap, unsigned long uaddr, int npages)
{
	int ret;

	snap->pages = kcalloc(npages, sizeof(*snap->pages), GFP_KERNEL);
	if (!snap->pages)
		return -ENOMEM;
	ret = get_user_pages_fast(uaddr, npages, 0, snap->pages);
	if (ret != npages) {
		if (ret > 0)
			release_pages(snap->pages, ret);
		kfree(snap->pages);
		snap->pages = NULL;
		return -EFAULT;
	}
	snap->npages = npages;
	return 0;
}

void cam_dma_buf_unpin(struct cam_dma_buf *db)
{
	unpin_user_pages(db->pages, db->npages); /* { dg-bogus "released with" } */
	kfree(db->pages);
	db->pages = NULL;
}

void cam_snapshot_put(struct cam_snapshot *snap)
{
	release_pages(snap->pages, snap->npages); /* { dg-bogus "released with" } */
	kfree(snap->pages);
	snap->pages = NULL;
}
