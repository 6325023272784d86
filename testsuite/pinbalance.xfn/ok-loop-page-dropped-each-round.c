/*
 * A loop that takes a page each round and drops it in the same round,
 * clearing the variable, so that the label after the loop drops only the
 * page of a round that failed half way.  The variable lives across the
 * loop's head but carries no page to the next round: the site is
 * followed, and this correct code is silent.
 */
#include "driver-api.h"

struct linux_binprm {
	unsigned long p;
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

int copy_arg_pages(struct linux_binprm *bprm, const char __user *str, int len)
{
	struct page *page = NULL;
	unsigned long pos = bprm->p;
	int ret = 0;

	while (len > 0) {
		int bytes = len > PAGE_SIZE ? PAGE_SIZE : len;

		page = get_arg_page(bprm, pos, 1);
		if (!page) {
			ret = -E2BIG;
			goto out;
		}
		if (copy_from_user(page_address(page), str, bytes)) {
			ret = -EFAULT;
			goto out;
		}
		put_arg_page(page);
		page = NULL;
		pos += bytes;
		str += bytes;
		len -= bytes;
	}
out:
	if (page)
		put_arg_page(page); /* { dg-bogus "double|leak|mismatch" } */
	return ret; /* { dg-bogus "leak" } */
}
