/*
 * A helper stores the pinned array and its count in the context, where
 * they outlive the call (its summary: an owner of its array parameter);
 * the context's release function, another function of the file, unpins
 * them.  The caller returns with the pages pinned and owned: no leak.
 */
#include "driver-api.h"

struct vfio_pci_ioeventfd_buf {
	struct page **pages;
	int npages;
	bool active;
};

static void ioeventfd_buf_attach(struct vfio_pci_ioeventfd_buf *buf,
				 struct page **pages, int npages)
{
	buf->pages = pages;
	buf->npages = npages;
	buf->active = true;
}

int ioeventfd_buf_setup(struct vfio_pci_ioeventfd_buf *buf, unsigned long uaddr,
			int npages)
{
	struct page **pages;
	int pinned;

	pages = kcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (pinned != npages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		kfree(pages);
		return -EFAULT;
	}
	ioeventfd_buf_attach(buf, pages, npages);
	return 0; /* { dg-bogus "leak" } */
}

void ioeventfd_buf_release(struct vfio_pci_ioeventfd_buf *buf)
{
	if (!buf->active)
		return;
	unpin_user_pages_dirty_lock(buf->pages, buf->npages, true);
	kfree(buf->pages);
	buf->pages = NULL;
	buf->active = false;
}
