/*
 * The key is copied out of a pinned page and scrubbed in place, the
 * scrubbed address kept alive through barrier_data()'s empty asm.  The
 * asm takes an address, no page (point 3b); the page is unpinned on the
 * bad-length path and on success: no leak.
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
	int ret = 0;

	if (keylen > SEC_MAX_KEYLEN || offset_in_page(uaddr) + keylen > PAGE_SIZE)
		return -EINVAL;
	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
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
		ret = -EINVAL;
	else
		ctx->keylen = keylen;
	set_page_dirty_lock(page);
	unpin_user_page(page);
	return ret; /* { dg-bogus "leak" } */
}
