/*
 * A device keeps the user pages it took with get_user_pages_fast() in a
 * nested field; its release path was converted to the pin API although
 * the acquire was not: unpin_user_pages() on get references.
 */
#include "pin-api.h"

struct mport_user {
	struct page **pvec;
	long nr;
};

struct mport_dev {
	int id;
	struct mport_user user;
};

long mport_map(struct mport_dev *dev, unsigned long uaddr, long n)
{
	long got;

	dev->user.pvec = kvcalloc(n, sizeof(struct page *), GFP_KERNEL);
	if (!dev->user.pvec)
		return -ENOMEM;
	got = get_user_pages_fast(uaddr, n, FOLL_WRITE, dev->user.pvec);
	if (got != n) {
		if (got > 0)
			release_pages(dev->user.pvec, got);
		kvfree(dev->user.pvec);
		return -EFAULT;
	}
	dev->user.nr = n;
	return 0;
}

void mport_unmap(struct mport_dev *dev)
{
	unpin_user_pages(dev->user.pvec, dev->user.nr); /* { dg-warning "page reference from 'get_user_pages_fast' released with 'unpin_user_pages'; release it with 'release_pages' \\\[pinbalance-reverse-mismatch\\\]" } */
	kvfree(dev->user.pvec);
}
