// SPDX-License-Identifier: GPL-2.0
/*
 * pb_insert.c - owner by insertion: a helper that links the struct
 * holding its caller's pages into a container another parameter reaches
 * (a list, a tree) hands them to a long-lived owner.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/*
 * A helper that puts the struct holding its caller's pages into a
 * container another parameter reaches, as genwqe_add_pin(cfile, m) does
 * with 'list_add(&m->pin_list, &cfile->pin_list)', and
 * afu_dma_region_add(pdata, region) with 'rb_link_node(&region->node,
 * parent, new)' into the tree of 'pdata's private data: after the call
 * the container keeps the struct, and the pages in it, for whoever tears
 * it down.  The helper hands them to a long-lived owner: 'owner NAME
 * pages=argP', with 'on-success' when it inserts on the paths returning
 * 0 only and fails with an error before inserting.
 */

#define PB_LINK_DEPTH	4	/* calls of the unit's functions followed */
#define PB_LINK_MAX	8	/* links, and calls on the container */
#define PB_REACH_DEPTH	12

/* What following a struct pointer (and its members' addresses) found. */
struct pb_link_walk {
	function *fun;		/* the function walked */
	int param;		/* the parameter followed, 1, 2, ... */
	int depth;		/* calls of the unit's functions left */
	bool top;		/* FUN is the function summarised (cfun) */
	unsigned int into;	/* bit Q: linked into parameter Q's memory */
	gimple *links[PB_LINK_MAX];	/* top: where it was linked */
	int link_param[PB_LINK_MAX];	/* and into which parameter's */
	int nlinks;
	gcall *calls[PB_LINK_MAX];	/* top: code without a body given it */
	int ncalls;
	bitmap seen;		/* the SSA names followed */
};

static int pb_reached_param(function *fun, tree op, int depth, bitmap phis);

/* A function of the unit CALL calls, whose body was read (callees come
 * first): NULL for code without one, or a cycle. */
static function *pb_link_callee(gcall *call)
{
	function *callee = pb_callee_body(call);

	return callee == cfun ? NULL : callee;
}

/* The parameter whose memory the object REF lies in; 0, -1 (a cycle). */
static int pb_ref_reached_param(function *fun, tree ref, int depth,
				bitmap phis)
{
	tree base = get_base_address(ref);

	if (!base || TREE_CODE(base) != MEM_REF)
		return 0;
	return pb_reached_param(fun, TREE_OPERAND(base, 0), depth - 1, phis);
}

/* The parameter of the unit's function CALL calls whose memory every
 * return points into (an accessor: 'return pdata->private'), as the
 * parameter of FUN the argument given for it reaches; 0, -1. */
static int pb_accessor_reached(function *fun, gcall *call, int depth,
			       bitmap phis)
{
	function *callee = pb_link_callee(call);
	edge_iterator ei;
	edge e;
	int k = 0;

	if (!callee || depth <= 0)
		return 0;
	FOR_EACH_EDGE(e, ei, EXIT_BLOCK_PTR_FOR_FN(callee)->preds) {
		greturn *ret = safe_dyn_cast<greturn *>(last_stmt(e->src));
		bitmap seen;
		int p;

		if (!ret)
			return 0;
		seen = BITMAP_ALLOC(NULL);
		p = pb_reached_param(callee, gimple_return_retval(ret),
				     depth - 1, seen);
		BITMAP_FREE(seen);
		if (p <= 0 || (k && k != p))
			return 0;
		k = p;
	}
	if (!k || gimple_call_num_args(call) < (unsigned int)k)
		return 0;
	return pb_reached_param(fun, gimple_call_arg(call, k - 1), depth - 1,
				phis);
}

/*
 * The parameter (1, 2, ...) of FUN whose memory the pointer OP points
 * into: the parameter, a member's address in what it points to, what is
 * loaded from there, copies and casts of those, and what an accessor of
 * the unit returns of them ('afu = dfl_fpga_pdata_get_private(pdata);
 * new = &afu->dma_regions.rb_node', then '&(*new)->rb_left' round the
 * loop).  0 if none; -1 only round a cycle of PHIs (PHIS: those seen).
 */
static int pb_reached_param(function *fun, tree op, int depth, bitmap phis)
{
	enum tree_code code;
	gimple *def;

	if (!op || depth <= 0)
		return 0;
	if (TREE_CODE(op) == ADDR_EXPR)
		return pb_ref_reached_param(fun, TREE_OPERAND(op, 0), depth, phis);
	if (TREE_CODE(op) != SSA_NAME)
		return 0;
	if (SSA_NAME_IS_DEFAULT_DEF(op))
		return pb_param_index(fun, op);
	def = SSA_NAME_DEF_STMT(op);
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		int found = -1, p;
		unsigned int i;

		if (!bitmap_set_bit(phis, SSA_NAME_VERSION(op)))
			return -1;
		for (i = 0; i < gimple_phi_num_args(phi); i++) {
			p = pb_reached_param(fun, gimple_phi_arg_def(phi, i),
					     depth - 1, phis);
			if (!p || (p > 0 && found > 0 && found != p))
				return 0;
			if (p > 0)
				found = p;
		}
		return found;
	}
	if (gcall *call = dyn_cast<gcall *>(def))
		return pb_accessor_reached(fun, call, depth, phis);
	if (!is_gimple_assign(def))
		return 0;
	code = gimple_assign_rhs_code(def);
	if (code == SSA_NAME || code == ADDR_EXPR || CONVERT_EXPR_CODE_P(code) ||
	    code == POINTER_PLUS_EXPR)
		return pb_reached_param(fun, gimple_assign_rhs1(def), depth - 1,
					phis);
	/* a load: what the parameter's memory holds, it reaches too */
	if (gimple_assign_single_p(def) && gimple_assign_load_p(def))
		return pb_ref_reached_param(fun, gimple_assign_rhs1(def), depth,
					    phis);
	return 0;
}

/* The parameter whose memory OP points into (REF lies in, if OP is
 * NULL_TREE), 0 if none. */
static int pb_reached(function *fun, tree op, tree ref)
{
	bitmap phis = BITMAP_ALLOC(NULL);
	int p = op ? pb_reached_param(fun, op, PB_REACH_DEPTH, phis) :
		     pb_ref_reached_param(fun, ref, PB_REACH_DEPTH, phis);

	BITMAP_FREE(phis);
	return p > 0 ? p : 0;
}

/* The struct followed is linked into parameter Q's memory at STMT;
 * false if Q is its own parameter, or none. */
static bool pb_link_note(struct pb_link_walk *w, gimple *stmt, int q)
{
	if (q <= 0 || q == w->param)
		return false;
	w->into |= 1u << q;
	if (!w->top)
		return true;
	if (w->nlinks == PB_LINK_MAX)
		return false;
	w->links[w->nlinks] = stmt;
	w->link_param[w->nlinks++] = q;
	return true;
}

static bool pb_link_uses(struct pb_link_walk *w, tree name);
static int pb_links_arg(function *callee, int p, int depth);

/*
 * CALL is given the struct followed (or a member's address), NAME: a
 * function of the unit that links its argument into another argument's
 * memory links it into what that argument reaches here ('list_add()' is
 * '__list_add()', whose stores do it); one that only reads it keeps it;
 * code without a body is judged once the links are known.
 */
static bool pb_link_call(struct pb_link_walk *w, gcall *call, tree name)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	function *callee = pb_link_callee(call);
	bool bodiless = false;
	unsigned int i, j;

	if (rule)
		return rule->role == PB_ROLE_BORROW ||
		       rule->role == PB_ROLE_TEST ||
		       rule->role == PB_ROLE_MAKES || rule->role == PB_ROLE_HOLD;
	for (i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = gimple_call_arg(call, i);
		bool linked = false;
		int into;

		if (!pb_operand_mentions(arg, name) ||
		    pb_api_arg_read_only(call, i))
			continue;
		if (arg != name)
			return false;
		if (!callee) {
			bodiless = true;
			continue;
		}
		into = pb_links_arg(callee, i + 1, w->depth - 1);
		if (into < 0)
			return false;
		for (j = 0; j < gimple_call_num_args(call); j++)
			if (into & (1u << (j + 1)) &&
			    pb_link_note(w, call,
					 pb_reached(w->fun, gimple_call_arg(call, j),
						    NULL_TREE)))
				linked = true;
		if (into && !linked)
			return false;
	}
	if (!bodiless)
		return true;
	/* 'rb_insert_color(&region->node, &afu->dma_regions)': what it
	 * returns is not followed */
	if (!w->top || w->ncalls == PB_LINK_MAX ||
	    (gimple_call_lhs(call) &&
	     POINTER_TYPE_P(TREE_TYPE(gimple_call_lhs(call)))))
		return false;
	w->calls[w->ncalls++] = call;
	return true;
}

/* STMT, an assignment using NAME (the struct or a member's address):
 * read, tested, followed, stored into the struct itself, or linked. */
static bool pb_link_assign(struct pb_link_walk *w, gassign *stmt, tree name)
{
	tree lhs = gimple_assign_lhs(stmt), rhs = gimple_assign_rhs1(stmt);
	enum tree_code code = gimple_assign_rhs_code(stmt);
	bool gone;

	if (gimple_clobber_p(stmt))
		return true;
	if (TREE_CODE(lhs) == SSA_NAME) {
		if (TREE_CODE_CLASS(code) == tcc_comparison)
			return true;
		/* a member's address (not the pages' field), a copy, a cast */
		if (code == ADDR_EXPR)
			return !pb_type_page_levels(TREE_TYPE(TREE_OPERAND(rhs, 0)),
						    NULL) &&
			       pb_link_uses(w, lhs);
		if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) ||
		    code == POINTER_PLUS_EXPR)
			return pb_link_uses(w, lhs);
		if (!gimple_assign_single_p(stmt) || !pb_ref_based_on(rhs, name))
			return false;
		/* a load of a field: the pages loaded must stay */
		if (!pb_type_page_levels(TREE_TYPE(rhs), NULL))
			return true;
		if (!w->top)
			return false;
		gone = pb_borrow_lets_go(lhs, NULL);
		return !gone;
	}
	if (!gimple_assign_single_p(stmt))
		return false;
	/* the struct stored: into itself ('INIT_LIST_HEAD'), or linked
	 * into another parameter's memory */
	if (pb_operand_mentions(rhs, name))
		return rhs == name &&
		       (pb_ref_based_on(lhs, name) ||
			pb_link_note(w, stmt, pb_reached(w->fun, NULL_TREE,
							 lhs)));
	/* a store into it, other than of pages */
	return pb_ref_based_on(lhs, name) &&
	       !pb_type_page_levels(TREE_TYPE(lhs), NULL);
}

/* debug: where the struct a helper was given goes other than into a
 * container (in the helper, or in a function of the unit it calls) */
static void pb_debug_not_linked(const struct pb_link_walk *w, gimple *use)
{
	if (!pb_options.debug)
		return;
	fprintf(stderr, "pinbalance: %s: not an insertion of argument %d: ",
		function_name(w->fun), w->param);
	print_gimple_stmt(stderr, use, 0, TDF_NONE);
}

/* Do all uses of NAME keep the struct, or link it? */
static bool pb_link_uses(struct pb_link_walk *w, tree name)
{
	imm_use_iterator it;
	gimple *use;

	if (!bitmap_set_bit(w->seen, SSA_NAME_VERSION(name)))
		return true;
	FOR_EACH_IMM_USE_STMT(use, it, name) {
		bool keeps = false;

		if (is_gimple_debug(use) || gimple_code(use) == GIMPLE_COND ||
		    gimple_code(use) == GIMPLE_SWITCH)
			keeps = true;
		else if (gcall *call = dyn_cast<gcall *>(use))
			keeps = pb_link_call(w, call, name);
		else if (gassign *assign = dyn_cast<gassign *>(use))
			keeps = pb_link_assign(w, assign, name);
		if (!keeps) {
			pb_debug_not_linked(w, use);
			return false;
		}
	}
	return true;
}

/* What CALLEE does with its parameter P: the parameters it links it
 * into (bits 1 << Q), 0 if it only reads it, -1 if anything else. */
static int pb_links_arg(function *callee, int p, int depth)
{
	tree parm = pb_param_decl(callee, p), name;
	struct pb_link_walk w;
	bool ok;

	if (depth <= 0 || !parm)
		return -1;
	name = ssa_default_def(callee, parm);
	if (!name)
		return pb_param_unused(callee, parm) ? 0 : -1;
	memset(&w, 0, sizeof(w));
	w.fun = callee;
	w.param = p;
	w.depth = depth;
	w.seen = BITMAP_ALLOC(NULL);
	ok = pb_link_uses(&w, name);
	BITMAP_FREE(w.seen);
	return ok ? (int)w.into : -1;
}

/*
 * Code without a body given the struct, CALL, after it was linked into
 * a parameter's container on every path and given that container too
 * ('rb_insert_color(&region->node, &afu->dma_regions)' after
 * 'rb_link_node()'): it works on the container that keeps the struct.
 */
static bool pb_link_on_container(const struct pb_link_walk *w, gcall *call)
{
	unsigned int j;
	int k;

	for (k = 0; k < w->nlinks; k++) {
		if (!pb_stmt_dominates(w->links[k], call))
			continue;
		for (j = 0; j < gimple_call_num_args(call); j++)
			if (pb_reached(w->fun, gimple_call_arg(call, j),
				       NULL_TREE) ==
			    w->link_param[k])
				return true;
	}
	return false;
}

/* Is BB after a link on every path (dominated by one)? */
static bool pb_block_linked(const struct pb_link_walk *w, basic_block bb)
{
	int k;

	for (k = 0; k < w->nlinks; k++)
		if (dominated_by_p(CDI_DOMINATORS, bb, gimple_bb(w->links[k])))
			return true;
	return false;
}

/* The blocks a link may reach, as a bitmap of block indexes. */
static bitmap pb_blocks_after_links(const struct pb_link_walk *w)
{
	bitmap after = BITMAP_ALLOC(NULL);
	auto_vec<basic_block, 16> work;
	int k;

	for (k = 0; k < w->nlinks; k++)
		work.safe_push(gimple_bb(w->links[k]));
	while (!work.is_empty()) {
		basic_block bb = work.pop();
		edge_iterator ei;
		edge e;

		if (!bitmap_set_bit(after, bb->index))
			continue;
		FOR_EACH_EDGE(e, ei, bb->succs)
			work.safe_push(e->dest);
	}
	return after;
}

/* What a return of VAL from block BB says: linked and 0, or not
 * reached by a link and an error constant (AFTER: the blocks links
 * reach).  *ALL: false if BB is not after a link. */
static bool pb_link_return_ok(const struct pb_link_walk *w, bitmap after,
			      basic_block bb, tree val, bool *all)
{
	bool linked = pb_block_linked(w, bb);

	*all &= linked;
	val = pb_strip_copies(val);
	if (!val || TREE_CODE(val) != INTEGER_CST)
		return false;
	return linked ? integer_zerop(val) :
	       !bitmap_bit_p(after, bb->index) && !integer_zerop(val);
}

/*
 * When the walk's links give the struct away: on every path (1), on
 * the paths returning 0, the others failing before any link with an
 * error constant (2: 'on-success'), or neither (0).
 */
static int pb_link_outcome(const struct pb_link_walk *w)
{
	bitmap after = pb_blocks_after_links(w);
	bool all = true, success = true;
	edge_iterator ei;
	edge e;

	FOR_EACH_EDGE(e, ei, EXIT_BLOCK_PTR_FOR_FN(w->fun)->preds) {
		greturn *ret = safe_dyn_cast<greturn *>(last_stmt(e->src));
		tree val = ret ? gimple_return_retval(ret) : NULL_TREE;
		gimple *def = val && TREE_CODE(val) == SSA_NAME ?
			      SSA_NAME_DEF_STMT(val) : NULL;
		gphi *phi = def ? dyn_cast<gphi *>(def) : NULL;
		unsigned int i;

		if (!ret) {
			success = all = false;
			break;
		}
		/* 'return ret;' at the label every failure jumps to */
		if (phi && gimple_bb(phi) == e->src) {
			for (i = 0; i < gimple_phi_num_args(phi); i++)
				success &= pb_link_return_ok(w, after,
					gimple_phi_arg_edge(phi, i)->src,
					gimple_phi_arg_def(phi, i), &all);
		} else {
			success &= pb_link_return_ok(w, after, e->src, val,
						     &all);
		}
	}
	BITMAP_FREE(after);
	if (all)
		return 1;
	return success &&
	       INTEGRAL_TYPE_P(TREE_TYPE(TREE_TYPE(w->fun->decl))) ? 2 : 0;
}

/* The one struct parameter whose pages FUN lets go, if every other page
 * parameter keeps its pages; 0. */
static int pb_inserted_param(function *fun)
{
	tree parm, name;
	int i = 1, p = 0;

	if (pb_borrowed_param(fun, NULL) < 0)
		return 0;
	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm), i++) {
		if (!pb_points_to_page_array_field(TREE_TYPE(parm)))
			continue;
		name = ssa_default_def(fun, parm);
		if (!name || !pb_struct_escapes(name, false))
			continue;
		if (p || i > PB_RULE_MAX_ARG)
			return 0;
		p = i;
	}
	return p;
}

/*
 * 'owner NAME pages=argP [on-success]': the function links the struct
 * parameter P points to (or a member of it) into memory another
 * parameter reaches, and does nothing else with it but read it, test it
 * and write its other fields.  Called when it is no borrower.
 */
bool pb_summarize_inserted(struct pb_fn *fn)
{
	struct pb_link_walk w;
	char line[256];
	int p = pb_inserted_param(fn->fun), k, outcome = 0;
	bool ok;

	if (!p)
		return false;
	memset(&w, 0, sizeof(w));
	w.fun = fn->fun;
	w.param = p;
	w.depth = PB_LINK_DEPTH;
	w.top = true;
	w.seen = BITMAP_ALLOC(NULL);
	ok = pb_link_uses(&w, ssa_default_def(fn->fun, pb_param_decl(fn->fun, p)));
	BITMAP_FREE(w.seen);
	for (k = 0; ok && k < w.ncalls; k++)
		ok = pb_link_on_container(&w, w.calls[k]);
	if (ok && w.nlinks)
		outcome = pb_link_outcome(&w);
	if (!outcome)
		return false;
	snprintf(line, sizeof(line), "owner %s pages=arg%d%s",
		 pb_summary_fn_name(fn->fun), p,
		 outcome == 2 ? " on-success" : "");
	return pb_summary_add(fn->fun, line);
}
