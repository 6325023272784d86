/* A struct the files of this directory share, as a driver's header does:
 * lib-xbuf.c fills its fields, the other files release them. */
#ifndef XBUF_CTX_H
#define XBUF_CTX_H

struct page;

struct xbuf_ctx {
	struct page *notify_page;	/* get_user_pages_fast(), one page */
	void *notify;
	struct page **ring_pages;	/* pin_user_pages_fast() */
	int nr_ring_pages;
};

/* include/linux/list.h */
struct list_head {
	struct list_head *next, *prev;
};

static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	prev->next = new;
}

static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

/* a user buffer's pinned pages, kept on its device's list until
 * teardown (drivers/misc/genwqe's struct dma_mapping) */
struct xbuf_region {
	unsigned long uaddr;
	int npages;
	struct page **pages;
	struct list_head node;
};

struct xbuf_dev {
	struct list_head regions;
	int nregions;
	int max_regions;
};

int xbuf_region_add(struct xbuf_dev *dev, struct xbuf_region *region);

#endif
