/*
 * page_address(page) + offset, an address computed from a pinned page, is
 * passed to csum_partial(), a function without a rule.  It carries no page
 * away (point 3b): the checksum mismatch returns with the page pinned.
 */
#include "driver-api.h"

unsigned int csum_partial(const void *buff, int len, unsigned int sum);

int rds_verify_user_frag(unsigned long uaddr, int len, unsigned int expected)
{
	struct page *page;
	unsigned int csum;
	int ret;

	ret = pin_user_pages_fast(uaddr & PAGE_MASK, 1, 0, &page); /* { dg-message "\\(1\\) \[^\n\]*here by 'pin_user_pages_fast'" } */
	if (ret < 0)
		return ret;
	csum = csum_partial((unsigned char *)page_address(page) + offset_in_page(uaddr),
			    len, 0);
	if (csum != expected)
		return -EIO; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_page' \\\[pinbalance-leak\\\]" } */
	unpin_user_page(page);
	return 0;
}
