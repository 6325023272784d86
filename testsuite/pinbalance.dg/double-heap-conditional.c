/* A second unpin on one path only. */
#include "pin-api.h"

int drv_double(unsigned long uaddr, int n)
{
	struct page **pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	int ret;

	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	if (ret < 0) {
		kfree(pages);
		return ret;
	}
	unpin_user_pages(pages, ret);
	if (device_busy()) /* { dg-message "following 'true' branch" } */
		unpin_user_pages(pages, ret); /* { dg-warning "double release" } */
	kfree(pages);
	return 0;
}
