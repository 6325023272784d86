/*
 * vaddr_get_pages() pins into its caller's array and returns the count:
 * for its callers it is an acquire (points 1 and 4), and the caller's
 * array is a local one, so its leaks are checked.  A reserved page makes
 * the check return with every page still pinned.
 */
#include "driver-api.h"

#define IOMMU_READ	1
#define IOMMU_WRITE	2

void mmap_read_lock(struct mm_struct *mm);
void mmap_read_unlock(struct mm_struct *mm);

static long vaddr_get_pages(struct mm_struct *mm, unsigned long vaddr,
			    long npages, int prot, struct page **pages)
{
	unsigned int flags = FOLL_LONGTERM;
	long ret;

	if (prot & IOMMU_WRITE)
		flags |= FOLL_WRITE;
	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, vaddr, npages, flags, pages, NULL);
	mmap_read_unlock(mm);
	return ret;
}

int vfio_check_range(struct mm_struct *mm, unsigned long vaddr, long npage)
{
	struct page *pages[16];
	long pinned, i;

	if (npage > 16)
		return -E2BIG;
	pinned = vaddr_get_pages(mm, vaddr, npage, IOMMU_READ, pages);
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	for (i = 0; i < pinned; i++) {
		if (PageReserved(pages[i]))
			return -EINVAL; /* { dg-warning "leak of pages pinned by \[^\n\]*\\\[pinbalance-leak\\\]" } */
	}
	unpin_user_pages(pages, pinned);
	return 0;
}
