/* -fplugin-arg-pinbalance-summaries prints each helper's summary as a rule. */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "release xdev_put_pages kind=get pages=arg1 count=all\t# \[^\n\]*opt-summaries.c:12" } */
/* { dg-regexp "borrow xdev_sum page=arg1\t# \[^\n\]*opt-summaries.c:23" } */
/* { dg-regexp "acquire xdev_pin kind=pin pages=arg3 count=return requested=arg2\t# \[^\n\]*opt-summaries.c:32" } */
/* { dg-regexp "acquire xdev_pin_one kind=get page=return count=one\t# \[^\n\]*opt-summaries.c:37" } */
/* { dg-regexp "free xdev_free_pages buffer=arg1\t# \[^\n\]*opt-summaries.c:46" } */
#include "pin-api.h"

unsigned int csum_partial(const void *buf, int len, unsigned int sum);

static void xdev_put_pages(struct page **pages, int n, bool dirty)
{
	int i;

	for (i = 0; i < n; i++) {
		if (dirty)
			set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
}

static unsigned int xdev_sum(struct page *page, int len)
{
	void *kaddr = kmap_local_page(page);
	unsigned int sum = csum_partial(kaddr, len, 0);

	kunmap_local(kaddr);
	return sum;
}

static int xdev_pin(unsigned long uaddr, int n, struct page **pages)
{
	return pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
}

static struct page *xdev_pin_one(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return NULL;
	return page;
}

static void xdev_free_pages(struct page **pages)
{
	kvfree(pages);
}

int xdev_use(unsigned long uaddr, int n, struct page **pages)
{
	struct page *one = xdev_pin_one(uaddr);
	int got;

	if (one) {
		xdev_sum(one, 8);
		xdev_put_pages(&one, 1, false);
	}
	got = xdev_pin(uaddr, n, pages);
	if (got > 0)
		unpin_user_pages(pages, got);
	xdev_free_pages(pages);
	return 0;
}

/* an accessor: the array in a field of its parameter's struct, or an
 * ERR_PTR when it cannot give it */
struct xdev_frames {
	unsigned int nr;
	bool is_pfns;
	void *ptrs[];
};

int xdev_frames_to_pages(struct xdev_frames *vec);

static struct page **xdev_frames_pages(struct xdev_frames *vec)
{
	if (vec->is_pfns) {
		int err = xdev_frames_to_pages(vec);

		if (err)
			return ERR_PTR(err);
	}
	return (struct page **)(vec->ptrs);
}

void xdev_frames_put(struct xdev_frames *vec)
{
	struct page **pages = xdev_frames_pages(vec);

	if (!IS_ERR(pages))
		unpin_user_pages(pages, vec->nr);
}
/* { dg-regexp "derive xdev_frames_pages from=arg1->ptrs\t# \[^\n\]*opt-summaries.c:77" } */
