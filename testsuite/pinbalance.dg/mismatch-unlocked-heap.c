/* pin_user_pages_unlocked() into a heap array, released as get. */
#include "pin-api.h"

int heap_pin(unsigned long uaddr, int n)
{
	struct page **pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	long got, i;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_unlocked(uaddr, n, pages, FOLL_WRITE);
	for (i = 0; i < got; i++)
		put_page(*(pages + i)); /* { dg-warning "pinned page released with 'put_page'; pages pinned by 'pin_user_pages_unlocked'" } */
	kfree(pages);
	return 0;
}
