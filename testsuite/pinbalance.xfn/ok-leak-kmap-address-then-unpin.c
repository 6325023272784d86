/*
 * The kernel address of the pinned page's contents goes to a decoding
 * function the plugin does not know; an address hands nothing over (point
 * 3b), and the page is unpinned on the rejecting path and on success: no
 * leak.
 */
#include "driver-api.h"

struct vpu_cmd_desc {
	unsigned int opcode;
	unsigned int len;
};
#define VPU_CMD_MAX_LEN	256

void vpu_decode_cmd(struct vpu_cmd_desc *desc, const void *raw);
int vpu_queue_cmd(const struct vpu_cmd_desc *desc);

int vpu_submit_user_cmd(unsigned long uaddr)
{
	struct vpu_cmd_desc desc;
	struct page *page;
	void *vaddr;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);
	if (ret != 1)
		return -EFAULT;
	vaddr = kmap_local_page(page);
	vpu_decode_cmd(&desc, (unsigned char *)vaddr + offset_in_page(uaddr));
	kunmap_local(vaddr);
	unpin_user_page(page);
	if (desc.len > VPU_CMD_MAX_LEN)
		return -EINVAL; /* { dg-bogus "leak" } */
	return vpu_queue_cmd(&desc);
}
