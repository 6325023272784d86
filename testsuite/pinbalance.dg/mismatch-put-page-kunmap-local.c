/* Reduced from Linux 6.12 drivers/misc/xilinx_sdfec.c (xsdfec_table_write)
 * with its unpin_user_page() edited into put_page(), as make check-enforce
 * does: kunmap_local(addr) passed the mapped address to __kunmap_local(),
 * which the plugin took for a hand-over, hiding the mismatch. */
#include "pin-api.h"

void regwrite(unsigned int val);

int table_write(unsigned long src, int nr_pages, int len)
{
	struct page *pages[8];
	unsigned int *addr;
	int i, res, reg = 0;

	res = pin_user_pages_fast(src, nr_pages, 0, pages);
	if (res < nr_pages) {
		if (res > 0)
			unpin_user_pages(pages, res);
		return -EINVAL;
	}
	for (i = 0; i < nr_pages; i++) {
		addr = kmap_local_page(pages[i]);
		do {
			regwrite(addr[reg]);
			reg++;
		} while (reg < len && (reg * 4) % PAGE_SIZE);
		kunmap_local(addr);
		put_page(pages[i]); /* { dg-warning "pinned page released with 'put_page'" } */
	}
	return 0;
}
