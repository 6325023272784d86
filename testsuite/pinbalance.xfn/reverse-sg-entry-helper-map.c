/*
 * drivers/vhost/scsi.c (Linux 6.12): vhost_scsi_map_to_sgl() takes the
 * pages of one iovec segment with iov_iter_get_pages2() and sets them
 * into its caller's scatterlist (a summary for its caller: 'owner
 * vhost_scsi_map_to_sgl entry=arg3 kind=get on-success');
 * vhost_scsi_map_iov_to_sgl() maps segment after segment and, when one
 * fails, reads the pages of the earlier ones back from the entries and
 * drops them.  Unpinning them (the recall bug vhost-scsi-map-fail-reverse)
 * drops pins where get references were taken.
 */
#include "driver-api.h"

#define VHOST_SCSI_PREALLOC_UPAGES	2048
#define SECTOR_SIZE			512
#define BIO_MAX_VECS			256
#define LONG_MAX			((long)(~0UL >> 1))

struct vhost_scsi_cmd {
	unsigned int tvc_sgl_count;
	struct page **tvc_upages;
};

static int
vhost_scsi_map_to_sgl(struct vhost_scsi_cmd *cmd, struct iov_iter *iter,
		      struct scatterlist *sgl, bool is_prot)
{
	struct page **pages = cmd->tvc_upages;
	struct scatterlist *sg = sgl;
	ssize_t bytes, mapped_bytes;
	size_t offset, mapped_offset;
	unsigned int npages = 0;

	bytes = iov_iter_get_pages2(iter, pages, LONG_MAX,
				    VHOST_SCSI_PREALLOC_UPAGES, &offset);
	/* No pages were pinned */
	if (bytes <= 0)
		return bytes < 0 ? bytes : -EFAULT;

	mapped_bytes = bytes;
	mapped_offset = offset;

	while (bytes) {
		unsigned int n = min_t(unsigned int, PAGE_SIZE - offset, bytes);

		if (!is_prot &&
		    (offset & (SECTOR_SIZE - 1) || n & (SECTOR_SIZE - 1)) &&
		    cmd->tvc_sgl_count > BIO_MAX_VECS)
			goto revert_iter_get_pages;

		sg_set_page(sg++, pages[npages++], n, offset);
		bytes -= n;
		offset = 0;
	}

	return npages;

revert_iter_get_pages:
	iov_iter_revert(iter, mapped_bytes);

	npages = 0;
	while (mapped_bytes) {
		unsigned int n = min_t(unsigned int, PAGE_SIZE - mapped_offset,
				       mapped_bytes);

		put_page(pages[npages++]);

		mapped_bytes -= n;
		mapped_offset = 0;
	}

	return -EINVAL;
}

int vhost_scsi_map_iov_to_sgl(struct vhost_scsi_cmd *cmd, struct iov_iter *iter,
			      struct scatterlist *sg, int sg_count, bool is_prot)
{
	struct scatterlist *p = sg;
	size_t revert_bytes;
	int ret;

	while (iov_iter_count(iter)) {
		ret = vhost_scsi_map_to_sgl(cmd, iter, sg, is_prot);
		if (ret < 0) {
			revert_bytes = 0;

			while (p < sg) {
				struct page *page = sg_page(p);

				if (page) {
					unpin_user_page(page); /* { dg-warning "page reference from 'vhost_scsi_map_to_sgl' released with 'unpin_user_page'; release it with 'put_page'" } */
					revert_bytes += p->length;
				}
				p++;
			}

			iov_iter_revert(iter, revert_bytes);
			return ret;
		}
		sg += ret;
	}

	return 0;
}
