/*
 * kref_put_mutex(&buf->ref, release, lock) drops a reference on buf; the
 * last one takes the lock and calls release(), which unpins what
 * buf->pages keeps.  Pages stored there
 * go with the buffer: no leak.
 */
#include "driver-api.h"

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

struct kref {
	int refcount;
};

struct xbuf {
	struct kref ref;
	struct page **pages;
	int npages;
};

void kref_init(struct kref *kref);
int kref_put_mutex(struct kref *kref, void (*release)(struct kref *kref),
		   struct mutex *lock);
static struct mutex xbuf_lock;

static void xbuf_release(struct kref *ref)
{
	struct xbuf *buf = container_of(ref, struct xbuf, ref);

	unpin_user_pages(buf->pages, buf->npages);
	kfree(buf->pages);
	kfree(buf);
}

int xbuf_map(unsigned long uaddr, int npages)
{
	struct page **pages;
	struct xbuf *buf;
	long pinned;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	pages = kmalloc_array(npages, sizeof(*pages), GFP_KERNEL);
	if (!buf || !pages) {
		kfree(pages);
		kfree(buf);
		return -ENOMEM;
	}
	kref_init(&buf->ref);
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (pinned != npages) {
		if (pinned > 0)
			unpin_user_pages(pages, pinned);
		kfree(pages);
		kfree(buf);
		return -EFAULT;
	}
	buf->pages = pages;
	buf->npages = npages;
	kref_put_mutex(&buf->ref, xbuf_release, &xbuf_lock); /* { dg-bogus "leak" } */
	return 0;
}
