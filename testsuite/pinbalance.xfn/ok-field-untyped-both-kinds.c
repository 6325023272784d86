/*
 * A frame vector whose untyped slots ('void *ptrs[]') receive pins for a
 * long-term mapping and get references otherwise, as get_vaddr_frames()
 * did while it still took either: the teardown tells them apart by a
 * flag and releases through the accessor.  Such a field is not judged.
 */
#include "driver-api.h"

struct vb_frames {
	unsigned int nr_allocated;
	unsigned int nr_frames;
	bool longterm;
	void *ptrs[];
};

static inline struct page **vb_frames_pages(struct vb_frames *vec)
{
	return (struct page **)(vec->ptrs);
}

int vb_frames_get(unsigned long start, unsigned int nr_frames, bool longterm,
		  struct vb_frames *vec)
{
	int ret;

	if (nr_frames > vec->nr_allocated)
		nr_frames = vec->nr_allocated;
	if (longterm)
		ret = pin_user_pages_fast(start, nr_frames,
					  FOLL_WRITE | FOLL_LONGTERM,
					  (struct page **)(vec->ptrs));
	else
		ret = get_user_pages_fast(start, nr_frames, FOLL_WRITE,
					  (struct page **)(vec->ptrs));
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	vec->nr_frames = ret;
	vec->longterm = longterm;
	return ret;
}

void vb_frames_put(struct vb_frames *vec)
{
	struct page **pages = vb_frames_pages(vec);

	if (vec->longterm)
		unpin_user_pages(pages, vec->nr_frames); /* { dg-bogus "pinbalance" } */
	else
		release_pages(pages, vec->nr_frames); /* { dg-bogus "pinbalance" } */
	vec->nr_frames = 0;
}
