/*
 * The field frame->pages receives pins (long-term DMA) or ordinary
 * references, by the caller's choice, and the teardown picks the release
 * from the flag stored beside it.  A field that receives both kinds is not
 * judged (point 2): no finding either way.
 */
#include "driver-api.h"

struct frame_vector {
	struct page **pages;
	unsigned int nr_frames;
	bool is_pinned;
};

int frame_vector_get(struct frame_vector *vec, unsigned long start,
		     unsigned int nr_frames, bool longterm)
{
	int ret;

	vec->pages = kvcalloc(nr_frames, sizeof(*vec->pages), GFP_KERNEL);
	if (!vec->pages)
		return -ENOMEM;
	if (longterm)
		ret = pin_user_pages_fast(start, nr_frames, FOLL_WRITE | FOLL_LONGTERM,
					  vec->pages);
	else
		ret = get_user_pages_fast(start, nr_frames, FOLL_WRITE, vec->pages);
	if (ret <= 0) {
		kvfree(vec->pages);
		vec->pages = NULL;
		return ret ? ret : -EFAULT;
	}
	vec->nr_frames = ret;
	vec->is_pinned = longterm;
	return 0;
}

void frame_vector_put(struct frame_vector *vec)
{
	if (vec->is_pinned)
		unpin_user_pages(vec->pages, vec->nr_frames); /* { dg-bogus "released with" } */
	else
		release_pages(vec->pages, vec->nr_frames); /* { dg-bogus "released with" } */
	kvfree(vec->pages);
	vec->pages = NULL;
	vec->nr_frames = 0;
}
