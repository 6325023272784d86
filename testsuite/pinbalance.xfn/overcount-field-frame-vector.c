/*
 * drivers/media/common/videobuf2/frame_vector.c with get_vaddr_frames()
 * recording the number of frames asked for in 'vec->nr_frames' where
 * pin_user_pages_fast() may have pinned fewer, and returning that partial
 * pin: put_vaddr_frames(), another function, unpins 'vec->nr_frames'
 * pages of 'vec->ptrs'.  An overcount, reported at the unpin.
 */
#include "driver-api.h"

#define WARN_ON(x)		unlikely(x)
#define WARN_ON_ONCE(x)		unlikely(x)
#define untagged_addr(addr)	(addr)

/* include/media/frame_vector.h */
struct frame_vector {
	unsigned int nr_allocated;	/* number of frames we have space for */
	unsigned int nr_frames;		/* number of frames stored in ptrs array */
	bool got_ref;			/* did we pin pages by getting page ref? */
	bool is_pfns;			/* does array contain pages or pfns? */
	void *ptrs[];			/* array of pinned pfns / pages */
};

int frame_vector_to_pages(struct frame_vector *vec);
void frame_vector_to_pfns(struct frame_vector *vec);

static inline struct page **frame_vector_pages(struct frame_vector *vec)
{
	if (vec->is_pfns) {
		int err = frame_vector_to_pages(vec);

		if (err)
			return ERR_PTR(err);
	}
	return (struct page **)(vec->ptrs);
}

static inline unsigned long *frame_vector_pfns(struct frame_vector *vec)
{
	if (!vec->is_pfns)
		frame_vector_to_pfns(vec);
	return (unsigned long *)(vec->ptrs);
}

/* include/asm-generic/memory_model.h (SPARSEMEM_VMEMMAP) */
extern struct page *vmemmap;
#define pfn_to_page(pfn)	(vmemmap + (pfn))
#define page_to_pfn(page)	(unsigned long)((page) - vmemmap)
int pfn_valid(unsigned long pfn);

int get_vaddr_frames(unsigned long start, unsigned int nr_frames, bool write,
		     struct frame_vector *vec)
{
	int ret;
	unsigned int gup_flags = FOLL_LONGTERM;

	if (nr_frames == 0)
		return 0;

	if (WARN_ON_ONCE(nr_frames > vec->nr_allocated))
		nr_frames = vec->nr_allocated;

	start = untagged_addr(start);

	if (write)
		gup_flags |= FOLL_WRITE;

	ret = pin_user_pages_fast(start, nr_frames, gup_flags,
				  (struct page **)(vec->ptrs));
	vec->got_ref = true;
	vec->is_pfns = false;
	vec->nr_frames = nr_frames;

	if (likely(ret > 0))
		return ret;

	vec->nr_frames = 0;
	return ret ? ret : -EFAULT;
}

void put_vaddr_frames(struct frame_vector *vec)
{
	struct page **pages;

	if (!vec->got_ref)
		goto out;
	pages = frame_vector_pages(vec);
	/*
	 * frame_vector_pages() might needed to do a conversion when
	 * get_vaddr_frames() got pages but vec was later converted to pfns.
	 * But it shouldn't really fail to convert pfns back...
	 */
	if (WARN_ON(IS_ERR(pages)))
		goto out;

	unpin_user_pages(pages, vec->nr_frames); /* { dg-warning "'unpin_user_pages' may release more pages than 'pin_user_pages_fast' took; store the number it returned in 'frame_vector.nr_frames' \\\[pinbalance-overcount\\\]" } */
	vec->got_ref = false;
out:
	vec->nr_frames = 0;
}

int frame_vector_to_pages(struct frame_vector *vec)
{
	int i;
	unsigned long *nums;
	struct page **pages;

	if (!vec->is_pfns)
		return 0;
	nums = frame_vector_pfns(vec);
	for (i = 0; i < vec->nr_frames; i++)
		if (!pfn_valid(nums[i]))
			return -EINVAL;
	pages = (struct page **)nums;
	for (i = 0; i < vec->nr_frames; i++)
		pages[i] = pfn_to_page(nums[i]);
	vec->is_pfns = false;
	return 0;
}

void frame_vector_to_pfns(struct frame_vector *vec)
{
	int i;
	unsigned long *nums;
	struct page **pages;

	if (vec->is_pfns)
		return;
	pages = (struct page **)(vec->ptrs);
	nums = (unsigned long *)pages;
	for (i = 0; i < vec->nr_frames; i++)
		nums[i] = page_to_pfn(pages[i]);
	vec->is_pfns = true;
}
