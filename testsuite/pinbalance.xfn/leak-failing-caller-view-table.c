/*
 * A buffer map's setup pins the user's buffer into the map's page array
 * and cuts it into descriptors, each pointing at its slice of that array
 * (as fs/orangefs's orangefs_bufmap_map() does): the descriptors are a
 * view of the array, not a new owner of its pages.  When the device then
 * refuses the layout, the setup fails with the pages still pinned in its
 * caller's map: by the kernel's convention a caller cleans up only what
 * a success gave it, so they leak.
 */
#include "driver-api.h"

struct xbuf_desc {
	void __user *uaddr;
	struct page **page_array;
	int array_count;
};

struct xbuf_map {
	int desc_count;
	int page_count;
	struct page **page_array;
	struct xbuf_desc *desc_array;
};

int xbuf_check_layout(struct xbuf_desc *descs, int count);

int xbuf_map_pages(struct xbuf_map *map, void __user *uaddr)
{
	int pages_per_desc = map->page_count / map->desc_count;
	int ret, i;

	ret = pin_user_pages_fast((unsigned long)uaddr, map->page_count,
				  FOLL_WRITE, map->page_array);
	if (ret < 0)
		return ret;
	if (ret != map->page_count) {
		unpin_user_pages(map->page_array, ret);
		return -ENOMEM;
	}
	for (i = 0; i < map->desc_count; i++) {
		map->desc_array[i].page_array =
			&map->page_array[i * pages_per_desc];
		map->desc_array[i].array_count = pages_per_desc;
		map->desc_array[i].uaddr = uaddr + i * pages_per_desc * PAGE_SIZE;
	}
	if (map->desc_count > 64)
		return -EINVAL; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'\[^\n\]*\\\[pinbalance-leak\\\]" } */
	return 0;
}
