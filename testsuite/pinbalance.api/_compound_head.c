/* _compound_head() (behind page_folio() and compound_head()) gives the same page: putting it is putting the pin. */
#include "pin-api.h"

int pin_put_head(unsigned long uaddr)
{
	struct page *page, *head;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	head = (struct page *)_compound_head(page);
	put_page(head); /* { dg-warning "pinned page released with 'put_page'" } */
	return 0;
}
