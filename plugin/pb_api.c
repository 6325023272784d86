// SPDX-License-Identifier: GPL-2.0
/*
 * pb_api.c - the API model: what each known kernel function does to pages.
 *
 * The model is a table of rules (struct pb_rule).  Everything else in the
 * plugin asks this file "what does a call to FNDECL do", so no other file
 * names a kernel function.  Lookups go through a hash table keyed on the
 * function's identifier, so a call to an unrelated function costs one
 * pointer hash.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

#define ACQ(n, k, sh, cnt, pa, ca, fo, cond)				\
	{ n, PB_ROLE_ACQUIRE, k, sh, cnt, pa, ca, fo, cond, false, 0,	\
	  "<built-in>", __LINE__ }
#define REL(n, k, sh, pa, ca, fo, pref)					\
	{ n, PB_ROLE_RELEASE, k, sh, PB_COUNT_RETURN, pa, ca, fo, false,	\
	  pref, 0, "<built-in>", __LINE__ }
#define USE(n, role, pa)						\
	{ n, role, PB_PIN, PB_SHAPE_PAGE, PB_COUNT_RETURN, pa, 0, false,	\
	  false, false, 0, "<built-in>", __LINE__ }
#define TEST(n, code)							\
	{ n, PB_ROLE_TEST, PB_PIN, PB_SHAPE_PAGE, PB_COUNT_RETURN, 1, 0,	\
	  false, false, false, code, "<built-in>", __LINE__ }

/* Linux 6.12: include/linux/mm.h, mm/gup.c, include/linux/uio.h. */
static const struct pb_rule pb_builtin_rules[] = {
	ACQ("pin_user_pages", PB_PIN, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 4, 2, false, false),
	ACQ("pin_user_pages_fast", PB_PIN, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 4, 2, false, false),
	ACQ("pin_user_pages_remote", PB_PIN, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 5, 3, false, false),
	ACQ("pin_user_pages_unlocked", PB_PIN, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 3, 2, false, false),
	ACQ("memfd_pin_folios", PB_PIN, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 4, 5, true, false),
	ACQ("iov_iter_extract_pages", PB_PIN, PB_SHAPE_ARRAY_PTR, PB_COUNT_BYTES, 2, 0, false, true),
	ACQ("get_user_pages", PB_GET, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 4, 2, false, false),
	ACQ("get_user_pages_fast", PB_GET, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 4, 2, false, false),
	ACQ("get_user_pages_fast_only", PB_GET, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 4, 2, false, false),
	ACQ("get_user_pages_remote", PB_GET, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 5, 3, false, false),
	ACQ("get_user_pages_unlocked", PB_GET, PB_SHAPE_ARRAY, PB_COUNT_RETURN, 3, 2, false, false),
	ACQ("get_user_page_vma_remote", PB_GET, PB_SHAPE_PAGE, PB_COUNT_ONE, 0, 0, false, false),

	REL("unpin_user_page", PB_PIN, PB_SHAPE_PAGE, 1, 0, false, true),
	REL("unpin_user_pages", PB_PIN, PB_SHAPE_ARRAY, 1, 2, false, true),
	REL("unpin_user_pages_dirty_lock", PB_PIN, PB_SHAPE_ARRAY, 1, 2, false, false),
	REL("unpin_user_page_range_dirty_lock", PB_PIN, PB_SHAPE_RANGE, 1, 2, false, false),
	REL("unpin_folio", PB_PIN, PB_SHAPE_PAGE, 1, 0, true, true),
	REL("unpin_folios", PB_PIN, PB_SHAPE_ARRAY, 1, 2, true, true),
	REL("put_page", PB_GET, PB_SHAPE_PAGE, 1, 0, false, true),
	REL("folio_put", PB_GET, PB_SHAPE_PAGE, 1, 0, true, true),
	REL("release_pages", PB_GET, PB_SHAPE_ARRAY, 1, 2, false, true),

	/* page_folio() and compound_head() expand to _compound_head(). */
	USE("_compound_head", PB_ROLE_DERIVE, 1),
	USE("compound_head", PB_ROLE_DERIVE, 1),
	USE("page_folio", PB_ROLE_DERIVE, 1),
	USE("folio_page", PB_ROLE_DERIVE, 1),
	USE("nth_page", PB_ROLE_DERIVE, 1),

	USE("set_page_dirty", PB_ROLE_BORROW, 1),
	USE("set_page_dirty_lock", PB_ROLE_BORROW, 1),
	USE("folio_mark_dirty", PB_ROLE_BORROW, 1),
	USE("folio_mark_dirty_lock", PB_ROLE_BORROW, 1),
	USE("page_address", PB_ROLE_BORROW, 1),
	USE("lowmem_page_address", PB_ROLE_BORROW, 1),
	USE("kmap", PB_ROLE_BORROW, 1),
	USE("kunmap", PB_ROLE_BORROW, 1),
	USE("kmap_local_page", PB_ROLE_BORROW, 1),
	USE("kmap_atomic", PB_ROLE_BORROW, 1),
	USE("flush_dcache_page", PB_ROLE_BORROW, 1),
	USE("PageHighMem", PB_ROLE_BORROW, 1),
	USE("PageReserved", PB_ROLE_BORROW, 1),
	USE("PageCompound", PB_ROLE_BORROW, 1),
	USE("page_to_nid", PB_ROLE_BORROW, 1),
	USE("lock_page", PB_ROLE_BORROW, 1),
	USE("unlock_page", PB_ROLE_BORROW, 1),

	USE("kfree", PB_ROLE_FREE, 1),
	USE("kvfree", PB_ROLE_FREE, 1),
	USE("vfree", PB_ROLE_FREE, 1),
	USE("kfree_sensitive", PB_ROLE_FREE, 1),

	USE("kmalloc_array", PB_ROLE_ALLOC, 0),
	USE("kcalloc", PB_ROLE_ALLOC, 0),
	USE("kmalloc", PB_ROLE_ALLOC, 0),
	USE("kzalloc", PB_ROLE_ALLOC, 0),
	USE("kvmalloc_array", PB_ROLE_ALLOC, 0),
	USE("kvcalloc", PB_ROLE_ALLOC, 0),
	USE("kvmalloc", PB_ROLE_ALLOC, 0),
	USE("kvzalloc", PB_ROLE_ALLOC, 0),
	USE("vmalloc", PB_ROLE_ALLOC, 0),
	USE("vzalloc", PB_ROLE_ALLOC, 0),

	/* IS_ERR(p) is "p < 0" for an ERR_PTR; IS_ERR_OR_NULL(p) "p <= 0". */
	TEST("IS_ERR", LT_EXPR),
	TEST("IS_ERR_OR_NULL", LE_EXPR),
	TEST("IS_ERR_VALUE", LT_EXPR),

	/* 'return ERR_PTR(ret)' joins the array in a PHI: not an array */
	USE("ERR_PTR", PB_ROLE_ERR_PTR, 0),
	USE("ERR_CAST", PB_ROLE_ERR_PTR, 0),
};

static htab_t pb_rule_table;

static hashval_t pb_rule_hash(const void *p)
{
	const struct pb_rule *rule = (const struct pb_rule *)p;

	return htab_hash_pointer(get_identifier(rule->name));
}

static int pb_rule_eq(const void *p, const void *ident)
{
	const struct pb_rule *rule = (const struct pb_rule *)p;

	return get_identifier(rule->name) == (const_tree)ident;
}

void pb_api_init(void)
{
	size_t i;

	pb_rule_table = htab_create(2 * ARRAY_SIZE(pb_builtin_rules),
				    pb_rule_hash, pb_rule_eq, NULL);
	for (i = 0; i < ARRAY_SIZE(pb_builtin_rules); i++) {
		const struct pb_rule *rule = &pb_builtin_rules[i];
		tree ident = get_identifier(rule->name);
		void **slot;

		slot = htab_find_slot_with_hash(pb_rule_table, ident,
						htab_hash_pointer(ident), INSERT);
		*slot = (void *)rule;
	}
}

const struct pb_rule *pb_api_lookup(tree fndecl)
{
	tree ident;

	if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !pb_rule_table)
		return NULL;
	ident = DECL_NAME(fndecl);
	if (!ident)
		return NULL;
	return (const struct pb_rule *)htab_find_with_hash(pb_rule_table, ident,
						htab_hash_pointer(ident));
}

/* The release a message should recommend for pages of KIND. */
const struct pb_rule *pb_api_suggest_release(enum pb_ref_kind kind,
					     bool folio, bool single)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pb_builtin_rules); i++) {
		const struct pb_rule *rule = &pb_builtin_rules[i];

		if (rule->role != PB_ROLE_RELEASE || !rule->preferred)
			continue;
		if (rule->kind != kind || rule->folio != folio)
			continue;
		if ((rule->shape == PB_SHAPE_PAGE) == single)
			return rule;
	}
	return NULL;
}

/*
 * A buffer this function allocates is its own until stored elsewhere.
 * Besides the rules, trust GCC's malloc attribute: the kernel's allocators
 * (kmalloc_array_noprof and friends in 6.12) carry __malloc.
 */
bool pb_api_makes_err_ptr(tree fndecl)
{
	const struct pb_rule *rule = pb_api_lookup(fndecl);

	return rule && rule->role == PB_ROLE_ERR_PTR;
}

bool pb_api_is_alloc(tree fndecl)
{
	const struct pb_rule *rule = pb_api_lookup(fndecl);

	if (rule)
		return rule->role == PB_ROLE_ALLOC;
	return fndecl && TREE_CODE(fndecl) == FUNCTION_DECL &&
	       DECL_IS_MALLOC(fndecl);
}
