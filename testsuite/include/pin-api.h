/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page-reference API as Linux 6.12 declares it (include/linux/mm.h,
 * mm/gup.c, include/linux/uio.h, include/linux/err.h, include/linux/slab.h),
 * reduced to what the pinbalance tests need.  Static inline helpers keep
 * the shape they have in the kernel, so that the GIMPLE the plugin sees is
 * the GIMPLE a kernel build gives it.
 */
#ifndef PIN_API_H
#define PIN_API_H

#include <stddef.h>
#include <stdbool.h>

typedef unsigned long size_t_k;
typedef long ssize_t;
typedef long long loff_t;
typedef unsigned long pgoff_t;
typedef unsigned int gfp_t;
typedef unsigned int iov_iter_extraction_t;

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define EFAULT		14
#define ENOMEM		12
#define EINVAL		22
#define MAX_ERRNO	4095
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define GFP_KERNEL	0x cc0u
#undef GFP_KERNEL
#define GFP_KERNEL	0xcc0u

#define FOLL_WRITE	0x01
#define FOLL_LONGTERM	0x100

struct page {
	unsigned long flags;
	unsigned long compound_head;
};
struct folio {
	struct page page;
};
struct mm_struct;
struct vm_area_struct;
struct file;
struct iov_iter;

/* include/linux/err.h */
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }

/* mm/gup.c */
long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages);
int pin_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);
long pin_user_pages_unlocked(unsigned long start, unsigned long nr_pages,
			     struct page **pages, unsigned int gup_flags);
long memfd_pin_folios(struct file *memfd, loff_t start, loff_t end,
		      struct folio **folios, unsigned int max_folios,
		      pgoff_t *offset);
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages);
int get_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);
int get_user_pages_fast_only(unsigned long start, int nr_pages,
			     unsigned int gup_flags, struct page **pages);
long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);
long get_user_pages_unlocked(unsigned long start, unsigned long nr_pages,
			     struct page **pages, unsigned int gup_flags);
ssize_t iov_iter_extract_pages(struct iov_iter *i, struct page ***pages,
			       size_t maxsize, unsigned int maxpages,
			       iov_iter_extraction_t extraction_flags,
			       size_t *offset0);
bool iov_iter_extract_will_pin(const struct iov_iter *iter);

void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);
void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages,
				      bool make_dirty);
void unpin_folio(struct folio *folio);
void unpin_folios(struct folio **folios, unsigned long nfolios);

void __folio_put(struct folio *folio);
void release_pages(struct page **pages, int nr);
int set_page_dirty_lock(struct page *page);
void *page_address(const struct page *page);
void flush_dcache_page(struct page *page);

/* include/linux/page-flags.h: page_folio() goes through _compound_head() */
static inline unsigned long _compound_head(const struct page *page)
{
	unsigned long head = __atomic_load_n(&page->compound_head, __ATOMIC_RELAXED);

	if (unlikely(head & 1))
		return head - 1;
	return (unsigned long)page;
}
#define compound_head(page)	((typeof(page))_compound_head(page))
#define page_folio(p)		(_Generic((p),				\
	const struct page *:	(const struct folio *)_compound_head(p),	\
	struct page *:		(struct folio *)_compound_head(p)))
#define nth_page(page, n)	((page) + (n))
#define folio_page(folio, n)	(&(folio)->page + (n))

/* include/linux/mm.h */
static inline void folio_put(struct folio *folio)
{
	if (__atomic_sub_fetch(&folio->page.flags, 1, __ATOMIC_RELAXED) == 0)
		__folio_put(folio);
}
static inline void put_page(struct page *page)
{
	struct folio *folio = page_folio(page);

	folio_put(folio);
}
struct page *get_user_page_vma_remote(struct mm_struct *mm, unsigned long addr,
				      int gup_flags, struct vm_area_struct **vmap);

/* include/linux/slab.h (6.12 without allocation profiling) */
void *kmalloc_array(size_t n, size_t size, gfp_t flags) __attribute__((__malloc__));
void *kcalloc(size_t n, size_t size, gfp_t flags) __attribute__((__malloc__));
void *kmalloc(size_t size, gfp_t flags) __attribute__((__malloc__));
void *kzalloc(size_t size, gfp_t flags) __attribute__((__malloc__));
void *kvmalloc_array(size_t n, size_t size, gfp_t flags) __attribute__((__malloc__));
void *kvcalloc(size_t n, size_t size, gfp_t flags) __attribute__((__malloc__));
void kfree(const void *objp);
void kvfree(const void *addr);

/* Driver-side helpers the tests call: unknown to the plugin. */
int dma_map_user_pages(struct page **pages, int npages);
int device_busy(void);
void device_start_dma(struct page **pages, int npages);
void pr_debug_pages(const char *msg, int n);

#endif /* PIN_API_H */
