// SPDX-License-Identifier: GPL-2.0
/*
 * pb_handover.c - which sites' pages an operand carries.
 *
 * Pages escape the function when something that reaches them is passed to
 * code the plugin cannot see, returned, or stored where it outlives the
 * call: the array or page pointer itself, a local struct that holds it
 * (its address passed on), or a value computed from a page that still
 * identifies it (its pfn or physical address).  This file answers, for an
 * operand, which sites' pages it carries; the state machine (pb_sm.c)
 * decides what that does to them.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* The object a memory cell belongs to: 'r' for 'r->pages', 'b' for 'b.pages'. */
static struct pb_val pb_cell_owner(struct pb_fn *fn, tree cell)
{
	struct pb_val none = { NULL_TREE, 0, false, 0 };

	while (cell && (TREE_CODE(cell) == COMPONENT_REF ||
			TREE_CODE(cell) == ARRAY_REF))
		cell = TREE_OPERAND(cell, 0);
	if (!cell)
		return none;
	if (TREE_CODE(cell) == MEM_REF)
		return pb_value_of(fn, TREE_OPERAND(cell, 0));
	if (DECL_P(cell))
		return pb_value_of_addr(fn, cell);
	return none;
}

static bool pb_same_object(struct pb_fn *fn, struct pb_val a, struct pb_val b)
{
	return a.key && b.key && a.level == b.level &&
	       pb_key_equal(fn, a.key, b.key);
}

/*
 * Is OBJ the object holding the site's array, so that passing OBJ on
 * passes the pages?  'xdp_umem_unpin_pages(umem)' after
 * 'umem->pgs = kvcalloc(...)' and pinning into umem->pgs.  AT_PIN: only
 * if the array was stored in OBJ on every path to the pin.
 */
static bool pb_site_held_by(struct pb_fn *fn, int site, struct pb_val obj,
			    bool at_pin)
{
	const struct pb_site *s = &fn->sites[site];
	tree key = s->container.key;
	int i;

	if (TREE_CODE(key) == COMPONENT_REF &&
	    pb_same_object(fn, pb_cell_owner(fn, key), obj))
		return true;
	if (at_pin && !dom_info_available_p(CDI_DOMINATORS))
		return false;
	for (i = 0; i < pb_value_nstores(fn); i++) {
		const struct pb_store *st = pb_value_store(fn, i);
		struct pb_val v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));

		if (!v.key || !pb_key_equal(fn, v.key, key) ||
		    !pb_same_object(fn, pb_cell_owner(fn, st->dest), obj))
			continue;
		if (!at_pin || dominated_by_p(CDI_DOMINATORS, gimple_bb(s->call),
					      gimple_bb(st->stmt)))
			return true;
	}
	return false;
}

/*
 * Is the site's array pointer kept in a field of OBJ, the struct a free
 * is given ('kfree(region)' with the pages in 'region->pages'), so that
 * the free loses the pages with it?
 */
bool pb_handover_array_in(struct pb_fn *fn, int site, struct pb_val obj)
{
	tree key = fn->sites[site].container.key;

	return TREE_CODE(key) == COMPONENT_REF &&
	       fn->sites[site].container.level == -1 &&
	       pb_same_object(fn, pb_cell_owner(fn, key), obj);
}

/*
 * Sites whose pages a pointer value V reaches, directly or as a local
 * variable (or field of one) that holds them, or as a member of the
 * struct holding them: 'list_add(&buf->node, ...)' hands over the struct
 * whose 'buf->pages' the site pinned into.  Through a member, only an
 * array the struct held when it was pinned counts: 'req->page_list =
 * page_list' on the success path does not make 'kref_put(&req->refcount,
 * ...)' on the failure path take the pages.
 */
static unsigned int pb_sites_of_value(struct pb_fn *fn, struct pb_val v)
{
	unsigned int sites = 0;
	tree decl;
	int i;

	if (!v.key)
		return 0;
	decl = TREE_CODE(v.key) == SSA_NAME ? NULL_TREE : pb_key_base_decl(v.key);
	for (i = 0; i < fn->nsites; i++) {
		tree key = fn->sites[i].container.key;

		if (pb_key_equal(fn, v.key, key) ||
		    (decl && pb_key_base_decl(key) == decl) ||
		    (v.level == 0 && pb_site_held_by(fn, i, v, false)) ||
		    (v.level == 0 && TREE_CODE(v.key) == COMPONENT_REF &&
		     pb_site_held_by(fn, i, pb_cell_owner(fn, v.key), true)))
			sites |= 1u << i;
	}
	return sites;
}

/* Arithmetic that keeps a page's identity: page_to_pfn() is
 * '(page - vmemmap)', page_to_phys() shifts that, and so on. */
static bool pb_code_derives(enum tree_code code)
{
	switch (code) {
	case POINTER_DIFF_EXPR:
	case POINTER_PLUS_EXPR:
	case PLUS_EXPR:
	case MINUS_EXPR:
	case MULT_EXPR:
	case LSHIFT_EXPR:
	case RSHIFT_EXPR:
	case BIT_AND_EXPR:
	case BIT_IOR_EXPR:
	case EXACT_DIV_EXPR:
	case TRUNC_DIV_EXPR:
	CASE_CONVERT:
		return true;
	default:
		return false;
	}
}

/*
 * Is OP, through its conversions, an integer narrower than a pointer read
 * from memory: 'ret = bio.bi_iter.bi_size' of a bio that holds pages?  A
 * field beside the pages, not one of them: a page's address or its pfn is
 * kept at a pointer's width.
 */
static bool pb_narrow_load(tree op)
{
	int depth;

	for (depth = 0; depth < 4 && op && TREE_CODE(op) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(op);
		tree type = TREE_TYPE(op);

		if (!is_gimple_assign(def))
			return false;
		if (INTEGRAL_TYPE_P(type) && TYPE_PRECISION(type) < POINTER_SIZE &&
		    gimple_assign_load_p(def))
			return true;
		if (!CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))
			return false;
		op = gimple_assign_rhs1(def);
	}
	return false;
}

/*
 * Sites whose pages OP carries, also through values computed from a page
 * (its pfn or physical address) and, when CONTENTS, through the address
 * of its contents (page_address(), kmap*()): storing those, or passing
 * them on, hands the pages over as surely as the page pointer itself.
 */
static unsigned int pb_sites_carried(struct pb_fn *fn, tree op, int depth,
				     bool contents)
{
	unsigned int sites;
	gimple *def;
	unsigned int i;

	if (pb_narrow_load(op))
		return 0;
	sites = pb_sites_of_value(fn, pb_value_of(fn, op));
	if (!op || TREE_CODE(op) != SSA_NAME || depth <= 0)
		return sites;
	def = SSA_NAME_DEF_STMT(op);
	if (is_gimple_assign(def) &&
	    pb_code_derives(gimple_assign_rhs_code(def))) {
		for (i = 1; i < gimple_num_ops(def); i++)
			sites |= pb_sites_carried(fn, gimple_op(def, i), depth - 1,
						  contents);
	} else if (gphi *phi = dyn_cast<gphi *>(def)) {
		/* a pfn kept round a loop ('map_pfn = this_pfn' in
		 * vhost_vdpa_pa_map()): whatever any path brings; the depth
		 * ends the cycles */
		if (!POINTER_TYPE_P(TREE_TYPE(op)))
			for (i = 0; i < gimple_phi_num_args(phi); i++)
				sites |= pb_sites_carried(fn,
						gimple_phi_arg_def(phi, i),
						depth - 1, contents);
	} else if (contents && is_gimple_call(def)) {
		const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(def));

		/* page_address(page) and friends: an address of the page
		 * carries it; a number (page_to_nid) or a flag does not */
		if (rule && rule->role == PB_ROLE_BORROW &&
		    rule->shape == PB_SHAPE_PAGE &&
		    POINTER_TYPE_P(TREE_TYPE(op)) &&
		    gimple_call_num_args(def) >= (unsigned int)rule->pages_arg)
			sites |= pb_sites_carried(fn, gimple_call_arg(def,
							rule->pages_arg - 1),
						  depth - 1, contents);
	}
	return sites;
}

#define PB_DERIVE_DEPTH 6

/* The sites whose pages OP carries out of the function when it is
 * returned: the caller may keep even the address of their contents. */
unsigned int pb_handover_operand_sites(struct pb_fn *fn, tree op)
{
	return pb_sites_carried(fn, op, PB_DERIVE_DEPTH, true);
}

/*
 * The sites whose pages OP carries into a call or an asm.  The address of
 * a page's contents ('kaddr + off' after 'kaddr = kmap_local_page(page)')
 * is a use of the page, not the page: copy_to_user() or a bit operation
 * on it takes nothing over.  The page itself, or its pfn, does.
 */
unsigned int pb_handover_argument_sites(struct pb_fn *fn, tree op)
{
	return pb_sites_carried(fn, op, PB_DERIVE_DEPTH, false);
}

/*
 * Is the store into DEST of RHS, the array of the site (or a position in
 * it), a view of the array kept by the object whose field holds it:
 * 'bufmap->desc_array[i].page_array = &bufmap->page_array[offset]' in
 * fs/orangefs, DEST in that struct or in memory one of its fields (or a
 * field of that) points to?  Whoever releases the object's array
 * releases those pages: they stay where they were.
 */
static bool pb_store_is_view(struct pb_fn *fn, int site, tree rhs, tree dest)
{
	const struct pb_site *s = &fn->sites[site];
	struct pb_val v = pb_value_of(fn, rhs);
	struct pb_val holder, at;
	int steps;

	if (!s->container.key || TREE_CODE(s->container.key) != COMPONENT_REF ||
	    s->container.level != -1 || !v.key ||
	    !pb_key_equal(fn, v.key, s->container.key) ||
	    v.level != s->container.level)
		return false;
	holder = pb_cell_owner(fn, s->container.key);
	at = pb_cell_owner(fn, dest);
	for (steps = 0; steps < 3 && at.key; steps++) {
		if (pb_same_object(fn, at, holder))
			return true;
		if (TREE_CODE(at.key) != COMPONENT_REF || at.level != -1)
			return false;
		at = pb_cell_owner(fn, at.key);
	}
	return false;
}

/*
 * The sites a store of pages, or of what identifies them, gives to memory
 * the function does not own: not a move within the pages' own array, nor
 * a copy in a local variable, nor a view of the array kept beside it.  A
 * local struct copied whole carries the pages stored into its fields.
 */
unsigned int pb_handover_store_sites(struct pb_fn *fn, gimple *stmt)
{
	tree lhs = gimple_assign_lhs(stmt), rhs;
	unsigned int sites;
	struct pb_val dest;
	int i;

	if (TREE_CODE(lhs) == SSA_NAME || !gimple_vdef(stmt) ||
	    !gimple_assign_single_p(stmt))
		return 0;
	rhs = gimple_assign_rhs1(stmt);
	sites = pb_sites_carried(fn, rhs, PB_DERIVE_DEPTH, true);
	/* 'bvecs[i] = bv' with the page in the local 'bv.bv_page' */
	if (AGGREGATE_TYPE_P(TREE_TYPE(rhs)) && TREE_CODE(rhs) != SSA_NAME)
		sites |= pb_sites_of_value(fn, pb_value_of_addr(fn, rhs));
	if (!sites)
		return 0;
	dest = pb_value_of_addr(fn, lhs);
	for (i = 0; i < fn->nsites; i++) {
		tree key = fn->sites[i].container.key;

		if (!(sites & (1u << i)))
			continue;
		/* moving pages within their own array */
		if (dest.key && pb_key_equal(fn, dest.key, key))
			sites &= ~(1u << i);
		/* a copy in a local variable: still ours */
		else if (dest.key && TREE_CODE(dest.key) != SSA_NAME &&
			 pb_key_is_local(fn, dest.key))
			sites &= ~(1u << i);
		else if (pb_store_is_view(fn, i, rhs, lhs))
			sites &= ~(1u << i);
	}
	return sites;
}

/* Does STMT, a store that hands pages over, write a parameter's struct? */
bool pb_handover_store_to_caller(struct pb_fn *fn, gimple *stmt)
{
	return pb_key_of_parameter(fn,
			pb_value_of_addr(fn, gimple_assign_lhs(stmt)).key);
}

/* ------------------------------------------------ a failing callee */

/* The value a test 'if (x)' stands on, unwrapped within its block:
 * 'unlikely(ret)', 'ret != 0', 'ret < 0'. */
static tree pb_tested_value(basic_block bb, tree op)
{
	int steps;

	for (steps = 0; steps < 4; steps++) {
		gimple *def;

		op = pb_strip_copies(op);
		if (!op || TREE_CODE(op) != SSA_NAME)
			return op;
		def = SSA_NAME_DEF_STMT(op);
		if (gimple_bb(def) != bb)
			return op;
		if (is_gimple_assign(def) &&
		    TREE_CODE_CLASS(gimple_assign_rhs_code(def)) == tcc_comparison)
			op = gimple_assign_rhs1(def);
		else if (gimple_call_builtin_p(def, BUILT_IN_EXPECT))
			op = gimple_call_arg(def, 0);
		else
			return op;
	}
	return op;
}

/* A test of RES against zero for its sign ('ret < 0'), in STMT. */
static bool pb_sign_test_of(gimple *stmt, tree res)
{
	enum tree_code code;
	tree other;

	if (gcond *cond = dyn_cast<gcond *>(stmt)) {
		code = gimple_cond_code(cond);
		other = gimple_cond_lhs(cond) == res ? gimple_cond_rhs(cond) :
						       gimple_cond_lhs(cond);
	} else if (is_gimple_assign(stmt) &&
		   TREE_CODE_CLASS(gimple_assign_rhs_code(stmt)) == tcc_comparison) {
		code = gimple_assign_rhs_code(stmt);
		other = gimple_assign_rhs1(stmt) == res ? gimple_assign_rhs2(stmt) :
							  gimple_assign_rhs1(stmt);
	} else {
		return false;
	}
	return integer_zerop(other) && (code == LT_EXPR || code == LE_EXPR ||
					code == GT_EXPR || code == GE_EXPR);
}

/*
 * Is RES, a call's result tested in BB, an error status: a pointer (NULL
 * or an ERR_PTR), a value tested for its sign, or one kept beyond the test
 * (returned, or read in another block: 'if (ret) goto out; ... out:
 * return ret;')?  An integer only tested against zero in its block is
 * not known to be one: 'if (!bio_add_hw_page(...))' fails on 0,
 * 'if (hw_try(pages, n))' on non-zero.
 */
static bool pb_result_is_status(tree res, basic_block bb, int depth)
{
	imm_use_iterator iter;
	use_operand_p use;

	if (POINTER_TYPE_P(TREE_TYPE(res)))
		return true;
	if (!INTEGRAL_TYPE_P(TREE_TYPE(res)) ||
	    TREE_CODE(TREE_TYPE(res)) == BOOLEAN_TYPE || depth > 4)
		return false;
	FOR_EACH_IMM_USE_FAST(use, iter, res) {
		gimple *stmt = USE_STMT(use);

		if (is_gimple_debug(stmt))
			continue;
		if (gimple_bb(stmt) != bb || gimple_code(stmt) == GIMPLE_PHI ||
		    gimple_code(stmt) == GIMPLE_RETURN || pb_sign_test_of(stmt, res))
			return true;
		if (is_gimple_assign(stmt) &&
		    (CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(stmt)) ||
		     gimple_assign_rhs_code(stmt) == SSA_NAME) &&
		    TREE_CODE(gimple_assign_lhs(stmt)) == SSA_NAME &&
		    pb_result_is_status(gimple_assign_lhs(stmt), bb, depth + 1))
			return true;
	}
	return false;
}

/*
 * The call to code without a rule whose result the branch ending BB
 * tests, as in 'ret = map_to_device(dev, pages, n); if (ret) goto unpin;'.
 * By the kernel's convention a call that fails has taken nothing over:
 * the pages it was given are handed over on the branch where it
 * succeeded (pb_cond.c), not at the call.  NULL if there is none.
 */
gcall *pb_handover_tested_call(basic_block bb)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(bb));
	gimple_stmt_iterator gsi;
	tree tested;

	if (!cond)
		return NULL;
	tested = pb_tested_value(bb, gimple_cond_lhs(cond));
	if (!tested || TREE_CODE(tested) != SSA_NAME)
		return NULL;
	for (gsi = gsi_last_bb(bb); !gsi_end_p(gsi); gsi_prev(&gsi)) {
		gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
		const struct pb_rule *rule;

		if (!call || gimple_call_internal_p(call) ||
		    gimple_call_builtin_p(call, BUILT_IN_EXPECT))
			continue;
		if (gimple_call_lhs(call) != tested)
			return NULL;
		rule = pb_api_lookup(gimple_call_fndecl(call));
		/* code without a rule (by the kernel's convention), or an
		 * owner whose rule says a failure leaves the pages */
		if (rule && (rule->role != PB_ROLE_OWNER || !rule->on_success))
			return NULL;
		return call;
	}
	return NULL;
}

/*
 * Does leaving BB, whose test is of CALL's result, through E mean that
 * CALL failed?  For an error status, when the comparison CMP (E's, with
 * 0) says so; for a result only tested ('if (!bio_add_hw_page(...))',
 * 'if (hw_try(pages, n))'), when E is the branch the test leads into:
 * the kernel writes such a test so that its body handles the failure.
 */
bool pb_handover_edge_says_failed(gcall *call, edge e, enum tree_code code)
{
	tree res = pb_tested_value(e->src, gimple_call_lhs(call));

	if (res && TREE_CODE(res) == SSA_NAME &&
	    !pb_result_is_status(res, e->src, 0))
		return e->flags & EDGE_TRUE_VALUE;
	if (POINTER_TYPE_P(TREE_TYPE(gimple_call_lhs(call))))
		return code == EQ_EXPR || code == LT_EXPR;
	return code == NE_EXPR || code == LT_EXPR || code == LE_EXPR;
}

/* Does CALL's hand-over wait for the test of its result? */
bool pb_handover_waits(gcall *call)
{
	return gimple_call_lhs(call) &&
	       pb_handover_tested_call(gimple_bb(call)) == call;
}

/*
 * The sites whose pages CALL's arguments carry (an owner's: its pages).
 * A function without a rule declared to only read an argument
 * (pb_api_arg_read_only()) is not given that argument's pages.
 */
unsigned int pb_handover_call_sites(struct pb_fn *fn, gcall *call)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	unsigned int sites = 0, i;

	if (rule && rule->role == PB_ROLE_OWNER && rule->pages_arg > 0 &&
	    pb_call_fits_rule(call, rule))
		return pb_handover_operand_sites(fn,
				gimple_call_arg(call, rule->pages_arg - 1));
	for (i = 0; i < gimple_call_num_args(call); i++)
		if (rule || !pb_api_arg_read_only(call, i))
			sites |= pb_handover_argument_sites(fn,
						gimple_call_arg(call, i));
	return sites;
}

/*
 * The sites a put ('kref_put(&req->refcount, dma_req_free)') hands over
 * with the struct it drops: those whose array a field of that struct
 * holds on every path to it, stored where the store dominates the put
 * and not written since.  The last reference's release function owns
 * them; a store on some paths only says nothing of the others.
 */
unsigned int pb_handover_put_sites(struct pb_fn *fn, gcall *put,
				   const struct pb_rule *rule)
{
	unsigned int sites = 0;
	tree ref;
	int i, s;

	if (rule->pages_arg < 1 ||
	    gimple_call_num_args(put) < (unsigned int)rule->pages_arg ||
	    !dom_info_available_p(CDI_DOMINATORS))
		return 0;
	ref = gimple_call_arg(put, rule->pages_arg - 1);
	for (i = 0; i < pb_value_nstores(fn); i++) {
		const struct pb_store *st = pb_value_store(fn, i);
		struct pb_val v;

		if (TREE_CODE(st->dest) != COMPONENT_REF ||
		    !pb_points_into_struct_of(fn, ref, st->dest) ||
		    !pb_stmt_dominates(st->stmt, put) ||
		    pb_cell_written_between(fn, st->dest, st->stmt, put, NULL))
			continue;
		v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));
		for (s = 0; s < fn->nsites; s++)
			if (v.key && !v.offset &&
			    v.level == fn->sites[s].container.level &&
			    pb_key_equal(fn, v.key, fn->sites[s].container.key))
				sites |= 1u << s;
	}
	return sites;
}
