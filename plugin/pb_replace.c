// SPDX-License-Identifier: GPL-2.0
/*
 * pb_replace.c - a helper that may replace its caller's array: given the
 * address of the array pointer ('struct page ***'), it fills a new array
 * from the old one, releases the pages it does not keep, frees the old
 * array and stores the new one: 'borrow NAME pages=*argP count=*argC
 * kind=K' (docs/design.md, "A helper that may replace its caller's
 * array").
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* The most old-array loads, and releases and copies, a helper may have. */
#define PB_REPLACE_MAX	16

/*
 * A helper given the address of its caller's array pointer, a 'struct
 * page ***' parameter, which it may replace: io_uring's
 * io_do_coalesce_buffer(&pages, &nr_pages, ...) fills a new array with
 * one page of each folio read from the old one, unpins the others, frees
 * the old array and stores the new one (and its count) for the caller.
 */
struct pb_replace {
	struct pb_fn *fn;
	tree ptr;		/* the parameter, its default definition */
	tree olds[PB_REPLACE_MAX];	/* loads of '*ptr': the old array */
	int nolds;
	gimple *store;		/* '*ptr = fill', or a callee that may
				 * replace it ('borrow ... pages=*argN') */
	tree fill;		/* the new array, the store's */
	gimple *takes[PB_REPLACE_MAX];	/* releases of old pages, copies of
					 * them into the new array */
	int ntakes;
	gimple *frees[4];	/* frees of the old array */
	int nfrees;
	int kind;		/* the kind of the releases; -1: none */
	bool mixed;		/* releases of two kinds, or of 'any' */
	int count_param;	/* '*argC' receives the new array's count */
};

static bool pb_replace_note(gimple **list, int *n, int max, gimple *stmt)
{
	int i;

	for (i = 0; i < *n; i++)
		if (list[i] == stmt)
			return true;
	if (*n == max)
		return false;
	list[(*n)++] = stmt;
	return true;
}

static void pb_replace_kind(struct pb_replace *r, int kind)
{
	if (kind == PB_ANY || (r->kind >= 0 && r->kind != kind))
		r->mixed = true;
	r->kind = kind;
}

/* Is V the old array itself (not a part of it, nor a page of it)? */
static bool pb_replace_is_old(struct pb_replace *r, struct pb_val v)
{
	return v.key == r->ptr && v.level == -1 && !v.offset && !v.row;
}

/*
 * A release or a free the walk from the old array met: a release of its
 * pages, in one kind (not a case), or a free of the old array itself;
 * noted.  False if it is neither: the pages go there.
 */
static bool pb_replace_call(struct pb_replace *r, gcall *call,
			    const struct pb_rule *rule)
{
	if (!pb_call_fits_rule(call, rule) || rule->pages_arg < 1)
		return false;
	if (rule->role == PB_ROLE_FREE)
		return pb_replace_is_old(r, pb_value_of(r->fn,
				gimple_call_arg(call, rule->pages_arg - 1))) &&
		       pb_replace_note(r->frees, &r->nfrees, 4, call);
	if (pb_api_is_case(rule) ||
	    pb_call_pages_val(r->fn, call, rule).key != r->ptr)
		return false;
	pb_replace_kind(r, rule->kind);
	return pb_replace_note(r->takes, &r->ntakes, PB_REPLACE_MAX, call);
}

/* Is PTR the new array FILL, or a position in it ('new_array + i')? */
static bool pb_replace_in_fill(tree ptr, tree fill, int depth)
{
	gimple *def;

	for (; depth > 0 && ptr && TREE_CODE(ptr) == SSA_NAME; depth--) {
		if (ptr == fill)
			return true;
		def = SSA_NAME_DEF_STMT(ptr);
		if (!is_gimple_assign(def) ||
		    (gimple_assign_rhs_code(def) != POINTER_PLUS_EXPR &&
		     gimple_assign_rhs_code(def) != SSA_NAME &&
		     !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
			return false;
		ptr = gimple_assign_rhs1(def);
	}
	return false;
}

/* Is STMT a store into an element of the new array of a page read from
 * the old one ('new_array[i] = page_array[j]', or its compound_head())?
 * Noted. */
static bool pb_replace_copy(struct pb_replace *r, gassign *stmt)
{
	tree lhs = gimple_assign_lhs(stmt), rhs = gimple_assign_rhs1(stmt);
	tree base = get_base_address(lhs);
	struct pb_val v;

	if (!r->fill || !gimple_assign_single_p(stmt) ||
	    TREE_CODE(rhs) != SSA_NAME ||
	    pb_type_page_levels(TREE_TYPE(rhs), NULL) != 1 ||
	    !base || TREE_CODE(base) != MEM_REF ||
	    !pb_replace_in_fill(TREE_OPERAND(base, 0), r->fill, 8))
		return false;
	v = pb_value_of(r->fn, rhs);
	return v.key == r->ptr && v.level == -2 &&
	       pb_replace_note(r->takes, &r->ntakes, PB_REPLACE_MAX, stmt);
}

/* The borrow walk's notes (pb_borrow.c): a release or free met, and a
 * store met, taken by the replacement rather than letting the pages go. */
static bool pb_replace_took(void *ctx, gcall *call, const struct pb_rule *rule)
{
	return pb_replace_call((struct pb_replace *)ctx, call, rule);
}

static bool pb_replace_kept(void *ctx, gassign *stmt)
{
	return pb_replace_copy((struct pb_replace *)ctx, stmt);
}

/* Is REF '*NAME'? */
static bool pb_deref_of(tree ref, tree name)
{
	return ref && TREE_CODE(ref) == MEM_REF &&
	       TREE_OPERAND(ref, 0) == name &&
	       integer_zerop(TREE_OPERAND(ref, 1));
}

/*
 * A callee that may replace the array ('borrow G pages=*argN count=*argM
 * kind=K'), given the parameter as its argument N: its kind is the
 * helper's, and its count argument must be the helper's count parameter
 * (or there is none), so that the caller's count follows the array.
 */
static bool pb_replace_callee(struct pb_replace *r, gcall *call)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	unsigned int i;
	int c = 0;

	if (!rule || rule->role != PB_ROLE_BORROW ||
	    rule->shape != PB_SHAPE_ARRAY_PTR || !pb_call_fits_rule(call, rule))
		return false;
	for (i = 0; i < gimple_call_num_args(call); i++)
		if (gimple_call_arg(call, i) == r->ptr &&
		    (int)i + 1 != rule->pages_arg)
			return false;
	if (rule->count_out_arg > 0) {
		c = pb_param_index(r->fn->fun,
				   gimple_call_arg(call, rule->count_out_arg - 1));
		if (!c || (r->count_param && r->count_param != c))
			return false;
		r->count_param = c;
	}
	if (rule->drops)
		pb_replace_kind(r, rule->kind);
	return !r->store || r->store == call;
}

/* The uses of the parameter: loads of the old array, the one store of
 * the new one, or callees that may replace it.  False on any other. */
static bool pb_replace_ptr_uses(struct pb_replace *r)
{
	imm_use_iterator it;
	gimple *use;

	FOR_EACH_IMM_USE_STMT(use, it, r->ptr) {
		gassign *assign = dyn_cast<gassign *>(use);

		if (is_gimple_debug(use))
			continue;
		if (gcall *call = dyn_cast<gcall *>(use)) {
			if (!pb_replace_callee(r, call))
				return false;
			r->store = call;
		} else if (assign && gimple_assign_load_p(assign) &&
			   pb_deref_of(gimple_assign_rhs1(assign), r->ptr) &&
			   TREE_CODE(gimple_assign_lhs(assign)) == SSA_NAME) {
			if (r->nolds == PB_REPLACE_MAX)
				return false;
			r->olds[r->nolds++] = gimple_assign_lhs(assign);
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_deref_of(gimple_assign_lhs(assign), r->ptr) &&
			   TREE_CODE(gimple_assign_rhs1(assign)) == SSA_NAME &&
			   !r->store) {
			r->store = assign;
			r->fill = gimple_assign_rhs1(assign);
		} else {
			return false;
		}
	}
	return true;
}

/* Is STMT one of the frees of the old array? */
static bool pb_replace_is_free(struct pb_replace *r, gimple *stmt)
{
	int i;

	for (i = 0; i < r->nfrees; i++)
		if (r->frees[i] == stmt)
			return true;
	return false;
}

/* Does B run after A on every path from A? */
static bool pb_stmt_follows(gimple *a, gimple *b)
{
	basic_block ba = gimple_bb(a), bb = gimple_bb(b);

	if (ba == bb)
		return pb_stmt_dominates(a, b);
	return dominated_by_p(CDI_POST_DOMINATORS, ba, bb);
}

/* Do A and B run together: one before the other on every path? */
static bool pb_stmts_together(gimple *a, gimple *b)
{
	return (pb_stmt_dominates(a, b) && pb_stmt_follows(a, b)) ||
	       (pb_stmt_dominates(b, a) && pb_stmt_follows(b, a));
}

/* Is every use of the old array's pages (the loads of it, what the walk
 * met) before the replacement, and are its releases and copies on its
 * way: a failure leaves the caller's array whole, and nothing touches
 * the old array after it is freed? */
static bool pb_replace_ordered(struct pb_replace *r)
{
	int i, j;

	for (i = 0; i < r->nolds; i++) {
		imm_use_iterator it;
		gimple *use;

		if (pb_stmt_reaches(r->fn->fun, r->store,
				    SSA_NAME_DEF_STMT(r->olds[i])))
			return false;
		/* the old array, after the callee or the store replaced it
		 * (and freed it) */
		FOR_EACH_IMM_USE_STMT(use, it, r->olds[i])
			if (!is_gimple_debug(use) &&
			    gimple_code(use) != GIMPLE_PHI && use != r->store &&
			    !pb_replace_is_free(r, use) &&
			    pb_stmt_reaches(r->fn->fun, r->store, use))
				return false;
	}
	for (i = 0; i < r->nfrees; i++)
		if (!pb_stmts_together(r->frees[i], r->store))
			return false;
	for (i = 0; i < r->ntakes; i++) {
		if (!pb_stmt_follows(r->takes[i], r->store) ||
		    pb_stmt_reaches(r->fn->fun, r->store, r->takes[i]))
			return false;
		for (j = 0; j < r->nfrees; j++)
			if (pb_stmt_reaches(r->fn->fun, r->frees[j],
					    r->takes[i]))
				return false;
	}
	return true;
}

/*
 * Does the new array go only where the replacement puts it: tested,
 * walked, filled with the copies the walk from the old array noted, and
 * stored into '*ptr'?
 */
static bool pb_replace_fill_kept(struct pb_replace *r, tree name, int depth)
{
	imm_use_iterator it;
	gimple *use;

	if (depth <= 0)
		return false;
	FOR_EACH_IMM_USE_STMT(use, it, name) {
		gassign *assign = dyn_cast<gassign *>(use);
		int i;

		if (is_gimple_debug(use) || gimple_code(use) == GIMPLE_COND ||
		    use == r->store)
			continue;
		if (!assign)
			return false;
		if (TREE_CODE(gimple_assign_lhs(assign)) == SSA_NAME) {
			enum tree_code code = gimple_assign_rhs_code(assign);

			if (TREE_CODE_CLASS(code) == tcc_comparison)
				continue;
			if (code != POINTER_PLUS_EXPR && code != SSA_NAME &&
			    !CONVERT_EXPR_CODE_P(code))
				return false;
			if (!pb_replace_fill_kept(r, gimple_assign_lhs(assign),
						  depth - 1))
				return false;
			continue;
		}
		for (i = 0; i < r->ntakes && r->takes[i] != use; i++)
			;
		if (i == r->ntakes)
			return false;
	}
	return true;
}

/*
 * The parameter pointing to an integer that receives the new array's
 * count with the replacement, and nothing else ('*nr_pages = nr_folios',
 * the number kvmalloc_array() was asked for): 0 if none does, -1 if one
 * receives it and something else too.
 */
static int pb_replace_count_param(struct pb_replace *r)
{
	tree cap = pb_alloc_capacity(r->fill), parm;
	int i = 1, found = 0;

	for (parm = DECL_ARGUMENTS(r->fn->fun->decl); parm;
	     parm = DECL_CHAIN(parm), i++) {
		tree name = ssa_default_def(r->fn->fun, parm);
		imm_use_iterator it;
		gimple *use;
		bool count = false, other = false;

		if (!name || !POINTER_TYPE_P(TREE_TYPE(parm)) ||
		    !INTEGRAL_TYPE_P(TREE_TYPE(TREE_TYPE(parm))))
			continue;
		FOR_EACH_IMM_USE_STMT(use, it, name) {
			if (!is_gimple_assign(use) ||
			    !pb_deref_of(gimple_assign_lhs(use), name))
				continue;
			if (cap && pb_same_count(gimple_assign_rhs1(use), cap) &&
			    pb_stmts_together(use, r->store))
				count = true;
			else
				other = true;
		}
		if (count && (other || found))
			return -1;
		if (count)
			found = i;
	}
	return found;
}

/* Does the helper write the count parameter a callee replacing the
 * array is given, itself? */
static bool pb_replace_writes_count(struct pb_replace *r)
{
	tree parm = r->count_param ? pb_param_decl(r->fn->fun, r->count_param)
				   : NULL_TREE;
	tree name = parm ? ssa_default_def(r->fn->fun, parm) : NULL_TREE;
	imm_use_iterator it;
	gimple *use;

	if (!name)
		return false;
	FOR_EACH_IMM_USE_STMT(use, it, name)
		if (is_gimple_assign(use) &&
		    pb_deref_of(gimple_assign_lhs(use), name))
			return true;
	return false;
}

/* Are the parameters other than P free of pages? */
static bool pb_replace_only_param(function *fun, int p)
{
	tree parm;
	int i = 1;

	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm), i++)
		if (i != p && (pb_type_page_levels(TREE_TYPE(parm), NULL) ||
			       pb_points_to_page_array_field(TREE_TYPE(parm))))
			return false;
	return true;
}

/* The one 'struct page ***' parameter of FUN, its only page parameter;
 * 0. */
static int pb_replace_param(function *fun)
{
	tree parm;
	int i = 1;
	bool folio;

	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm), i++) {
		folio = false;
		if (pb_type_page_levels(TREE_TYPE(parm), &folio) == 3 && !folio)
			return i <= PB_RULE_MAX_ARG &&
			       pb_replace_only_param(fun, i) ? i : 0;
	}
	return 0;
}

/* debug: why a helper given its caller's array pointer is no borrower
 * of it */
static bool pb_debug_no_replace(const char *why)
{
	if (pb_options.debug)
		fprintf(stderr, "pinbalance: %s: no replacing borrower: %s\n",
			function_name(cfun), why);
	return false;
}

/*
 * 'borrow NAME pages=*argP count=*argC kind=K': the helper uses the array
 * its caller's pointer ARGP points to and may replace it, as
 * io_do_coalesce_buffer() does, by a new array (an allocator's) that it
 * fills only with pages read from the old one, releasing others of the
 * old array in kind K, on the way to its one store of the new array into
 * '*argP' (every release and copy is followed by it: a failure changes
 * nothing), beside which it frees the old array (nothing touches that
 * after) and stores the new one's count into '*argC'.  Or it hands the
 * pointer, and the count's, to such a helper (io_try_coalesce_buffer()),
 * or only reads the old array.  The old array's pages go nowhere else.
 * The references the new array holds stay the caller's, in the variables
 * it gave: its releases through them after the call are checked as
 * before.  Which pages of the old array are copied and which released
 * (the indices) is not checked.
 */
bool pb_summarize_replace(struct pb_fn *fn)
{
	struct pb_replace r;
	struct pb_borrow_notes notes = { pb_replace_took, pb_replace_kept, &r };
	char line[256], count[24] = "", kind[16] = "";
	tree parm;
	bool gone = false;
	int p = pb_replace_param(fn->fun), i;

	parm = p ? pb_param_decl(fn->fun, p) : NULL_TREE;
	memset(&r, 0, sizeof(r));
	r.fn = fn;
	r.kind = -1;
	r.ptr = parm ? ssa_default_def(fn->fun, parm) : NULL_TREE;
	if (!r.ptr)
		return false;
	if (!pb_replace_ptr_uses(&r))
		return pb_debug_no_replace("the pointer goes elsewhere");
	/* '_res = kvmalloc_array_node_noprof(...); new_array = _res' */
	if (r.fill)
		r.fill = pb_strip_copies(r.fill);
	for (i = 0; i < r.nolds && !gone; i++)
		gone = pb_borrow_lets_go(r.olds[i], &notes);
	if (gone || r.mixed)
		return pb_debug_no_replace(gone ? "the old pages go elsewhere" :
					   "releases of two kinds");
	if (r.fill) {
		gimple *def = TREE_CODE(r.fill) == SSA_NAME ?
			      SSA_NAME_DEF_STMT(r.fill) : NULL;

		/* a fresh array, filled from the old one, and the old one
		 * freed with the replacement */
		if (!def || !is_gimple_call(def) ||
		    !pb_api_is_alloc(gimple_call_fndecl(def)))
			return pb_debug_no_replace("not an allocated array");
		if (!r.nfrees)
			return pb_debug_no_replace("the old array is not freed");
		if (!pb_replace_fill_kept(&r, r.fill, 8))
			return pb_debug_no_replace("the new array goes elsewhere");
		r.count_param = pb_replace_count_param(&r);
		if (r.count_param < 0)
			return pb_debug_no_replace("the count is written apart");
	} else if (r.ntakes || r.nfrees ||
		   pb_replace_writes_count(&r)) {
		/* releases or frees without a new array; a count written
		 * besides the callee's */
		return pb_debug_no_replace("releases without a replacement");
	}
	if (r.store && !pb_replace_ordered(&r))
		return pb_debug_no_replace("releases or uses not on the way "
					   "to the replacement");
	if (r.count_param)
		snprintf(count, sizeof(count), " count=*arg%d", r.count_param);
	if (r.kind >= 0)
		snprintf(kind, sizeof(kind), " kind=%s", pb_kind_words[r.kind]);
	snprintf(line, sizeof(line), "borrow %s pages=*arg%d%s%s",
		 pb_summary_fn_name(fn->fun), p, count, kind);
	return pb_summary_add(fn->fun, line);
}
