/* An error after the pin returns without unpinning: a leak. */
#include "pin-api.h"

int drv_submit(unsigned long uaddr, int npages)
{
	struct page *pages[16];
	int ret, err;

	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages); /* { dg-message "\\(1\\) up to 'npages' pages pinned into 'pages' here by 'pin_user_pages_fast'" } */
	if (ret < 0) /* { dg-message "\\(2\\) following 'false' branch: 'pin_user_pages_fast' succeeded" } */
		return ret;
	err = dma_map_user_pages(NULL, 0);
	if (err) /* { dg-message "\\(3\\) following 'true' branch" } */
		return err; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_pages' \\\[pinbalance-leak\\\] \\\[CWE-772\\\]" } */
	/* { dg-message "\\(4\\) returning with the pages from \\(1\\) still pinned" "" { target *-*-* } 14 } */
	unpin_user_pages(pages, ret);
	return 0;
}
