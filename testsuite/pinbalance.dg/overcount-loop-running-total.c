/*
 * Pinning in chunks into 'pages + pinned' and adding what each call took
 * to 'pinned' (mm/gup_test.c, drivers' chunked setup loops): 'pinned' is
 * what the array holds.  A call that fails, or takes fewer pages than
 * asked, and leaves the loop leaves the array short; releasing the count
 * the array was allocated for, or the loop was to reach, unpins pages
 * never pinned.
 */
#include "driver-api.h"

struct xdev_req {
	unsigned long addr;
	unsigned long size;
	unsigned int chunk;
	unsigned int gup_flags;
};

int xdev_dma_run(struct page **pages, unsigned long nr_pages);

/* The loop ends at the end of the range or at the first failing call. */
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
	unpin_user_pages(pages, nr_pages); /* { dg-warning "may release more pages than the calls to .pin_user_pages. took; pass their running total .i." } */
	kvfree(pages);
	return 0;
}

/* The caller's array; the loop bounded by the count it wants. */
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
	unpin_user_pages(pages, nr_pages); /* { dg-warning "may release more pages than the calls to .pin_user_pages_fast. took; pass their running total .pinned." } */
	return ret;
}

/* A short chunk ends the loop at once: the array is short by what the
 * chunk missed. */
int xdev_pin_short(unsigned long addr, int nr_pages)
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
		if (ret < 0)
			goto out_unpin;
		pinned += ret;
		if (ret < want)
			break;
	}
	ret = xdev_dma_run(pages, pinned);
	unpin_user_pages(pages, nr_pages); /* { dg-warning "may release more pages" } */
	kfree(pages);
	return ret;

out_unpin:
	unpin_user_pages(pages, pinned);
	kfree(pages);
	return ret;
}
