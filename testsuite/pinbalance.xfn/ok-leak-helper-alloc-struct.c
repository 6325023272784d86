/*
 * A buffer map made by a helper of the file (orangefs_bufmap_alloc()'s
 * shape), its short pin unpinned before the map is freed; the map handed
 * to the caller on success: nothing to say.  A helper that also puts the
 * map on a list is no allocator, and the map then is not the setup's.
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
		unpin_user_pages(map->page_array, pinned);
		kfree(map->page_array);
		kfree(map);
		return -ENOMEM; /* { dg-bogus "leak" } */
	}
	*out = map;
	return 0; /* { dg-bogus "leak" } */
}

struct xmap_list {
	struct xmap *maps[4];
	int n;
};
static struct xmap_list all_maps;

/* keeps every map it makes: the caller's pages are not the caller's alone */
static struct xmap *xmap_alloc_listed(int count)
{
	struct xmap *map = xmap_alloc(count);

	if (map)
		all_maps.maps[all_maps.n++] = map;
	return map;
}

int xmap_setup_listed(unsigned long uaddr, int count)
{
	struct xmap *map = xmap_alloc_listed(count);

	if (!map)
		return -ENOMEM;
	if (pin_user_pages_fast(uaddr, count, FOLL_WRITE | FOLL_LONGTERM, map->page_array) != count)
		return -EFAULT; /* { dg-bogus "leak" } */
	return 0; /* { dg-bogus "leak" } */
}
