/*
 * The kernel address of a pinned page's contents (kmap_local_page() plus
 * an offset) is passed to a decoding function the plugin does not know.
 * An address hands no page over (point 3b): when the decoded descriptor
 * is rejected, the return leaks the pinned page.
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

	ret = pin_user_pages_fast(uaddr, 1, 0, &page); /* { dg-message "\\(1\\) \[^\n\]*here by 'pin_user_pages_fast'" } */
	if (ret != 1)
		return -EFAULT;
	vaddr = kmap_local_page(page);
	vpu_decode_cmd(&desc, (unsigned char *)vaddr + offset_in_page(uaddr));
	kunmap_local(vaddr);
	if (desc.len > VPU_CMD_MAX_LEN)
		return -EINVAL; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast'; release them with 'unpin_user_page' \\\[pinbalance-leak\\\]" } */
	unpin_user_page(page);
	return vpu_queue_cmd(&desc);
}
