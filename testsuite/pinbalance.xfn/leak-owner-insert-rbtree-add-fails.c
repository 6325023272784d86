/*
 * A region driver after drivers/fpga/dfl-afu-dma-region.c whose insertion
 * into the tree of regions fails when the range is already mapped
 * (afu_dma_region_add() returns -EEXIST before linking the region: an
 * owner on success only), and whose caller then frees the region without
 * unpinning it: the pages leak on that branch, reported; on success the
 * tree keeps them.
 */
#include "driver-api.h"

#define EEXIST		17
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
};

struct rb_root {
	struct rb_node *rb_node;
};

/* include/linux/rbtree.h */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);

struct dfl_afu {
	struct rb_root dma_regions;
};

struct dfl_feature_platform_data {
	struct mutex lock;
	struct device *dev;
	void *private;
};

static inline void *
dfl_fpga_pdata_get_private(struct dfl_feature_platform_data *pdata)
{
	return pdata->private;
}

struct dfl_afu_dma_region {
	unsigned long user_addr;
	unsigned long length;
	unsigned long iova;
	struct page **pages;
	struct rb_node node;
	bool in_use;
};

int account_locked_vm(unsigned long npages, bool inc);
struct dfl_afu_dma_region *
afu_dma_region_find(struct dfl_feature_platform_data *pdata,
		    unsigned long iova, unsigned long size);

static int afu_dma_pin_pages(struct dfl_feature_platform_data *pdata,
			     struct dfl_afu_dma_region *region)
{
	int npages = region->length >> PAGE_SHIFT;
	int ret, pinned;

	ret = account_locked_vm(npages, true);
	if (ret)
		return ret;
	region->pages = kcalloc(npages, sizeof(struct page *), GFP_KERNEL);
	if (!region->pages) {
		ret = -ENOMEM;
		goto unlock_vm;
	}
	pinned = pin_user_pages_fast(region->user_addr, npages, FOLL_WRITE,
				     region->pages);
	if (pinned < 0) {
		ret = pinned;
		goto free_pages;
	} else if (pinned != npages) {
		ret = -EFAULT;
		goto unpin_pages;
	}
	return 0;

unpin_pages:
	unpin_user_pages(region->pages, pinned);
free_pages:
	kfree(region->pages);
unlock_vm:
	account_locked_vm(npages, false);
	return ret;
}

static void afu_dma_unpin_pages(struct dfl_feature_platform_data *pdata,
				struct dfl_afu_dma_region *region)
{
	long npages = region->length >> PAGE_SHIFT;

	unpin_user_pages(region->pages, npages); /* { dg-bogus "mismatch|double|overcount" } */
	kfree(region->pages);
	account_locked_vm(npages, false);
}

static bool dma_region_check_iova(struct dfl_afu_dma_region *region,
				  unsigned long iova, unsigned long size)
{
	if (!size && region->iova != iova)
		return false;
	return region->iova <= iova &&
	       region->length + region->iova >= iova + size;
}

static int afu_dma_region_add(struct dfl_feature_platform_data *pdata,
			      struct dfl_afu_dma_region *region)
{
	struct dfl_afu *afu = dfl_fpga_pdata_get_private(pdata);
	struct rb_node **new, *parent = NULL;

	new = &afu->dma_regions.rb_node;
	while (*new) {
		struct dfl_afu_dma_region *this;

		this = container_of(*new, struct dfl_afu_dma_region, node);
		parent = *new;
		if (dma_region_check_iova(this, region->iova, region->length))
			return -EEXIST;
		if (region->iova < this->iova)
			new = &((*new)->rb_left);
		else if (region->iova > this->iova)
			new = &((*new)->rb_right);
		else
			return -EEXIST;
	}
	rb_link_node(&region->node, parent, new);
	rb_insert_color(&region->node, &afu->dma_regions);
	return 0;
}


int afu_dma_map_region(struct dfl_feature_platform_data *pdata,
		       unsigned long user_addr, unsigned long length)
{
	struct dfl_afu_dma_region *region;
	int ret;

	region = kzalloc(sizeof(*region), GFP_KERNEL);
	if (!region)
		return -ENOMEM;
	region->user_addr = user_addr;
	region->length = length;

	ret = afu_dma_pin_pages(pdata, region);
	if (ret)
		goto free_region;

	mutex_lock(&pdata->lock);
	ret = afu_dma_region_add(pdata, region);
	if (ret) {
		mutex_unlock(&pdata->lock);
		goto free_region;
	}
	mutex_unlock(&pdata->lock);
	return 0; /* { dg-bogus "leak" } */

free_region:
	kfree(region); /* { dg-warning "leak" } */
	return ret;
}
