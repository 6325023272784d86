/*
 * Scatterlist entries whose pages the function does not know the kind of
 * stay unjudged.  rds_message_copy_from_user() (net/rds/message.c) fills
 * rm->data.op_sg with pages rds_page_remainder_alloc() allocates, in
 * another file; a function that also sets pinned pages into the same list
 * holds pages of two origins there.  A list given to code without a rule
 * may be refilled there, and entries released before the function fills
 * the list hold its caller's pages.  A helper that sets pages of two
 * origins into its caller's list gets no summary: its caller's list is
 * not judged either.
 */
#include "driver-api.h"

struct rm_data_op {
	unsigned int op_nents;
	struct scatterlist *op_sg;
};

struct rds_message {
	struct rm_data_op data;
};

/* net/rds/page.c: allocates a page into the entry */
int rds_page_remainder_alloc(struct scatterlist *scat, unsigned long bytes,
			     gfp_t gfp);
/* a driver's helper in another file */
void drv_sg_fill_bounce(struct scatterlist *sg, unsigned int n);

int rds_message_fill_mixed(struct rds_message *rm, unsigned long uaddr,
			   bool zcopy)
{
	struct scatterlist *sg = rm->data.op_sg;
	struct page *page;
	int i, ret;

	if (zcopy) {
		if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
			return -EFAULT;
		sg_set_page(sg, page, PAGE_SIZE, 0);
	} else {
		ret = rds_page_remainder_alloc(sg, PAGE_SIZE, GFP_KERNEL);
		if (ret)
			return ret;
	}
	rm->data.op_nents++;
	if (uaddr & 1) {
		for (i = 0; i < rm->data.op_nents; i++)
			put_page(sg_page(&rm->data.op_sg[i])); /* { dg-bogus "mismatch" "two origins" } */
		return -EINVAL;
	}
	return 0;
}

int drv_sg_map_user(struct scatterlist *sgl, unsigned long uaddr, int n)
{
	struct page *page;
	int i;

	for (i = 0; i < n; i++) {
		if (pin_user_pages_fast(uaddr + i * PAGE_SIZE, 1, FOLL_WRITE,
					&page) != 1)
			goto undo;
		sg_set_page(&sgl[i], page, PAGE_SIZE, 0);
	}
	drv_sg_fill_bounce(sgl, n);
	return 0;
undo:
	while (i--)
		put_page(sg_page(&sgl[i])); /* { dg-bogus "mismatch" "refilled by unknown code" } */
	return -EFAULT;
}

int drv_sg_remap_user(struct scatterlist *sgl, unsigned long uaddr, int n)
{
	struct page *page;
	int i;

	/* the caller's pages, from before */
	for (i = 0; i < n; i++)
		put_page(sg_page(&sgl[i])); /* { dg-bogus "mismatch" "not filled here yet" } */
	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	sg_set_page(sgl, page, PAGE_SIZE, 0);
	return 0;
}

/* a helper that also sets a page of its own into its caller's list says
 * nothing of the list's kind to its callers */
static int drv_sg_map_one(struct scatterlist *sg, unsigned long uaddr,
			  struct page *bounce)
{
	struct page *page;

	if (!uaddr) {
		sg_set_page(sg, bounce, PAGE_SIZE, 0);
		return 1;
	}
	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	sg_set_page(sg, page, PAGE_SIZE, 0);
	return 1;
}

int drv_sg_map_all(struct scatterlist *sgl, unsigned long *uaddrs, int n,
		   struct page *bounce)
{
	struct scatterlist *sg = sgl;
	int i, ret;

	for (i = 0; i < n; i++) {
		ret = drv_sg_map_one(sg, uaddrs[i], bounce);
		if (ret < 0)
			goto undo;
		sg += ret;
	}
	return 0;
undo:
	while (sg > sgl) {
		sg--;
		put_page(sg_page(sg)); /* { dg-bogus "mismatch" "the helper's list holds pages of two origins" } */
	}
	return ret;
}
