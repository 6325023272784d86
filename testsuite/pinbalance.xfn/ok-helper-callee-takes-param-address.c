/*
 * As NFS's nfs4_proc_readlink(): the helper retries a call of this file,
 * _rl_proc_readlink(), which puts the address of its page parameter in
 * the RPC arguments ('.pages = &page') and gives them to the RPC layer.
 * The parameter lives in memory, not in a register the walk follows, so
 * the retry helper is no borrower, and its caller, which leaves the page
 * to whatever the RPC layer does with it, draws no leak.
 */
#include "driver-api.h"

struct rl_args {
	struct page **pages;
	unsigned int pgbase;
	unsigned int pglen;
};

#define EAGAIN		11

int rl_rpc_call_sync(struct rl_args *args);

static int _rl_proc_readlink(struct page *page, unsigned int pgbase,
			     unsigned int pglen)
{
	struct rl_args args = {
		.pages = &page,
		.pgbase = pgbase,
		.pglen = pglen,
	};

	return rl_rpc_call_sync(&args);
}

static int rl_proc_readlink(struct page *page, unsigned int pgbase,
			    unsigned int pglen)
{
	int err;

	do {
		err = _rl_proc_readlink(page, pgbase, pglen);
	} while (err == -EAGAIN);
	return err;
}

int rl_readlink_user(unsigned long uaddr, unsigned int len)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	return rl_proc_readlink(page, 0, len); /* { dg-bogus "leak" } */
}
