/*
 * The buffer map setup of leak-failing-caller-view-table.c, unpinning
 * before it fails: nothing is left to its caller on an error, and the
 * descriptors it builds only point into the map's own array, so it is an
 * acquire for its callers, pinning into 'map->page_array'.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "acquire xbuf_map_pages kind=pin pages=arg1->page_array count=status\t# \[^\n\]*ok-leak-failing-caller-view-table.c:\[0-9\]+" } */
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
		{ unpin_user_pages(map->page_array, map->page_count); return -EINVAL; } /* { dg-bogus "leak" } */
	return 0;
}
