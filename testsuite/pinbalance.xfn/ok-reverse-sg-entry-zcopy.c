/*
 * net/rds/message.c, rds_message_zcopy_from_user() as Linux 6.12 has it:
 * the pages the earlier rounds took with iov_iter_get_pages2() and set
 * into the scatterlist are read back from the entries and put with
 * put_page() when a later round fails: their kind, silent.
 * Compiled as the kernel is (CONFIG_INIT_STACK_ALL_ZERO): the local the
 * page is taken into first receives its initial value.
 */
/* { dg-options "-O2 -ftrivial-auto-var-init=zero" } */
#include "driver-api.h"

struct rm_data_op {
	unsigned int op_nents;
	struct scatterlist *op_sg;
};

struct rds_message {
	unsigned int h_len;
	struct rm_data_op data;
};

int rds_message_zcopy_from_user(struct rds_message *rm, struct iov_iter *from)
{
	struct scatterlist *sg;
	int ret = 0;
	int length = iov_iter_count(from);

	rm->h_len = iov_iter_count(from);
	sg = rm->data.op_sg;

	while (iov_iter_count(from)) {
		struct page *pages;
		size_t start;
		ssize_t copied;

		copied = iov_iter_get_pages2(from, &pages, PAGE_SIZE, 1, &start);
		if (copied < 0) {
			int i;

			for (i = 0; i < rm->data.op_nents; i++)
				put_page(sg_page(&rm->data.op_sg[i])); /* { dg-bogus "mismatch|double|leak" } */
			rm->data.op_nents = 0;
			ret = -EFAULT;
			goto err;
		}
		length -= copied;
		sg_set_page(sg, pages, copied, start);
		rm->data.op_nents++;
		sg++;
	}
	return ret;
err:
	return ret;
}
