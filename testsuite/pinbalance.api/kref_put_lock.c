/*
 * kref_put_lock(&buf->ref, release, lock) drops a reference on buf; the
 * last one takes the spinlock and calls release(), which unpins what
 * buf->pages keeps.  The pages stored there are the buffer's:
 * unpinning them before the put releases them twice.
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
typedef struct { int slock; } spinlock_t;
int kref_put_lock(struct kref *kref, void (*release)(struct kref *kref),
		  spinlock_t *lock);
static spinlock_t xbuf_lock;

static void xbuf_release(struct kref *ref)
{
	struct xbuf *buf = container_of(ref, struct xbuf, ref);

	unpin_user_pages(buf->pages, buf->npages);
	kfree(buf->pages);
	kfree(buf);
}

static int xbuf_map(unsigned long uaddr, int npages, bool unpin_first)
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
	if (unpin_first)
		unpin_user_pages(pages, npages); /* { dg-warning "double release of pages pinned by 'pin_user_pages_fast': 'xbuf.pages' keeps them, and 'xbuf_release' releases them again" } */
	kref_put_lock(&buf->ref, xbuf_release, &xbuf_lock); /* { dg-bogus "leak" } */
	return 0;
}

int xbuf_map_once(unsigned long uaddr, int npages)
{
	return xbuf_map(uaddr, npages, false);
}

int xbuf_map_twice(unsigned long uaddr, int npages)
{
	return xbuf_map(uaddr, npages, true);
}
