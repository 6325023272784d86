/*
 * As NFS's _nfs4_proc_readlink(), with a header page beside: the helper
 * reads its header page, and puts the address of its data page
 * parameter in the RPC arguments ('.pages = &page') it gives to the RPC
 * layer.  The parameter lives in memory, not in a register the borrow
 * walk follows: the helper is no borrower of it, and its caller, which
 * leaves the data page to whatever the RPC layer does with it, draws no
 * leak.
 */
#include "driver-api.h"

struct xfer_args {
	struct page **pages;
	unsigned int pgbase;
	unsigned int pglen;
};

int xfer_rpc_call_sync(struct xfer_args *args);

static int xfer_proc_write(struct page *hdr, struct page *page,
			   unsigned int pglen)
{
	struct xfer_args args = {
		.pages = &page,
		.pgbase = 0,
		.pglen = pglen,
	};
	void *p = kmap_local_page(hdr);

	if (*(unsigned int *)p != pglen) {
		kunmap_local(p);
		return -EINVAL;
	}
	kunmap_local(p);
	return xfer_rpc_call_sync(&args);
}

int xfer_write_user(struct page *hdr, unsigned long uaddr, unsigned int len)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	return xfer_proc_write(hdr, page, len); /* { dg-bogus "leak" } */
}
