/*
 * kvm_pin_guest_page() returns a page pin_user_pages_fast() pinned, or
 * NULL (its summary: returns pages, kind pin).  The caller reads through
 * it and drops it with put_page(): a mismatch at the put_page().
 */
#include "driver-api.h"

static struct page *kvm_pin_guest_page(unsigned long hva, bool writable)
{
	struct page *page;

	if (pin_user_pages_fast(hva, 1, writable ? FOLL_WRITE : 0, &page) != 1)
		return NULL;
	return page;
}

int kvm_read_guest_pinned(unsigned long hva, void *data, int offset, int len)
{
	struct page *page;
	unsigned char *va;

	page = kvm_pin_guest_page(hva, false);
	if (!page)
		return -EFAULT;
	va = kmap_local_page(page);
	memcpy(data, va + offset, len);
	kunmap_local(va);
	put_page(page); /* { dg-warning "pinned page released with 'put_page'; pages pinned by \[^\n\]*\\\[pinbalance-mismatch\\\]" } */
	return 0;
}
