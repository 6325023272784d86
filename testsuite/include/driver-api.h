/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel functions and macros the cross-function tests (pending.xfn/) use
 * besides the page-reference API of pin-api.h: string and user-copy
 * helpers, locks, printk, DMA and scatterlist calls.  As in Linux 6.12
 * (include/linux/string.h, uaccess.h, mutex.h, dma-mapping.h,
 * scatterlist.h, compiler.h, minmax.h), reduced to declarations.  None of
 * them has a pinbalance rule: to the plugin they are unknown code, like a
 * driver's helpers in another file.
 */
#ifndef DRIVER_API_H
#define DRIVER_API_H

#include "pin-api.h"

#define EIO		5
#define E2BIG		7
#define EBUSY		16
#define ENODEV		19
#define ENOSPC		28
#define EOVERFLOW	75

#define __user
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define PFN_UP(x)		(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define min_t(type, x, y)	((type)(x) < (type)(y) ? (type)(x) : (type)(y))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

/* include/linux/compiler.h: keeps a pointer alive across an empty asm */
#define barrier_data(ptr)	__asm__ __volatile__("" : : "r"(ptr) : "memory")

/* include/linux/string.h */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);

/* include/linux/uaccess.h */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);

/* include/linux/mutex.h, spinlock.h */
struct mutex {
	long owner;
};
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

/* include/linux/dev_printk.h */
struct device;
void _dev_err(const struct device *dev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void _dev_dbg(const struct device *dev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
#define dev_err(dev, fmt, ...)	_dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	_dev_dbg(dev, fmt, ##__VA_ARGS__)

/* include/linux/dma-mapping.h, scatterlist.h */
typedef unsigned long long dma_addr_t;
enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
};
int dma_map_sgtable(struct device *dev, struct sg_table *sgt,
		    enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_sgtable(struct device *dev, struct sg_table *sgt,
		       enum dma_data_direction dir, unsigned long attrs);
dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page,
			      size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs);
int dma_mapping_error(struct device *dev, dma_addr_t dma_addr);
#define dma_map_page(d, p, o, s, r) dma_map_page_attrs(d, p, o, s, r, 0)
#define dma_unmap_page(d, a, s, r) dma_unmap_page_attrs(d, a, s, r, 0)
void sg_free_table(struct sg_table *sgt);
int sg_alloc_table(struct sg_table *sgt, unsigned int nents, gfp_t gfp_mask);

/* include/linux/uio.h: unknown code, as the iterator's other helpers */
size_t iov_iter_count(const struct iov_iter *i);
void iov_iter_revert(struct iov_iter *i, size_t bytes);

/* include/linux/bio.h */
struct bio *bio_alloc(void *bdev, unsigned short nr_vecs, unsigned int opf,
		      gfp_t gfp_mask);
void bio_put(struct bio *bio);

#endif /* DRIVER_API_H */
