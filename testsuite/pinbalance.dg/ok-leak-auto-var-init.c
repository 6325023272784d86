/* Reduced from drivers/virt/acrn/ioreq.c and drivers/xen/gntdev.c, built as
 * the kernel builds them: -ftrivial-auto-var-init=zero stores an initial
 * value into &page before the pin, and "!page" means nothing was pinned. */
/* { dg-options "-O2 -ftrivial-auto-var-init=zero" } */
#include "pin-api.h"

struct vm {
	struct page *ioreq_page;
};

int setup_ioreq(struct vm *vm, unsigned long buf)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(buf, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (unlikely(ret != 1) || !page)
		return -EFAULT; /* { dg-bogus "leak" } */
	vm->ioreq_page = page;
	return 0;
}

int get_one(struct page **batch, unsigned long addr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(addr, 1, FOLL_WRITE, &page);
	if (ret < 0)
		return ret;
	batch[0] = page;
	return 0; /* { dg-bogus "leak" } */
}
