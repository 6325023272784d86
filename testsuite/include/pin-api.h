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

#define EAGAIN		11
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
struct bio_vec;
void bvec_set_page(struct bio_vec *bv, struct page *page, unsigned int len,
		   unsigned int offset);
/* static inlines of uio.h: the kind of an iterator */
enum iter_type {
	ITER_UBUF, ITER_IOVEC, ITER_BVEC, ITER_KVEC, ITER_FOLIOQ,
	ITER_XARRAY, ITER_DISCARD,
};
struct iov_iter {
	unsigned char iter_type;
	bool data_source;
	size_t iov_offset;
	size_t count;
	const void *ubuf;
	unsigned long nr_segs;
};
enum iter_type iov_iter_type(const struct iov_iter *i);
bool user_backed_iter(const struct iov_iter *i);
bool iter_is_ubuf(const struct iov_iter *i);
bool iter_is_iovec(const struct iov_iter *i);
bool iov_iter_is_kvec(const struct iov_iter *i);
bool iov_iter_is_bvec(const struct iov_iter *i);
bool iov_iter_is_folioq(const struct iov_iter *i);
bool iov_iter_is_xarray(const struct iov_iter *i);
bool iov_iter_is_discard(const struct iov_iter *i);
/* what makes an iterator of a kind */
struct iovec;
struct kvec;
struct folio_queue;
struct xarray;
void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count);
void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
		   void *buf, size_t count);
int import_ubuf(int type, void *buf, size_t len, struct iov_iter *i);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_bvec(struct iov_iter *i, unsigned int direction,
		   const struct bio_vec *bvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_folio_queue(struct iov_iter *i, unsigned int direction,
			  const struct folio_queue *folioq,
			  unsigned int first_slot, unsigned int offset,
			  size_t count);
void iov_iter_xarray(struct iov_iter *i, unsigned int direction,
		     struct xarray *xarray, long long start, size_t count);
void iov_iter_discard(struct iov_iter *i, unsigned int direction,
		      size_t count);

void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);
void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages,
				      bool make_dirty);
void unpin_folio(struct folio *folio);
void unpin_folios(struct folio **folios, unsigned long nfolios);

void __folio_put(struct folio *folio);
/* As in 6.12's mm.h: a transparent union, passed by value through a
 * temporary ('D.1.pages = pages; release_pages(D.1, nr)') in GIMPLE. */
struct encoded_page;
typedef union {
	struct page **pages;
	struct folio **folios;
	struct encoded_page **encoded_pages;
} release_pages_arg __attribute__ ((__transparent_union__));
void release_pages(release_pages_arg arg, int nr);
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
/* include/linux/gfp.h: a page for the array (6.12: macros over _noprof) */
unsigned long get_free_pages_noprof(gfp_t gfp_mask, unsigned int order);
#define __get_free_pages(gfp, order)	get_free_pages_noprof(gfp, order)
#define __get_free_page(gfp)		__get_free_pages(gfp, 0)
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr)			free_pages((addr), 0)

/* include/linux/mm.h, page_ref.h: one more reference on a page */
void folio_get(struct folio *folio);
void get_page(struct page *page);
void folio_ref_add(struct folio *folio, int nr);
bool folio_try_get(struct folio *folio);

/* include/linux/page_ref.h */
void page_ref_sub(struct page *page, int nr);

static inline void put_page(struct page *page)
{
	struct folio *folio = page_folio(page);

	folio_put(folio);
}
struct page *get_user_page_vma_remote(struct mm_struct *mm, unsigned long addr,
				      int gup_flags, struct vm_area_struct **vmap);

/* include/linux/slab.h (6.12 without allocation profiling: __alloc_size()
 * is the alloc_size and malloc attributes); a test of the alloc rules
 * defines PIN_API_NO_SLAB and declares 6.1's versions, which carry no
 * __malloc attribute. */
#ifndef PIN_API_NO_SLAB
void *kmalloc_array(size_t n, size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1, 2)));
void *kcalloc(size_t n, size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1, 2)));
void *kmalloc(size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1)));
void *kzalloc(size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1)));
void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1, 2)));
void *kvcalloc(size_t n, size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1, 2)));
void *kvmalloc(size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1)));
void *kvzalloc(size_t size, gfp_t flags)
	__attribute__((__malloc__, __alloc_size__(1)));
void *vmalloc(unsigned long size)
	__attribute__((__malloc__, __alloc_size__(1)));
void *vzalloc(unsigned long size)
	__attribute__((__malloc__, __alloc_size__(1)));
#endif
void kfree(const void *objp);
void kvfree(const void *addr);
void vfree(const void *addr);
void kfree_sensitive(const void *objp);

/* include/linux/err.h, continued */
static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}
static inline void *ERR_CAST(const void *ptr) { return (void *)ptr; }

/* more of include/linux/mm.h */
void unpin_user_folio(struct folio *folio, unsigned long npages);
void __folio_put_refs(struct folio *folio, int refs);
static inline void folio_put_refs(struct folio *folio, int refs)
{
	if (__atomic_sub_fetch(&folio->page.flags, refs, __ATOMIC_RELAXED) == 0)
		__folio_put_refs(folio, refs);
}
bool set_page_dirty(struct page *page);
bool folio_mark_dirty(struct folio *folio);
void *lowmem_page_address(const struct page *page);
static inline void *folio_address(const struct folio *folio)
{
	return page_address(&folio->page);
}
void flush_dcache_folio(struct folio *folio);
static inline int PageReserved(const struct page *page) { return page->flags & 1; }
static inline int PageCompound(const struct page *page) { return page->compound_head & 1; }
static inline int page_to_nid(const struct page *page) { return (page->flags >> 54) & 3; }
void lock_page(struct page *page);
void unlock_page(struct page *page);
void folio_lock(struct folio *folio);
bool folio_trylock(struct folio *folio);
bool trylock_page(struct page *page);
int folio_lock_killable(struct folio *folio);
/* include/linux/pageblock-flags.h: the flags of the page's pageblock,
 * given the page and its pfn (folio_migratetype() in mmzone.h) */
unsigned long get_pfnblock_flags_mask(const struct page *page,
				      unsigned long pfn, unsigned long mask);
#define MIGRATETYPE_MASK	7UL
void folio_unlock(struct folio *folio);
struct sk_buff;
void skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page,
			int off, int size);
void skb_fill_page_desc_noacc(struct sk_buff *skb, int i, struct page *page,
			      int off, int size);
void __skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page,
			  int off, int size);
void skb_add_rx_frag(struct sk_buff *skb, int i, struct page *page, int off,
		     int size, unsigned int truesize);

/* include/linux/highmem.h */
void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_local_page(struct page *page);
void *kmap_local_folio(struct folio *folio, size_t offset);
void *kmap_atomic(struct page *page);
void __kunmap_local(const void *addr);
void __kunmap_atomic(const void *addr);
#define kunmap_local(addr)	__kunmap_local(addr)
#define kunmap_atomic(addr)	__kunmap_atomic(addr)

/* include/linux/uio.h */
ssize_t iov_iter_get_pages2(struct iov_iter *i, struct page **pages,
			    size_t maxsize, unsigned int maxpages,
			    size_t *start);
ssize_t iov_iter_get_pages_alloc2(struct iov_iter *i, struct page ***pages,
				  size_t maxsize, size_t *start);

/* include/linux/bio.h */
struct bio {
	unsigned short bi_vcnt;
	unsigned int bi_flags;
};
#define BIO_PAGE_PINNED	1
int bio_iov_iter_get_pages(struct bio *bio, struct iov_iter *iter);
void __bio_release_pages(struct bio *bio, bool mark_dirty);
static inline void bio_release_pages(struct bio *bio, bool mark_dirty)
{
	if (bio->bi_flags & (1u << BIO_PAGE_PINNED))
		__bio_release_pages(bio, mark_dirty);
}
/* block/blk.h */
static inline void bio_release_page(struct bio *bio, struct page *page)
{
	if (bio->bi_flags & (1u << BIO_PAGE_PINNED))
		unpin_user_page(page);
}
static inline void bio_set_flag(struct bio *bio, unsigned int bit)
{
	bio->bi_flags |= 1u << bit;
}
int bio_add_page(struct bio *bio, struct page *page, unsigned int len,
		 unsigned int off);
int submit_bio_wait(struct bio *bio);
void bio_set_pages_dirty(struct bio *bio);
void submit_bio(struct bio *bio);
void bio_endio(struct bio *bio);
struct bio_set;
struct bio *bio_alloc_bioset(void *bdev, unsigned short nr_vecs,
			     unsigned int opf, gfp_t gfp_mask,
			     struct bio_set *bs);
struct bio *bio_kmalloc(unsigned short nr_vecs, gfp_t gfp_mask);

/* include/linux/scatterlist.h */
struct scatterlist {
	unsigned long page_link;
	unsigned int offset, length;
};
struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents, orig_nents;
};
struct sg_append_table {
	struct sg_table sgt;
	struct scatterlist *prv;
	unsigned int total_nents;
};
static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg->page_link = (unsigned long)page;
	sg->offset = offset;
	sg->length = len;
}
static inline struct page *sg_page(struct scatterlist *sg)
{
	return (struct page *)(sg->page_link & ~0x3UL);
}
int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
			      unsigned int n_pages, unsigned int offset,
			      unsigned long size, gfp_t gfp_mask);
int sg_alloc_append_table_from_pages(struct sg_append_table *sgt,
				     struct page **pages, unsigned int n_pages,
				     unsigned int offset, unsigned long size,
				     unsigned int max_segment,
				     unsigned int left_pages, gfp_t gfp_mask);

/* Driver-side helpers the tests call: unknown to the plugin. */
int dma_map_user_pages(struct page **pages, int npages);
int device_busy(void);
void device_start_dma(struct page **pages, int npages);
void pr_debug_pages(const char *msg, int n);

#endif /* PIN_API_H */
