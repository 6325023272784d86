/* get_user_pages_fast() references dropped with unpin_user_pages(). */
#include "pin-api.h"

int read_user(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int ret;

	ret = get_user_pages_fast(uaddr, n, 0, pages); /* { dg-message "\\(1\\) references on up to 'n' pages taken here by 'get_user_pages_fast'" } */
	if (ret <= 0)
		return -EFAULT;
	unpin_user_pages(pages, ret); /* { dg-warning "page reference from 'get_user_pages_fast' released with 'unpin_user_pages'; release it with 'release_pages'" } */
	return 0;
}
