/*
 * net/rds/rdma.c's rds_cmsg_atomic() (Linux 6.12): the page pinned for
 * an atomic op is set into the message's scatterlist entry, which keeps
 * it (the message is purged through sg_page() later).  The function
 * unpins the page itself only at its error label, where a later
 * allocation (stored into the message, then tested) failed: a release on
 * the way to an error return says nothing of the list.  Silent.
 */
#include "driver-api.h"

struct xnotifier {
	unsigned long token;
};

struct xatomic_op {
	struct scatterlist *op_sg;
	struct xnotifier *op_notifier;
	unsigned int op_notify:1;
	unsigned int op_active:1;
};

int xcmsg_atomic(struct xatomic_op *op, unsigned long local_addr,
		 unsigned long token)
{
	struct page *page = NULL;
	int ret;

	op->op_active = 1;
	if (local_addr & 0x7) {
		ret = -EFAULT;
		goto err;
	}
	ret = pin_user_pages_fast(local_addr, 1, FOLL_WRITE, &page);
	if (ret != 1)
		goto err;
	ret = 0;

	sg_set_page(op->op_sg, page, 8, local_addr & ~PAGE_MASK);

	if (op->op_notify) {
		op->op_notifier = kmalloc(sizeof(*op->op_notifier), GFP_KERNEL);
		if (!op->op_notifier) {
			ret = -ENOMEM;
			goto err;
		}
		op->op_notifier->token = token;
	}
	return ret; /* { dg-bogus "leak" } */
err:
	if (page)
		unpin_user_page(page);
	op->op_active = 0;
	kfree(op->op_notifier);
	return ret;
}
