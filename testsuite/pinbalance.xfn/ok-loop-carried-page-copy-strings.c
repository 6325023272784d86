/*
 * copy_strings() of fs/exec.c: each round may take the next page of the
 * argument area, then drops the page the previous round took, still held
 * in 'kmapped_page', and keeps the new one there; the label drops the
 * last one.  Two pages of the one site are held at once: the previous
 * round's put is not a release of the new page, and the label's put is
 * not a second release.  The plugin does not follow such a site
 * (untracked, counted in the stats): it must stay silent.
 */
#include "driver-api.h"

struct linux_binprm {
	unsigned long p;
	struct mm_struct *mm;
};

static struct page *get_arg_page(struct linux_binprm *bprm, unsigned long pos,
				 int write)
{
	struct page *page;

	if (get_user_pages_fast(pos, 1, write ? FOLL_WRITE : 0, &page) <= 0)
		return NULL;
	return page;
}

static void put_arg_page(struct page *page)
{
	put_page(page);
}

static void flush_arg_page(struct linux_binprm *bprm, unsigned long pos,
			   struct page *page)
{
	flush_dcache_page(page);
}

int copy_strings(struct linux_binprm *bprm, const char __user *str, int len)
{
	struct page *kmapped_page = NULL;
	char *kaddr = NULL;
	unsigned long kpos = 0;
	unsigned long pos = bprm->p;
	int ret;

	str += len;
	while (len > 0) {
		int offset, bytes_to_copy;

		offset = pos % PAGE_SIZE;
		if (offset == 0)
			offset = PAGE_SIZE;
		bytes_to_copy = offset;
		if (bytes_to_copy > len)
			bytes_to_copy = len;
		offset -= bytes_to_copy;
		pos -= bytes_to_copy;
		str -= bytes_to_copy;
		len -= bytes_to_copy;

		if (!kmapped_page || kpos != (pos & PAGE_MASK)) {
			struct page *page;

			page = get_arg_page(bprm, pos, 1);
			if (!page) {
				ret = -E2BIG;
				goto out;
			}
			if (kmapped_page) {
				flush_dcache_page(kmapped_page);
				kunmap_local(kaddr);
				put_arg_page(kmapped_page); /* { dg-bogus "double|leak|mismatch" } */
			}
			kmapped_page = page;
			kaddr = kmap_local_page(kmapped_page);
			kpos = pos & PAGE_MASK;
			flush_arg_page(bprm, kpos, kmapped_page);
		}
		if (copy_from_user(kaddr + offset, str, bytes_to_copy)) {
			ret = -EFAULT;
			goto out;
		}
	}
	ret = 0;
out:
	if (kmapped_page) { /* { dg-bogus "leak" } */
		flush_dcache_page(kmapped_page);
		kunmap_local(kaddr);
		put_arg_page(kmapped_page); /* { dg-bogus "double|leak|mismatch" } */
	}
	return ret; /* { dg-bogus "leak" } */
}
