/*
 * io_sqe_buffer_register() of ok-leak-replace-array-coalesce.c with the
 * error path of Linux 6.1: when kvmalloc() of the buffer's descriptor
 * fails after io_try_coalesce_buffer() may have replaced the array, the
 * function frees the array and returns -ENOMEM without unpinning the
 * pages it still holds.  The helpers' summaries (they borrow the
 * caller's array, which they may replace) leave the pages the caller's,
 * so the free is where they are lost.
 */
#include "driver-api.h"

struct io_imu_folio_data {
	unsigned int nr_pages_head;
	unsigned int nr_pages_mid;
	unsigned int folio_shift;
};

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

struct io_mapped_ubuf {
	unsigned long ubuf;
	unsigned int len;
	unsigned int nr_bvecs;
	unsigned int folio_shift;
	struct bio_vec bvec[];
};

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

static struct page **io_pin_pages(unsigned long uaddr, unsigned long len,
				  int *npages)
{
	unsigned long start, end, nr_pages;
	struct page **pages;
	int ret;

	end = (uaddr + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	start = uaddr >> PAGE_SHIFT;
	nr_pages = end - start;
	if (!nr_pages)
		return ERR_PTR(-EINVAL);

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return ERR_PTR(-ENOMEM);

	ret = pin_user_pages_fast(uaddr, nr_pages, FOLL_WRITE | FOLL_LONGTERM,
				  pages);
	/* success, mapped all pages */
	if (ret == nr_pages) {
		*npages = nr_pages;
		return pages;
	}

	/* partial map, or didn't map anything */
	if (ret >= 0) {
		/* if we did partial map, release any pages we did get */
		if (ret)
			unpin_user_pages(pages, ret);
		ret = -EFAULT;
	}
	kvfree(pages);
	return ERR_PTR(ret);
}

long folio_nr_pages(const struct folio *folio);
unsigned int folio_shift(const struct folio *folio);

static bool io_do_coalesce_buffer(struct page ***pages, int *nr_pages,
				  struct io_imu_folio_data *data, int nr_folios)
{
	struct page **page_array = *pages, **new_array = NULL;
	int nr_pages_left = *nr_pages, i, j;

	/* Store head pages only*/
	new_array = kvmalloc_array(nr_folios, sizeof(struct page *),
				   GFP_KERNEL);
	if (!new_array)
		return false;

	new_array[0] = compound_head(page_array[0]);
	/*
	 * The pages are bound to the folio, it doesn't
	 * actually unpin them but drops all but one reference,
	 * which is usually put down by io_buffer_unmap().
	 */
	if (data->nr_pages_head > 1)
		unpin_user_pages(&page_array[1], data->nr_pages_head - 1);

	j = data->nr_pages_head;
	nr_pages_left -= data->nr_pages_head;
	for (i = 1; i < nr_folios; i++) {
		unsigned int nr_unpin;

		new_array[i] = page_array[j];
		nr_unpin = min_t(unsigned int, nr_pages_left - 1,
				 data->nr_pages_mid - 1);
		if (nr_unpin)
			unpin_user_pages(&page_array[j + 1], nr_unpin);
		j += data->nr_pages_mid;
		nr_pages_left -= data->nr_pages_mid;
	}
	kvfree(page_array);
	*pages = new_array;
	*nr_pages = nr_folios;
	return true;
}

static bool io_try_coalesce_buffer(struct page ***pages, int *nr_pages,
				   struct io_imu_folio_data *data)
{
	struct page **page_array = *pages;
	struct folio *folio = page_folio(page_array[0]);
	unsigned int count = 1, nr_folios = 1;
	int i;

	if (*nr_pages <= 1)
		return false;

	data->nr_pages_mid = folio_nr_pages(folio);
	if (data->nr_pages_mid == 1)
		return false;

	data->folio_shift = folio_shift(folio);
	for (i = 1; i < *nr_pages; i++) {
		if (page_folio(page_array[i]) == folio &&
		    page_array[i] == page_array[i - 1] + 1) {
			count++;
			continue;
		}
		if (nr_folios == 1)
			data->nr_pages_head = count;
		else if (count != data->nr_pages_mid)
			return false;
		folio = page_folio(page_array[i]);
		count = 1;
		nr_folios++;
	}
	if (nr_folios == 1)
		data->nr_pages_head = count;

	return io_do_coalesce_buffer(pages, nr_pages, data, nr_folios);
}

int io_sqe_buffer_register(struct iovec *iov, struct io_mapped_ubuf **pimu)
{
	struct io_mapped_ubuf *imu = NULL;
	struct page **pages = NULL;
	struct io_imu_folio_data data;
	bool coalesced;
	int ret, nr_pages, i;

	ret = -ENOMEM;
	pages = io_pin_pages((unsigned long)iov->iov_base, iov->iov_len,
			     &nr_pages);
	if (IS_ERR(pages)) {
		ret = PTR_ERR(pages);
		pages = NULL;
		goto done;
	}

	/* If it's huge page(s), try to coalesce them into fewer bvec entries */
	coalesced = io_try_coalesce_buffer(&pages, &nr_pages, &data);

	imu = kvmalloc(sizeof(*imu) + nr_pages * sizeof(struct bio_vec),
		       GFP_KERNEL);
	if (!imu)
		goto done;

	imu->ubuf = (unsigned long)iov->iov_base;
	imu->len = iov->iov_len;
	imu->nr_bvecs = nr_pages;
	imu->folio_shift = PAGE_SHIFT;
	if (coalesced)
		imu->folio_shift = data.folio_shift;
	*pimu = imu;
	ret = 0;

	for (i = 0; i < nr_pages; i++) {
		imu->bvec[i].bv_page = pages[i];
		imu->bvec[i].bv_len = PAGE_SIZE;
		imu->bvec[i].bv_offset = 0;
	}
done:
	if (ret)
		kvfree(imu);
	kvfree(pages); /* { dg-warning "leak of pages pinned by 'io_pin_pages'" } */
	return ret;
}
