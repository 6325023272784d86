/*
 * A helper returns a page referenced by get_user_pages_fast(), or an
 * ERR_PTR (its summary: returns pages, kind get); the caller drops it
 * with put_page(): the right kind.
 */
#include "driver-api.h"

static struct page *uprobe_get_user_page(unsigned long vaddr)
{
	struct page *page;
	int ret;

	ret = get_user_pages_fast(vaddr & PAGE_MASK, 1, 0, &page);
	if (ret < 0)
		return ERR_PTR(ret);
	return page;
}

int uprobe_read_opcode(unsigned long vaddr, unsigned char *opcode, int len)
{
	struct page *page;
	unsigned char *kaddr;

	if (offset_in_page(vaddr) + len > PAGE_SIZE)
		return -EINVAL;
	page = uprobe_get_user_page(vaddr);
	if (IS_ERR(page))
		return PTR_ERR(page);
	kaddr = kmap_local_page(page);
	memcpy(opcode, kaddr + offset_in_page(vaddr), len);
	kunmap_local(kaddr);
	put_page(page); /* { dg-bogus "released with" } */
	return 0;
}
