/*
 * The key is copied out of a pinned page and scrubbed in place, and the
 * scrubbed address is kept alive through an empty asm (barrier_data(), as
 * memzero_explicit() does).  An asm operand that is the address of the
 * page's contents hands nothing over (point 3b): a bad key length returns
 * with the page still pinned.
 */
#include "driver-api.h"

#define SEC_MAX_KEYLEN	64

struct sec_ctx {
	unsigned char key[SEC_MAX_KEYLEN];
	unsigned int keylen;
};

int sec_set_user_key(struct sec_ctx *ctx, unsigned long uaddr, unsigned int keylen)
{
	struct page *page;
	unsigned char *vaddr, *src;
	unsigned int i;

	if (keylen > SEC_MAX_KEYLEN || offset_in_page(uaddr) + keylen > PAGE_SIZE)
		return -EINVAL;
	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1) /* { dg-message "\\(1\\) \[^\n\]*here by 'pin_user_pages_fast'" } */
		return -EFAULT;
	vaddr = kmap_local_page(page);
	src = vaddr + offset_in_page(uaddr);
	for (i = 0; i < keylen; i++) {
		ctx->key[i] = src[i];
		src[i] = 0;
	}
	barrier_data(src);
	kunmap_local(vaddr);
	if (keylen != 16 && keylen != 24 && keylen != 32)
		return -EINVAL; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_page' \\\[pinbalance-leak\\\]" } */
	ctx->keylen = keylen;
	set_page_dirty_lock(page);
	unpin_user_page(page);
	return 0;
}
