/*
 * As drivers/virt/acrn/ioreq.c's acrn_ioreq_init() without its unpin on
 * the failing hypercall: the page was stored into the caller's 'vm'
 * before the hypercall, and the error return leaves it there, pinned,
 * with 'vm->ioreq_buf' cleared, so the teardown will not unpin it either.
 */
#include "driver-api.h"

typedef unsigned short u16;
typedef unsigned long long u64;

u64 page_to_phys(struct page *page);
u64 virt_to_phys(void *addr);

struct acrn_vm {
	u16 vmid;
	void *ioreq_buf;
	struct page *ioreq_page;
};

struct acrn_ioreq_buffer {
	u64 ioreq_buf;
};

int hcall_set_ioreq_buffer(u64 vmid, u64 buffer);

int acrn_ioreq_init(struct acrn_vm *vm, u64 buf_vma)
{
	struct acrn_ioreq_buffer *set_buffer;
	struct page *page;
	int ret;

	if (vm->ioreq_buf)
		return -EBUSY;

	set_buffer = kzalloc(sizeof(*set_buffer), GFP_KERNEL);
	if (!set_buffer)
		return -ENOMEM;

	ret = pin_user_pages_fast(buf_vma, 1,
				  FOLL_WRITE | FOLL_LONGTERM, &page);
	if (unlikely(ret != 1) || !page) {
		dev_err(NULL, "Failed to pin ioreq page!\n");
		ret = -EFAULT;
		goto free_buf;
	}

	vm->ioreq_buf = page_address(page);
	vm->ioreq_page = page;
	set_buffer->ioreq_buf = page_to_phys(page);
	ret = hcall_set_ioreq_buffer(vm->vmid, virt_to_phys(set_buffer));
	if (ret < 0) {
		dev_err(NULL, "Failed to init ioreq buffer!\n");
		vm->ioreq_buf = NULL;
		goto free_buf;
	}

	ret = 0;
free_buf:
	kfree(set_buffer);
	return ret; /* { dg-warning "leak of pages pinned by 'pin_user_pages_fast': the function fails with them in the memory of its caller" } */
}
