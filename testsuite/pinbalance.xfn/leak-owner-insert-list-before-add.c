/*
 * drivers/misc/genwqe/card_dev.c's genwqe_pin_mem() with a check between
 * the pin and genwqe_add_pin() (which puts the mapping on the file's pin
 * list: an owner) that frees the mapping without unpinning it: its pages
 * leak before the list could keep them.  Reported there; the path that
 * gives the mapping to the list stays silent.
 */
#include "driver-api.h"

#define EEXIST		17
#define ENOENT		2
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

/* include/linux/list.h */
struct list_head {
	struct list_head *next, *prev;
};

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	*(volatile struct list_head **)&prev->next = new;
}

static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	*(volatile struct list_head **)&prev->next = next;
}

static inline void list_del_init(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	INIT_LIST_HEAD(entry);
}

typedef struct {
	int rlock;
} spinlock_t;

unsigned long _raw_spin_lock_irqsave(spinlock_t *lock);
void _raw_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
#define spin_lock_irqsave(lock, flags) \
	((flags) = _raw_spin_lock_irqsave(lock))
#define spin_unlock_irqrestore(lock, flags) \
	_raw_spin_unlock_irqrestore(lock, flags)

struct dma_mapping {
	void *u_vaddr;
	void *k_vaddr;
	unsigned long size;
	struct page **page_list;
	unsigned int nr_pages;
	struct list_head pin_list;
};

struct genwqe_file {
	spinlock_t pin_lock;
	struct list_head pin_list;
	struct device *dev;
};

struct genwqe_mem {
	unsigned long addr;
	unsigned long size;
};

static int genwqe_user_vmap(struct dma_mapping *m, unsigned long uaddr,
			    unsigned long size)
{
	int rc;

	m->nr_pages = DIV_ROUND_UP(size, PAGE_SIZE);
	m->page_list = kcalloc(m->nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!m->page_list)
		return -ENOMEM;
	rc = pin_user_pages_fast(uaddr, m->nr_pages, FOLL_WRITE, m->page_list);
	if (rc < 0)
		goto fail_free;
	if (rc != m->nr_pages) {
		unpin_user_pages_dirty_lock(m->page_list, rc, false);
		rc = -EFAULT;
		goto fail_free;
	}
	m->u_vaddr = (void *)uaddr;
	m->size = size;
	return 0;

fail_free:
	kfree(m->page_list);
	m->page_list = NULL;
	return rc;
}

static void genwqe_user_vunmap(struct dma_mapping *m)
{
	unpin_user_pages_dirty_lock(m->page_list, m->nr_pages, true); /* { dg-bogus "mismatch|double|overcount" } */
	kfree(m->page_list);
	m->page_list = NULL;
}

static void genwqe_add_pin(struct genwqe_file *cfile, struct dma_mapping *m)
{
	unsigned long flags;

	spin_lock_irqsave(&cfile->pin_lock, flags);
	list_add(&m->pin_list, &cfile->pin_list);
	spin_unlock_irqrestore(&cfile->pin_lock, flags);
}

struct dma_mapping *genwqe_search_pin(struct genwqe_file *cfile,
				      unsigned long u_addr, unsigned int size);

int genwqe_pin_mem(struct genwqe_file *cfile, struct genwqe_mem *m)
{
	struct dma_mapping *dma_map;
	unsigned long map_addr, map_size;
	int rc;

	if (m->addr == 0 || m->size == 0)
		return -EINVAL;
	map_addr = m->addr & PAGE_MASK;
	map_size = (m->size + (m->addr & ~PAGE_MASK) + PAGE_SIZE - 1) & PAGE_MASK;

	dma_map = kzalloc(sizeof(struct dma_mapping), GFP_KERNEL);
	if (dma_map == NULL)
		return -ENOMEM;
	rc = genwqe_user_vmap(dma_map, map_addr, map_size);
	if (rc != 0) {
		dev_err(cfile->dev, "genwqe_user_vmap rc=%d\n", rc);
		kfree(dma_map); /* { dg-bogus "leak" } */
		return rc;
	}
	/* the range is pinned already: a second pin is refused */
	if (genwqe_search_pin(cfile, map_addr, map_size)) {
		kfree(dma_map); /* { dg-warning "leak" } */
		return -EEXIST;
	}
	genwqe_add_pin(cfile, dma_map);
	return 0; /* { dg-bogus "leak" } */
}

