/* Reduced from Linux 6.12 drivers/vhost/vdpa.c (vhost_vdpa_pa_map), a false
 * alarm of the GCC 11 whole-tree build once __get_free_page() became an
 * allocation (the array is the function's, so its leaks are checked): the
 * pages are mapped by their pfn, kept round the loop in map_pfn and
 * last_pfn, and a pfn carried by a loop's PHI, given to a function without
 * a rule, hands the pages over as the pfn itself does. */
#include "pin-api.h"

#define PFN_PHYS(x)	((unsigned long long)(x) << PAGE_SHIFT)
#define PAGE_SHIFT	12
extern struct page *vmemmap;
#define page_to_pfn(page)	((unsigned long)((page) - vmemmap))
#define pfn_to_page(pfn)	(vmemmap + (pfn))

struct vhost_vdpa;
int vhost_vdpa_map(struct vhost_vdpa *v, unsigned long long iova,
		   unsigned long long size, unsigned long long pa);
void vhost_vdpa_unmap(struct vhost_vdpa *v, unsigned long long start,
		      unsigned long long size);

int vhost_vdpa_pa_map(struct vhost_vdpa *v, unsigned long long iova,
		      unsigned long long size, unsigned long uaddr,
		      unsigned long npages)
{
	struct page **page_list;
	unsigned long list_size = PAGE_SIZE / sizeof(struct page *);
	unsigned long cur_base, map_pfn = 0, last_pfn = 0, i;
	unsigned long long start = iova;
	long pinned, sz2pin;
	int ret = 0;

	page_list = (struct page **)__get_free_page(GFP_KERNEL);
	if (!page_list)
		return -ENOMEM;
	cur_base = uaddr & ~(PAGE_SIZE - 1);
	while (npages) {
		sz2pin = npages < list_size ? npages : list_size;
		pinned = pin_user_pages(cur_base, sz2pin, FOLL_WRITE, page_list);
		if (sz2pin != pinned) {
			if (pinned < 0) {
				ret = pinned;
			} else {
				unpin_user_pages(page_list, pinned);
				ret = -ENOMEM;
			}
			goto out;
		}
		if (!last_pfn)
			map_pfn = page_to_pfn(page_list[0]);
		for (i = 0; i < pinned; i++) {
			unsigned long this_pfn = page_to_pfn(page_list[i]);
			unsigned long long csize;

			if (last_pfn && (this_pfn != last_pfn + 1)) {
				csize = PFN_PHYS(last_pfn - map_pfn + 1);
				ret = vhost_vdpa_map(v, iova, csize,
						     PFN_PHYS(map_pfn));
				if (ret) {
					unpin_user_pages(&page_list[i],
							 pinned - i);
					goto out;
				}
				map_pfn = this_pfn;
				iova += csize;
			}
			last_pfn = this_pfn;
		}
		cur_base += PFN_PHYS(pinned);
		npages -= pinned;
	}
	ret = vhost_vdpa_map(v, iova, PFN_PHYS(last_pfn - map_pfn + 1),
			     PFN_PHYS(map_pfn));
out:
	if (ret) {
		if (last_pfn) {
			unsigned long pfn;

			for (pfn = map_pfn; pfn <= last_pfn; pfn++)
				unpin_user_page(pfn_to_page(pfn));
		}
		vhost_vdpa_unmap(v, start, size);
	}
	free_page((unsigned long)page_list); /* { dg-bogus "leak" } */
	return ret;
}
