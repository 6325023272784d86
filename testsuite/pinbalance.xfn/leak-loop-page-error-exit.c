/*
 * Bug: the loop takes a page each round and drops it in the same round,
 * but the copy's failure leaves the loop to a label that does not drop
 * the page of the round that failed.
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
	struct page *page;
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
			goto out; /* { dg-warning "leak" } */
		}
		put_arg_page(page);
		pos += bytes;
		str += bytes;
		len -= bytes;
	}
out:
	return ret;
}
