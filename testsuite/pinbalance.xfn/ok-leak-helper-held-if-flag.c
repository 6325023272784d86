/*
 * As net/9p/trans_virtio.c: the helper gets references on a user
 * buffer's pages into an array iov_iter_get_pages_alloc2() allocates,
 * and says so in *need_drop; a kernel buffer's pages it only looks up,
 * taking no reference (need_drop 0).  The caller drops the references
 * of both directions under 'if (need_drop)', then frees the arrays: on
 * the kernel buffer's path the pages were never its to drop.
 */
#include "driver-api.h"

struct vchan {
	struct scatterlist sg[128];
};

int vchan_iter_is_kvec(const struct iov_iter *data);
unsigned long vchan_iter_count(const struct iov_iter *data);
void *vchan_iter_kbase(const struct iov_iter *data);
struct page *vchan_kmap_to_page(void *p);
int vchan_send(struct vchan *chan, int out_pages, int in_pages);
/* puts every page (another file, as p9_release_pages()) */
void vchan_release_pages(struct page **pages, int nr_pages);

static int vchan_get_mapped_pages(struct vchan *chan, struct page ***pages,
				  struct iov_iter *data, int count,
				  size_t *offs, int *need_drop)
{
	int nr_pages, index;
	void *p;

	if (!vchan_iter_count(data))
		return 0;
	if (!vchan_iter_is_kvec(data)) {
		int n = iov_iter_get_pages_alloc2(data, pages, count, offs);

		if (n < 0)
			return n;
		*need_drop = 1;
		return n;
	}
	/* kernel buffer, no need to take references */
	p = vchan_iter_kbase(data);
	nr_pages = DIV_ROUND_UP(count, PAGE_SIZE);
	*pages = kmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!*pages)
		return -ENOMEM;
	*need_drop = 0;
	for (index = 0; index < nr_pages; index++) {
		(*pages)[index] = vchan_kmap_to_page(p);
		p += PAGE_SIZE;
	}
	return count;
}

int vchan_zc_request(struct vchan *chan, struct iov_iter *uidata,
		     struct iov_iter *uodata, int inlen, int outlen)
{
	int in_nr_pages = 0, out_nr_pages = 0, err;
	struct page **in_pages = NULL, **out_pages = NULL;
	size_t offs = 0;
	int need_drop = 0;

	if (uodata) {
		int n = vchan_get_mapped_pages(chan, &out_pages, uodata,
					       outlen, &offs, &need_drop);
		if (n < 0) {
			err = n;
			goto err_out;
		}
		out_nr_pages = DIV_ROUND_UP(n + offs, PAGE_SIZE);
	} else if (uidata) {
		int n = vchan_get_mapped_pages(chan, &in_pages, uidata,
					       inlen, &offs, &need_drop);
		if (n < 0) {
			err = n;
			goto err_out;
		}
		in_nr_pages = DIV_ROUND_UP(n + offs, PAGE_SIZE);
	}
	err = vchan_send(chan, out_nr_pages, in_nr_pages);
err_out:
	if (need_drop) {
		if (in_pages)
			vchan_release_pages(in_pages, in_nr_pages);
		if (out_pages)
			vchan_release_pages(out_pages, out_nr_pages);
	}
	kvfree(in_pages); /* { dg-bogus "leak" } */
	kvfree(out_pages); /* { dg-bogus "leak" } */
	return err;
}
