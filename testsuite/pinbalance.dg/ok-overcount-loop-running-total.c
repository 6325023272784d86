/*
 * Pinning in chunks into 'pages + pinned', adding what each call took to
 * 'pinned', then releasing what the array holds: the running total, or
 * the count asked for where the loop ran to it or a test saw the total
 * reach it.  No overcount.
 */
#include "driver-api.h"

struct xdev_req {
	unsigned long addr;
	unsigned long size;
	unsigned int chunk;
	unsigned int gup_flags;
};

int xdev_dma_run(struct page **pages, unsigned long nr_pages);

/* mm/gup_test.c: 'nr_pages = i' once the loop is done. */
int xdev_bench(struct xdev_req *req)
{
	unsigned long i, nr_pages, addr, next;
	struct page **pages;
	long nr;

	nr_pages = req->size / PAGE_SIZE;
	pages = kvcalloc(nr_pages, sizeof(void *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	i = 0;
	nr = req->chunk;
	for (addr = req->addr; addr < req->addr + req->size; addr = next) {
		if (nr != req->chunk)
			break;
		next = addr + nr * PAGE_SIZE;
		if (next > req->addr + req->size) {
			next = req->addr + req->size;
			nr = (next - addr) / PAGE_SIZE;
		}
		nr = pin_user_pages(addr, nr, req->gup_flags, pages + i);
		if (nr <= 0)
			break;
		i += nr;
	}
	/* now it is the number pinned */
	nr_pages = i;
	unpin_user_pages(pages, nr_pages); /* { dg-bogus "overcount|leak|double" } */
	kvfree(pages);
	return 0;
}

/* The total itself. */
int xdev_pin_range(unsigned long addr, struct page **pages, int nr_pages)
{
	int pinned, ret;

	for (pinned = 0; pinned < nr_pages; pinned += ret) {
		ret = pin_user_pages_fast(addr + pinned * PAGE_SIZE,
					  nr_pages - pinned, FOLL_WRITE,
					  pages + pinned);
		if (ret <= 0)
			break;
	}
	ret = xdev_dma_run(pages, pinned);
	unpin_user_pages(pages, pinned); /* { dg-bogus "overcount" } */
	return ret;
}

/* A failing call unpins what the loop took and fails; the loop runs on
 * after a short chunk, so past it the array is full. */
int xdev_pin_all(unsigned long addr, int nr_pages)
{
	struct page **pages;
	int pinned = 0, ret;

	pages = kvcalloc(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	while (pinned < nr_pages) {
		ret = pin_user_pages_fast(addr + pinned * PAGE_SIZE,
					  nr_pages - pinned, FOLL_WRITE,
					  pages + pinned);
		if (ret <= 0) {
			unpin_user_pages(pages, pinned);
			kvfree(pages);
			return ret ? ret : -EFAULT;
		}
		pinned += ret;
	}
	ret = xdev_dma_run(pages, nr_pages);
	unpin_user_pages(pages, nr_pages); /* { dg-bogus "overcount|double" } */
	kvfree(pages);
	return ret;
}

/* A short chunk ends the loop, and a test of the total sends a short
 * array to its own release. */
int xdev_pin_checked(unsigned long addr, int nr_pages)
{
	struct page **pages;
	int pinned = 0, want, ret;

	pages = kmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	while (pinned < nr_pages) {
		want = min_t(int, nr_pages - pinned, 16);
		ret = pin_user_pages_fast(addr + pinned * PAGE_SIZE, want,
					  FOLL_WRITE, &pages[pinned]);
		if (ret <= 0)
			break;
		pinned += ret;
		if (ret < want)
			break;
	}
	if (pinned != nr_pages) {
		unpin_user_pages(pages, pinned);
		kfree(pages);
		return -EFAULT;
	}
	ret = xdev_dma_run(pages, nr_pages);
	unpin_user_pages(pages, nr_pages); /* { dg-bogus "overcount|double" } */
	kfree(pages);
	return ret;
}

/* A short chunk's own pages are unpinned where it is seen, the earlier
 * chunks' with the total. */
int xdev_pin_batches(unsigned long addr, int nr_pages)
{
	struct page **pages;
	int pinned = 0, want, ret;

	pages = kvcalloc(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	while (pinned < nr_pages) {
		want = min_t(int, nr_pages - pinned, 16);
		ret = pin_user_pages_fast(addr + pinned * PAGE_SIZE, want,
					  FOLL_WRITE, pages + pinned);
		if (ret != want) {
			if (ret > 0)
				unpin_user_pages(pages + pinned, ret);
			unpin_user_pages(pages, pinned); /* { dg-bogus "overcount|double" } */
			kvfree(pages);
			return -EFAULT;
		}
		pinned += ret;
	}
	ret = xdev_dma_run(pages, nr_pages);
	unpin_user_pages(pages, nr_pages); /* { dg-bogus "overcount|double" } */
	kvfree(pages);
	return ret;
}
