/*
 * Reduced from Linux 6.12 kernel/events/uprobes.c, uprobe_write_opcode()
 * and its static helper __replace_page().  The caller takes old_page with
 * get_user_page_vma_remote() and puts it once, at 'put_old', whatever
 * __replace_page() did.  The helper unmaps old_page from the page table
 * and drops the reference that the page table's mapping held, with
 * folio_put() on page_folio(old_page): a reference of the same folio, but
 * not the caller's.  It does so only where the mapping was found: it
 * returns early when charging the new folio fails or when the page is no
 * longer mapped (-EAGAIN, and the caller retries).  So __replace_page() is
 * no release of its page parameter, and the caller's put_page() is the
 * first and only release of its reference.
 */
#include "pin-api.h"

#define EAGAIN		11
#define FOLL_FORCE	0x10
#define PAGE_MASK	(~(PAGE_SIZE - 1))

struct page_vma_mapped_walk {
	unsigned long pfn;
	struct vm_area_struct *vma;
	unsigned long address;
	unsigned long *pte;
};

/* include/linux/memcontrol.h, rmap.h, pagemap.h, swap.h, mm.h: no rules */
int mem_cgroup_charge(struct folio *folio, struct mm_struct *mm, gfp_t gfp);
void folio_lock(struct folio *folio);
void folio_unlock(struct folio *folio);
void folio_get(struct folio *folio);
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);
void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw);
void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address);
void folio_remove_rmap_pte(struct folio *folio, struct page *page,
			   struct vm_area_struct *vma);
bool folio_mapped(struct folio *folio);
bool folio_free_swap(struct folio *folio);
void ptep_clear_flush(struct vm_area_struct *vma, unsigned long address,
		      unsigned long *ptep);
void set_pte_at(struct mm_struct *mm, unsigned long addr, unsigned long *ptep,
		unsigned long pte);
unsigned long mk_pte(struct page *page);
struct page *alloc_page_vma(gfp_t gfp, struct vm_area_struct *vma,
			    unsigned long addr);
void copy_highpage(struct page *to, struct page *from);

/* 1 if the page at vaddr does not hold new_opcode yet: reads the page */
static int verify_opcode(struct page *page, unsigned long vaddr,
			 unsigned char *new_opcode)
{
	unsigned char *kaddr = kmap_local_page(page);
	unsigned char old_opcode = kaddr[vaddr & ~PAGE_MASK];

	kunmap_local(kaddr);
	return old_opcode != *new_opcode;
}

static int __replace_page(struct vm_area_struct *vma, unsigned long addr,
			  struct page *old_page, struct page *new_page)
{
	struct folio *old_folio = page_folio(old_page);
	struct folio *new_folio;
	struct page_vma_mapped_walk pvmw = {
		.vma = vma,
		.address = addr,
	};
	int err;

	if (new_page) {
		new_folio = page_folio(new_page);
		err = mem_cgroup_charge(new_folio, (struct mm_struct *)0, GFP_KERNEL);
		if (err)
			return err;
	}

	/* For folio_free_swap() below */
	folio_lock(old_folio);

	err = -EAGAIN;
	if (!page_vma_mapped_walk(&pvmw))
		goto unlock;

	if (new_page) {
		folio_get(new_folio);
		folio_add_new_anon_rmap(new_folio, vma, addr);
	}

	ptep_clear_flush(vma, addr, pvmw.pte);
	if (new_page)
		set_pte_at((struct mm_struct *)0, addr, pvmw.pte, mk_pte(new_page));

	folio_remove_rmap_pte(old_folio, old_page, vma);
	if (!folio_mapped(old_folio))
		folio_free_swap(old_folio);
	page_vma_mapped_walk_done(&pvmw);
	/* the page table's reference, not the caller's */
	folio_put(old_folio);

	err = 0;
unlock:
	folio_unlock(old_folio);
	return err;
}

int uprobe_write_opcode(struct mm_struct *mm, unsigned long vaddr,
			unsigned char opcode)
{
	struct page *old_page, *new_page;
	struct vm_area_struct *vma;
	unsigned int gup_flags = FOLL_FORCE;
	int ret;

retry:
	/* Read the page with vaddr into memory */
	old_page = get_user_page_vma_remote(mm, vaddr, gup_flags, &vma);
	if (IS_ERR(old_page))
		return PTR_ERR(old_page);

	ret = verify_opcode(old_page, vaddr, &opcode);
	if (ret <= 0)
		goto put_old;

	ret = -ENOMEM;
	new_page = alloc_page_vma(GFP_KERNEL, vma, vaddr);
	if (!new_page)
		goto put_old;

	copy_highpage(new_page, old_page);

	ret = __replace_page(vma, vaddr & PAGE_MASK, old_page, new_page);
	if (new_page)
		put_page(new_page);
put_old:
	put_page(old_page); /* { dg-bogus "double release" } */

	if (unlikely(ret == -EAGAIN))
		goto retry;

	return ret;
}
