/* A helper that puts the struct holding its caller's pages into a
 * container another parameter reaches is an owner of them: always, or
 * on success when it fails before inserting.  One that only reads the
 * struct is a borrower; one that puts it on a local list, links it to
 * itself, takes it off a list, puts it on a file's global list, or
 * inserts it on some of the paths that return 0 only, gets no summary.
 * One that inserts it on every path is an owner whatever it returns. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "owner xq_add pages=arg2\t# \[^\n\]*opt-summaries-insert.c:64" } */
/* { dg-regexp "owner xq_insert pages=arg2 on-success\t# \[^\n\]*opt-summaries-insert.c:70" } */
/* { dg-regexp "borrow xq_len page=arg1\t# \[^\n\]*opt-summaries-insert.c:78" } */
/* { dg-regexp "owner xq_add_limited pages=arg2\t# \[^\n\]*opt-summaries-insert.c:109" } */
#include "pin-api.h"

#define EBUSY	16
#define ENOSPC	28

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
	prev->next = new;
}

static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

static inline void list_del_init(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	INIT_LIST_HEAD(entry);
}

struct xq_buf {
	struct list_head node;
	struct page **pages;
	int npages;
	struct xq_buf *self;
};

struct xq_dev {
	struct list_head bufs;
	int nbufs;
	struct xq_buf *slot[4];
};

static struct list_head xq_global;

void xq_add(struct xq_dev *dev, struct xq_buf *buf)
{
	list_add(&buf->node, &dev->bufs);
	dev->nbufs++;
}

int xq_insert(struct xq_dev *dev, struct xq_buf *buf, int i)
{
	if (i >= 4 || dev->slot[i])
		return -EBUSY;
	dev->slot[i] = buf;
	return 0;
}

int xq_len(struct xq_buf *buf)
{
	return buf->npages;
}

int xq_count_local(struct xq_buf *buf)
{
	struct list_head local;

	INIT_LIST_HEAD(&local);
	list_add(&buf->node, &local);
	return local.next == &buf->node;
}

void xq_self(struct xq_buf *buf)
{
	INIT_LIST_HEAD(&buf->node);
	buf->self = buf;
}

void xq_del(struct xq_dev *dev, struct xq_buf *buf)
{
	list_del_init(&buf->node);
	dev->nbufs--;
}

void xq_add_global(struct xq_buf *buf)
{
	list_add(&buf->node, &xq_global);
}

int xq_add_limited(struct xq_dev *dev, struct xq_buf *buf)
{
	list_add(&buf->node, &dev->bufs);
	if (++dev->nbufs > 8)
		return -ENOSPC;
	return 0;
}

int xq_add_if(struct xq_dev *dev, struct xq_buf *buf, bool keep)
{
	if (keep)
		list_add(&buf->node, &dev->bufs);
	return 0;
}
