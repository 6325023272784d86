/*
 * copy_strings() of fs/exec.c, its last page never dropped: the release
 * after the loop is gone.  The page carried round the loops is dropped
 * in the loop once the next one is taken, but the last one leaks.
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

const char __user *get_user_arg_ptr(const char __user *const *argv, int nr);
long strnlen_user(const char __user *str, long n);

int copy_strings(int argc, const char __user *const *argv,
		 struct linux_binprm *bprm)
{
	struct page *kmapped_page = NULL;
	char *kaddr = NULL;
	unsigned long kpos = 0;
	int ret;

	while (argc-- > 0) {
		const char __user *str;
		int len;
		unsigned long pos;

		ret = -EFAULT;
		str = get_user_arg_ptr(argv, argc);
		if (!str)
			goto out;
		len = strnlen_user(str, 32 * PAGE_SIZE);
		if (!len)
			goto out;

		pos = bprm->p;
		str += len;
		bprm->p -= len;

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
	}
	ret = 0;
out:
	if (kmapped_page) {
		kunmap_local(kaddr);
		flush_dcache_page(kmapped_page); /* { dg-warning "leak of page references taken by 'get_arg_page'" } */
	}
	return ret;
}
