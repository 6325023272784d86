/*
 * ok-overcount-rds-need-odp.c with the flag tested the wrong way round:
 * 'if (need_odp) unpin_user_pages(pages, nr_pages)' runs only where
 * rds_pin_pages() failed with -EOPNOTSUPP and pinned nothing, so it drops
 * pins it never took.  The flag 'need_odp', a PHI of constants, is read
 * per incoming edge: 1 came from the failing branch only.
 */
#include "driver-api.h"

#define EOPNOTSUPP	95

struct rds_mr {
	unsigned int r_key;
	void *r_trans_private;
};

struct rds_transport {
	void *(*get_mr)(struct scatterlist *sg, unsigned long nr_sg,
			unsigned int *key_ret, unsigned long start,
			unsigned long length, int need_odp);
};

static int rds_pin_pages(unsigned long user_addr, unsigned int nr_pages,
			 struct page **pages, int write)
{
	unsigned int gup_flags = FOLL_LONGTERM;
	int ret;

	if (write)
		gup_flags |= FOLL_WRITE;

	ret = pin_user_pages_fast(user_addr, nr_pages, gup_flags, pages);
	if (ret >= 0 && ret < nr_pages) {
		unpin_user_pages(pages, ret);
		ret = -EFAULT;
	}

	return ret;
}

int rds_rdma_map(struct rds_transport *trans, struct rds_mr *mr,
		 unsigned long addr, unsigned long bytes, unsigned int nr_pages)
{
	struct scatterlist *sg = NULL;
	struct page **pages;
	void *trans_private;
	unsigned int nents = 0;
	int need_odp = 0;
	long i;
	int ret;

	pages = kcalloc(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;

	ret = rds_pin_pages(addr, nr_pages, pages, 1);
	if (ret == -EOPNOTSUPP) {
		need_odp = 1;
	} else if (ret <= 0) {
		goto out;
	} else {
		nents = ret;
		sg = kmalloc_array(nents, sizeof(*sg), GFP_KERNEL);
		if (!sg) {
			unpin_user_pages(pages, nents);
			ret = -ENOMEM;
			goto out;
		}
		/* Stick all pages into the scatterlist */
		for (i = 0; i < nents; i++)
			sg_set_page(&sg[i], pages[i], PAGE_SIZE, 0);
	}

	/* If this succeeds, the s/g list is now owned by the MR. */
	trans_private = trans->get_mr(sg, nents, &mr->r_key, addr, bytes,
				      need_odp);
	if (IS_ERR(trans_private)) {
		/* In ODP case, we don't GUP pages, so don't need
		 * to release anything.
		 */
		if (need_odp) {
			unpin_user_pages(pages, nr_pages); /* { dg-warning "may release more pages than .rds_pin_pages. took.*\\\[pinbalance-overcount\\\]" } */
			kfree(sg);
		}
		ret = PTR_ERR(trans_private);
		goto out;
	}
	mr->r_trans_private = trans_private;
	ret = 0;
out:
	kfree(pages); /* { dg-bogus "leak" } */
	return ret;
}
