/*
 * A buffer map made by a helper of the file (orangefs_bufmap_alloc()'s
 * shape: kzalloc() the struct and its page array, free both on failure):
 * the helper is an allocator, so the map is the setup function's own.
 * A short pin freed with the map, without unpinning, leaks.
 */
#include "driver-api.h"

struct xmap {
	int count;
	struct page **page_array;
};

static struct xmap *xmap_alloc(int count)
{
	struct xmap *map = kzalloc(sizeof(*map), GFP_KERNEL);

	if (!map)
		goto out;
	map->count = count;
	map->page_array = kcalloc(count, sizeof(struct page *), GFP_KERNEL);
	if (!map->page_array)
		goto out_free_map;
	return map;
out_free_map:
	kfree(map);
out:
	return NULL;
}

int xmap_setup(unsigned long uaddr, int count, struct xmap **out)
{
	struct xmap *map = xmap_alloc(count);
	int pinned;

	if (!map)
		return -ENOMEM;
	pinned = pin_user_pages_fast(uaddr, count, FOLL_WRITE | FOLL_LONGTERM, map->page_array);
	if (pinned < 0) {
		kfree(map->page_array);
		kfree(map);
		return pinned;
	}
	if (pinned != count) {
		kfree(map->page_array); /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'" } */
		kfree(map);
		return -ENOMEM;
	}
	*out = map;
	return 0;
}
