/* vzalloc() (a plain function in 6.1, no __malloc) makes a buffer this function owns: pins left in it at return leak. */
#define PIN_API_NO_SLAB
#include "pin-api.h"

/* include/linux/slab.h in 6.1 */
void *vzalloc(unsigned long size);

int drv_pin_buffer(unsigned long uaddr, int npages)
{
	struct page **pages = vzalloc(npages * sizeof(struct page *));
	long got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (got < 0) {
		vfree(pages);
		return got;
	}
	return 0; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
}
