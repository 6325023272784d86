/*
 * fs/orangefs/orangefs-bufmap.c as it is (leak-helper-free-struct-bufmap.c
 * is the bug): when a bufmap is already installed, the initialization
 * unpins the pages with orangefs_bufmap_unmap() before
 * orangefs_bufmap_free() frees the struct that held them; when the map
 * fails it frees the bufmap alone, the map having unpinned a short pin
 * itself; on success the bufmap is installed in a global.
 */
/* { dg-options "-O2 -fplugin-arg-pinbalance-summaries" } */
/* { dg-regexp "free orangefs_bufmap_free buffer=arg1\t# \[^\n\]*ok-leak-helper-free-struct-bufmap.c:\[0-9\]+" } */
/* { dg-regexp "acquire orangefs_bufmap_map kind=pin pages=arg1->page_array count=status\t# \[^\n\]*ok-leak-helper-free-struct-bufmap.c:\[0-9\]+" } */
/* { dg-regexp "release orangefs_bufmap_unmap kind=pin pages=arg1->page_array count=arg1->page_count\t# \[^\n\]*ok-leak-helper-free-struct-bufmap.c:\[0-9\]+" } */
/* { dg-regexp "alloc orangefs_bufmap_alloc\t# \[^\n\]*ok-leak-helper-free-struct-bufmap.c:\[0-9\]+" } */
#include "driver-api.h"

struct spinlock {
	int locked;
};
void spin_lock(struct spinlock *lock);
void spin_unlock(struct spinlock *lock);
void gossip_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void flush_dcache_page(struct page *page);

struct orangefs_dev_map_desc {
	void __user *ptr;
	int total_size;
	int size;
	int count;
};

struct orangefs_bufmap_desc {
	void __user *uaddr;
	struct page **page_array;
	int array_count;
};

static struct orangefs_bufmap {
	int desc_size;
	int desc_count;
	int total_size;
	int page_count;
	struct page **page_array;
	struct orangefs_bufmap_desc *desc_array;
} *__orangefs_bufmap;

static struct spinlock orangefs_bufmap_lock;

static void orangefs_bufmap_unmap(struct orangefs_bufmap *bufmap)
{
	unpin_user_pages(bufmap->page_array, bufmap->page_count);
}

static void orangefs_bufmap_free(struct orangefs_bufmap *bufmap)
{
	kfree(bufmap->page_array);
	kfree(bufmap->desc_array);
	kfree(bufmap);
}

static struct orangefs_bufmap *
orangefs_bufmap_alloc(struct orangefs_dev_map_desc *user_desc)
{
	struct orangefs_bufmap *bufmap;

	bufmap = kzalloc(sizeof(*bufmap), GFP_KERNEL);
	if (!bufmap)
		goto out;
	bufmap->total_size = user_desc->total_size;
	bufmap->desc_count = user_desc->count;
	bufmap->desc_size = user_desc->size;
	bufmap->desc_array = kcalloc(bufmap->desc_count,
				     sizeof(struct orangefs_bufmap_desc),
				     GFP_KERNEL);
	if (!bufmap->desc_array)
		goto out_free_bufmap;
	bufmap->page_count = bufmap->total_size / PAGE_SIZE;
	bufmap->page_array = kcalloc(bufmap->page_count,
				     sizeof(struct page *), GFP_KERNEL);
	if (!bufmap->page_array)
		goto out_free_desc_array;
	return bufmap;

out_free_desc_array:
	kfree(bufmap->desc_array);
out_free_bufmap:
	kfree(bufmap);
out:
	return NULL;
}

static int orangefs_bufmap_map(struct orangefs_bufmap *bufmap,
			       struct orangefs_dev_map_desc *user_desc)
{
	int pages_per_desc = bufmap->desc_size / PAGE_SIZE;
	int offset = 0, ret, i;

	ret = pin_user_pages_fast((unsigned long)user_desc->ptr,
				  bufmap->page_count, FOLL_WRITE,
				  bufmap->page_array);
	if (ret < 0)
		return ret;
	if (ret != bufmap->page_count) {
		gossip_err("orangefs error: asked for %d pages, only got %d.\n",
			   bufmap->page_count, ret);
		for (i = 0; i < ret; i++)
			unpin_user_page(bufmap->page_array[i]);
		return -ENOMEM;
	}
	for (i = 0; i < bufmap->page_count; i++)
		flush_dcache_page(bufmap->page_array[i]);
	for (offset = 0, i = 0; i < bufmap->desc_count; i++) {
		bufmap->desc_array[i].page_array = &bufmap->page_array[offset];
		bufmap->desc_array[i].array_count = pages_per_desc;
		bufmap->desc_array[i].uaddr =
			(user_desc->ptr + (i * pages_per_desc * PAGE_SIZE));
		offset += pages_per_desc;
	}
	return 0;
}

int orangefs_bufmap_initialize(struct orangefs_dev_map_desc *user_desc)
{
	struct orangefs_bufmap *bufmap;
	int ret = -EINVAL;

	if (user_desc->total_size != user_desc->size * user_desc->count)
		goto out;
	ret = -ENOMEM;
	bufmap = orangefs_bufmap_alloc(user_desc);
	if (!bufmap)
		goto out;
	ret = orangefs_bufmap_map(bufmap, user_desc);
	if (ret)
		goto out_free_bufmap;
	spin_lock(&orangefs_bufmap_lock);
	if (__orangefs_bufmap) {
		spin_unlock(&orangefs_bufmap_lock);
		gossip_err("orangefs: error: bufmap already initialized.\n");
		ret = -EINVAL;
		goto out_unmap_bufmap;
	}
	__orangefs_bufmap = bufmap;
	spin_unlock(&orangefs_bufmap_lock);
	return 0;

out_unmap_bufmap:
	orangefs_bufmap_unmap(bufmap);
out_free_bufmap:
	orangefs_bufmap_free(bufmap); /* { dg-bogus "leak" } */
out:
	return ret;
}

void orangefs_bufmap_run_down(void)
{
	struct orangefs_bufmap *bufmap = __orangefs_bufmap;

	if (!bufmap)
		return;
	spin_lock(&orangefs_bufmap_lock);
	__orangefs_bufmap = NULL;
	spin_unlock(&orangefs_bufmap_lock);
	orangefs_bufmap_unmap(bufmap);
	orangefs_bufmap_free(bufmap);
}
