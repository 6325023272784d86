/* Reduced from Linux 6.12 virt/kvm/kvm_main.c (hva_to_pfn_slow): 'page'
 * is filled in by get_user_pages_unlocked() through '&page', and on one
 * branch replaced by a page taken writable after the first is put; the
 * pfn of whichever page it holds goes to the caller, who owns the
 * reference. */
#include "pin-api.h"

#define FOLL_NOWAIT 0x20

int get_user_pages_fast_only(unsigned long start, int nr_pages,
			     unsigned int gup_flags, struct page **pages);

static inline bool get_user_page_fast_only(unsigned long addr,
					   unsigned int gup_flags,
					   struct page **pagep)
{
	return get_user_pages_fast_only(addr, 1, gup_flags, pagep) == 1;
}

extern struct page *vmemmap;
#define page_to_pfn(p) ((unsigned long)((p) - vmemmap))

int hva_to_pfn_slow(unsigned long addr, bool async, bool write_fault,
		    bool *writable, unsigned long *pfn)
{
	unsigned int flags = 0;
	struct page *page;
	int npages;

	if (writable)
		*writable = write_fault;
	if (write_fault)
		flags |= FOLL_WRITE;
	if (async)
		flags |= FOLL_NOWAIT;

	npages = get_user_pages_unlocked(addr, 1, &page, flags);
	if (npages != 1)
		return npages;

	/* map read fault as writable if possible */
	if (unlikely(!write_fault) && writable) {
		struct page *wpage;

		if (get_user_page_fast_only(addr, FOLL_WRITE, &wpage)) {
			*writable = true;
			put_page(page);
			page = wpage;
		}
	}
	*pfn = page_to_pfn(page);
	return npages; /* { dg-bogus "leak" } */
}
