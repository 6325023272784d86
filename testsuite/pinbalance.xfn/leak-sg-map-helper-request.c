/*
 * As net/9p/trans_virtio.c: p9_virtio_zc_request() gets references on
 * the user buffer's pages (p9_get_mapped_pages(), held where need_drop
 * is set), puts them into the channel's scatterlist for one request
 * (pack_sg_list_p(): sg_set_page() of each page; its summary is 'owner
 * vchan_pack_sg_list_p pages=arg4 entry=arg1') and, once the request is
 * over, drops them from its own arrays.  The list only mapped the pages:
 * the function releases the out pages it put there itself.  Without the
 * release of the in pages (the recall bug 9p-zc-leak), freeing in_pages
 * leaks them.
 */
#include "driver-api.h"

#define VIRTQUEUE_NUM	128

struct vchan {
	struct scatterlist sg[VIRTQUEUE_NUM];
};

int vchan_iter_is_kvec(const struct iov_iter *data);
unsigned long vchan_iter_count(const struct iov_iter *data);
void *vchan_iter_kbase(const struct iov_iter *data);
struct page *vchan_kmap_to_page(void *p);
int vchan_add_sgs(struct vchan *chan, struct scatterlist **sgs, int out_sgs,
		  int in_sgs);
int vchan_wait(struct vchan *chan);
void sg_mark_end(struct scatterlist *sg);
void sg_unmark_end(struct scatterlist *sg);

/* trans_common.c's p9_release_pages() */
static void vchan_release_pages(struct page **pages, int nr_pages)
{
	int i;

	for (i = 0; i < nr_pages; i++)
		if (pages[i])
			put_page(pages[i]);
}

static int vchan_pack_sg_list_p(struct scatterlist *sg, int start, int limit,
				struct page **pdata, int nr_pages, size_t offs,
				int count)
{
	int i = 0, s;
	int data_off = offs;
	int index = start;

	while (nr_pages) {
		s = PAGE_SIZE - data_off;
		if (s > count)
			s = count;
		/* Make sure we don't terminate early. */
		sg_unmark_end(&sg[index]);
		sg_set_page(&sg[index++], pdata[i++], s, data_off);
		data_off = 0;
		count -= s;
		nr_pages--;
	}

	if (index - start)
		sg_mark_end(&sg[index - 1]);
	return index - start;
}

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
	int in_nr_pages = 0, out_nr_pages = 0, err, out = 0;
	struct page **in_pages = NULL, **out_pages = NULL;
	struct scatterlist *sgs[4];
	int out_sgs = 0, in_sgs = 0;
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
		outlen = n;
	} else if (uidata) {
		int n = vchan_get_mapped_pages(chan, &in_pages, uidata, /* { dg-message "\\(1\\) \[^\n\]*here by 'vchan_get_mapped_pages'" } */
					       inlen, &offs, &need_drop);
		if (n < 0) {
			err = n;
			goto err_out;
		}
		in_nr_pages = DIV_ROUND_UP(n + offs, PAGE_SIZE);
		inlen = n;
	}

	if (out_pages) {
		sgs[out_sgs++] = chan->sg + out;
		out += vchan_pack_sg_list_p(chan->sg, out, VIRTQUEUE_NUM,
					    out_pages, out_nr_pages, offs,
					    outlen);
	}
	if (in_pages) {
		sgs[out_sgs + in_sgs++] = chan->sg + out;
		vchan_pack_sg_list_p(chan->sg, out, VIRTQUEUE_NUM,
				     in_pages, in_nr_pages, offs, inlen);
	}
	err = vchan_add_sgs(chan, sgs, out_sgs, in_sgs);
	if (err < 0)
		goto err_out;
	err = vchan_wait(chan);
err_out:
	if (need_drop) {
		if (out_pages)
			vchan_release_pages(out_pages, out_nr_pages);
	}
	kvfree(in_pages); /* { dg-warning "leak of page references taken by 'vchan_get_mapped_pages'\[^\n\]*\\\[pinbalance-leak\\\]" } */
	kvfree(out_pages); /* { dg-bogus "leak" } */
	return err;
}
