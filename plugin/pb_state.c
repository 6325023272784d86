// SPDX-License-Identifier: GPL-2.0
/*
 * pb_state.c - the abstract state and the dataflow over one function.
 *
 * Every call that takes page references is a "site".  For each site the
 * state holds one word of bits (pb_word): whether the site may not have
 * run yet on this path, and which (class, hold) pairs are possible, where
 * the class is what the call returned (error, zero, fewer than requested,
 * all requested) and the hold is what has happened to the pages since
 * (held, released, partly released, handed over).  Keeping the class next
 * to the hold is what makes the analysis path-sensitive on the return
 * value at the cost of a bitwise OR at joins: a branch on 'ret' simply
 * drops the facets whose class contradicts it.
 *
 * The words flow forward over the CFG with a worklist in reverse
 * post-order.  States only grow, each word has 17 bits, so every edge
 * changes at most 17 times per site: the analysis is linear in the size
 * of the function times the number of sites.  Small blocks that end in a
 * branch or a return are evaluated once per incoming edge, so that PHI
 * arguments (a loop counter starting at 0, an error code set on one path)
 * are seen for what they are on each edge.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* Blocks evaluated per incoming edge must be at most this long. */
#define PB_PER_EDGE_MAX_STMTS 8
/* Worklist visits per block before the function is given up on. */
#define PB_MAX_VISITS_PER_BLOCK 64

/* ------------------------------------------------------------- sites */

static unsigned int pb_initial_classes(const struct pb_rule *rule, tree req)
{
	unsigned int classes = (1u << PB_ERR) | (1u << PB_FULL);
	bool req_const = req && TREE_CODE(req) == INTEGER_CST &&
			 tree_fits_shwi_p(req);

	if (rule->count == PB_COUNT_ONE || rule->count == PB_COUNT_STATUS)
		return classes;
	if (rule->count == PB_COUNT_BYTES)
		return classes | (1u << PB_ZERO);
	/* The gup functions return 0 only when asked for 0 pages. */
	if (!req_const || tree_to_shwi(req) < 1)
		classes |= 1u << PB_ZERO;
	if (!req_const || tree_to_shwi(req) != 1)
		classes |= 1u << PB_PARTIAL;
	return classes;
}

static bool pb_call_fits_rule(gcall *call, const struct pb_rule *rule)
{
	int nargs = (int)gimple_call_num_args(call);

	/* a call through an unprototyped declaration may pass fewer */
	if (rule->pages_arg > nargs || rule->count_arg > nargs ||
	    rule->when_arg > nargs)
		return false;
	if (rule->pages_arg > 0 &&
	    !POINTER_TYPE_P(TREE_TYPE(gimple_call_arg(call, rule->pages_arg - 1))))
		return false;
	return true;
}

/* Is the container a single page slot, as in '&page'? */
static bool pb_container_single(struct pb_val v)
{
	tree type;

	if (v.level != 0 || v.offset || TREE_CODE(v.key) == SSA_NAME)
		return false;
	type = TREE_TYPE(v.key);
	return type && POINTER_TYPE_P(type);
}

/* Is the array already reachable from outside before CALL runs? */
static bool pb_stored_out_before(struct pb_fn *fn, tree key, gimple *call)
{
	int i;

	for (i = 0; i < fn->nstores; i++) {
		struct pb_store *st = &fn->stores[i];
		struct pb_val v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));

		if (!v.key || !pb_key_equal(fn, v.key, key))
			continue;
		if (pb_key_is_local(fn, pb_value_of_addr(fn, st->dest).key))
			continue;
		if (dominated_by_p(CDI_DOMINATORS, gimple_bb(call),
				   gimple_bb(st->stmt)))
			return true;
	}
	return false;
}

/* A value that cannot change while the function runs: a parameter. */
static bool pb_invariant_operand(tree op)
{
	op = pb_strip_copies(op);
	return op && (TREE_CODE(op) == INTEGER_CST ||
		      (TREE_CODE(op) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(op) &&
		       SSA_NAME_VAR(op) &&
		       TREE_CODE(SSA_NAME_VAR(op)) == PARM_DECL));
}

static bool pb_invariant_branch(gimple *last)
{
	if (gcond *cond = dyn_cast<gcond *>(last))
		return pb_invariant_operand(gimple_cond_lhs(cond)) &&
		       pb_invariant_operand(gimple_cond_rhs(cond));
	if (gswitch *sw = dyn_cast<gswitch *>(last))
		return pb_invariant_operand(gimple_switch_index(sw));
	return false;
}

/*
 * The branches on parameters that every path to the call takes, such as
 * 'case PIN_BASIC_TEST:' of 'switch (cmd)': a later branch on the same
 * parameter that contradicts one of them cannot be on a path where the
 * site ran.
 */
static void pb_collect_guards(struct pb_site *site)
{
	basic_block bb = gimple_bb(site->call);
	basic_block dom;
	int depth;

	for (depth = 0, dom = get_immediate_dominator(CDI_DOMINATORS, bb);
	     dom && depth < 32 && site->nguards < PB_MAX_GUARDS;
	     depth++, dom = get_immediate_dominator(CDI_DOMINATORS, dom)) {
		gimple *last = last_stmt(dom);
		edge e;
		edge_iterator ei;

		if (!last || !pb_invariant_branch(last))
			continue;
		FOR_EACH_EDGE(e, ei, dom->succs)
			if (single_pred_p(e->dest) &&
			    dominated_by_p(CDI_DOMINATORS, bb, e->dest)) {
				site->guards[site->nguards++] = e;
				break;
			}
	}
}

/*
 * For a rule with 'when=argN&MASK': 1 if the flags argument surely holds
 * a bit of MASK, 0 if it surely holds none (the call takes no reference),
 * -1 if it is not a constant.  Rules without a condition always take.
 */
static int pb_acquire_flags(gcall *call, const struct pb_rule *rule)
{
	tree flags;

	if (rule->when_arg < 1)
		return 1;
	flags = pb_strip_copies(gimple_call_arg(call, rule->when_arg - 1));
	if (!flags || TREE_CODE(flags) != INTEGER_CST || !tree_fits_uhwi_p(flags))
		return -1;
	return (tree_to_uhwi(flags) & rule->when_mask) != 0;
}

static bool pb_make_site(struct pb_fn *fn, gcall *call,
			 const struct pb_rule *rule, struct pb_site *site)
{
	tree lhs = gimple_call_lhs(call);
	tree arg;

	memset(site, 0, sizeof(*site));
	site->call = call;
	site->rule = rule;
	if (lhs && TREE_CODE(lhs) == SSA_NAME)
		site->ret = lhs;
	if (rule->count_arg > 0)
		site->req = pb_strip_copies(gimple_call_arg(call, rule->count_arg - 1));
	site->classes = pb_initial_classes(rule, site->req);
	site->conditional = rule->conditional ||
			    pb_acquire_flags(call, rule) < 0;
	pb_collect_guards(site);

	if (rule->pages_arg == 0) {
		/* the result is the page itself */
		if (!site->ret)
			return false;
		site->container.key = site->ret;
		site->container.level = 1;
		site->single = true;
		return true;
	}
	arg = gimple_call_arg(call, rule->pages_arg - 1);
	if (rule->shape == PB_SHAPE_ARRAY_PTR)
		site->container = pb_value_deref(fn, arg);
	else
		site->container = pb_value_of(fn, arg);
	if (!site->container.key)
		return false;
	site->single = rule->shape == PB_SHAPE_ARRAY &&
		       pb_container_single(site->container);
	site->caller_owned = !pb_key_is_local(fn, site->container.key) ||
			     pb_stored_out_before(fn, site->container.key, call);
	return true;
}

static void pb_collect_sites(struct pb_fn *fn)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			struct pb_site *site;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_ACQUIRE)
				continue;
			if (pb_call_fits_rule(call, rule) &&
			    !pb_acquire_flags(call, rule))
				continue;
			pb_stats.sites++;
			if (fn->nsites == PB_MAX_SITES ||
			    !pb_call_fits_rule(call, rule)) {
				fn->untracked_sites++;
				continue;
			}
			site = &fn->sites[fn->nsites];
			if (!pb_make_site(fn, call, rule, site)) {
				fn->untracked_sites++;
				continue;
			}
			if (site->caller_owned)
				pb_stats.sites_caller_owned++;
			fn->nsites++;
		}
	}
	pb_stats.sites_untracked += fn->untracked_sites;
}

static int pb_site_of_call(struct pb_fn *fn, gimple *call)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		if (fn->sites[i].call == call)
			return i;
	return -1;
}

/* The cheap scan: does FUN call anything that takes page references? */
static bool pb_function_acquires(function *fun)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			const struct pb_rule *rule;

			if (!is_gimple_call(gsi_stmt(gsi)))
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(gsi_stmt(gsi)));
			if (rule && rule->role == PB_ROLE_ACQUIRE)
				return true;
		}
	}
	return false;
}

static tree pb_operand_on_edge(tree op, edge via);

/* ------------------------------------------------------- word helpers */

pb_word pb_move_hold(pb_word w, unsigned int from_mask, enum pb_hold to)
{
	int c, h;

	for (c = 0; c < PB_NCLASSES; c++)
		for (h = 0; h < PB_NHOLDS; h++)
			if ((from_mask & (1u << h)) && (w & PB_FACET(c, h))) {
				w &= ~PB_FACET(c, h);
				w |= PB_FACET(c, to);
			}
	return w;
}

static pb_word pb_keep_classes(pb_word w, unsigned int classes)
{
	pb_word kept = w & PB_ABSENT;
	int c;

	for (c = 0; c < PB_NCLASSES; c++)
		if (classes & (1u << c))
			kept |= w & PB_CLASS_BITS(c);
	return kept;
}

/*
 * On a loop's back edge, pages released one by one in the body absorb the
 * iteration that skipped a page: 'for (...) { if (!pages[i]) continue;
 * unpin_user_page(pages[i]); }' releases the array, it does not leak it.
 */
static pb_word pb_absorb_back_edge(pb_word w)
{
	int c;

	for (c = 0; c < PB_NCLASSES; c++)
		if (w & PB_FACET(c, PB_SOME))
			w &= ~PB_FACET(c, PB_HELD);
	return w;
}

/* ----------------------------------------------------------- handover */

static void pb_hand_over_site(pb_word *w, int site)
{
	w[site] = pb_move_hold(w[site], (1u << PB_HELD) | (1u << PB_SOME),
			       PB_HANDED);
}

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
 * 'umem->pgs = kvcalloc(...)' and pinning into umem->pgs.
 */
static bool pb_site_held_by(struct pb_fn *fn, int site, struct pb_val obj)
{
	tree key = fn->sites[site].container.key;
	int i;

	if (TREE_CODE(key) == COMPONENT_REF &&
	    pb_same_object(fn, pb_cell_owner(fn, key), obj))
		return true;
	for (i = 0; i < fn->nstores; i++) {
		struct pb_store *st = &fn->stores[i];
		struct pb_val v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));

		if (v.key && pb_key_equal(fn, v.key, key) &&
		    pb_same_object(fn, pb_cell_owner(fn, st->dest), obj))
			return true;
	}
	return false;
}

/* Sites whose pages a pointer value V reaches, directly or as a local
 * variable (or field of one) that holds them. */
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
		    (v.level == 0 && pb_site_held_by(fn, i, v)))
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
 * Sites whose pages OP carries, also through values computed from a page
 * (its pfn, physical or kernel address): storing those, or passing them
 * on, hands the pages over as surely as the page pointer itself.
 */
static unsigned int pb_sites_carried(struct pb_fn *fn, tree op, int depth)
{
	unsigned int sites = pb_sites_of_value(fn, pb_value_of(fn, op));
	gimple *def;
	unsigned int i;

	if (!op || TREE_CODE(op) != SSA_NAME || depth <= 0)
		return sites;
	def = SSA_NAME_DEF_STMT(op);
	if (is_gimple_assign(def) &&
	    pb_code_derives(gimple_assign_rhs_code(def))) {
		for (i = 1; i < gimple_num_ops(def); i++)
			sites |= pb_sites_carried(fn, gimple_op(def, i), depth - 1);
	} else if (is_gimple_call(def)) {
		const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(def));

		/* page_address(page) and friends: an address of the page
		 * carries it; a number (page_to_nid) or a flag does not */
		if (rule && rule->role == PB_ROLE_BORROW &&
		    POINTER_TYPE_P(TREE_TYPE(op)) &&
		    gimple_call_num_args(def) >= (unsigned int)rule->pages_arg)
			sites |= pb_sites_carried(fn, gimple_call_arg(def,
							rule->pages_arg - 1),
						  depth - 1);
	}
	return sites;
}

#define PB_DERIVE_DEPTH 6

static void pb_hand_over_sites(pb_word *w, unsigned int sites, int nsites)
{
	int i;

	for (i = 0; i < nsites; i++)
		if ((sites & (1u << i)) && (w[i] & ~PB_ABSENT))
			pb_hand_over_site(w, i);
}

/*
 * OP escapes to code we cannot see (an unknown call, a return, an asm):
 * any site whose pages OP reaches is handed over, and is no longer ours
 * to report as leaked.
 */
static void pb_hand_over_operand(struct pb_fn *fn, tree op, pb_word *w)
{
	pb_hand_over_sites(w, pb_sites_carried(fn, op, PB_DERIVE_DEPTH),
			   fn->nsites);
}

/* A store of pages, or of what identifies them, into memory we do not own. */
static void pb_transfer_store(struct pb_fn *fn, gimple *stmt, pb_word *w)
{
	tree lhs = gimple_assign_lhs(stmt);
	unsigned int sites;
	struct pb_val dest;
	int i;

	if (TREE_CODE(lhs) == SSA_NAME || !gimple_vdef(stmt))
		return;
	if (gimple_assign_single_p(stmt))
		sites = pb_sites_carried(fn, gimple_assign_rhs1(stmt),
					 PB_DERIVE_DEPTH);
	else
		sites = 0;
	if (!sites)
		return;
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
	}
	pb_hand_over_sites(w, sites, fn->nsites);
}

static void pb_transfer_acquire(struct pb_fn *fn, gimple *call, pb_word *w)
{
	int site = pb_site_of_call(fn, call);
	unsigned int classes;
	pb_word fresh = 0;
	int c;

	if (site < 0)
		return;
	classes = fn->sites[site].classes;
	for (c = 0; c < PB_NCLASSES; c++)
		if (classes & (1u << c))
			fresh |= PB_FACET(c, PB_HELD);
	w[site] = fresh;
}

static void pb_transfer_call(struct pb_fn *fn, gcall *call, pb_word *w)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	unsigned int i;

	if (rule && pb_call_fits_rule(call, rule)) {
		switch (rule->role) {
		case PB_ROLE_ACQUIRE:
			pb_transfer_acquire(fn, call, w);
			return;
		case PB_ROLE_RELEASE:
			pb_check_release(fn, call, rule, w);
			return;
		case PB_ROLE_FREE:
			pb_check_free(fn, call, rule, w);
			return;
		case PB_ROLE_OWNER:
			if (rule->pages_arg < 1)
				break;
			/* an owner of one argument: only that one is theirs */
			pb_hand_over_operand(fn, gimple_call_arg(call,
						rule->pages_arg - 1), w);
			return;
		default:
			return;
		}
	}
	/* unknown code, or an owner: everything passed to it is theirs */
	for (i = 0; i < gimple_call_num_args(call); i++)
		pb_hand_over_operand(fn, gimple_call_arg(call, i), w);
}

static void pb_transfer_asm(struct pb_fn *fn, gasm *stmt, pb_word *w)
{
	unsigned int i;

	for (i = 0; i < gimple_asm_ninputs(stmt); i++)
		pb_hand_over_operand(fn, TREE_VALUE(gimple_asm_input_op(stmt, i)), w);
	for (i = 0; i < gimple_asm_noutputs(stmt); i++)
		pb_hand_over_operand(fn, TREE_VALUE(gimple_asm_output_op(stmt, i)), w);
}

void pb_transfer_stmt(struct pb_fn *fn, gimple *stmt, pb_word *w)
{
	switch (gimple_code(stmt)) {
	case GIMPLE_CALL:
		pb_transfer_call(fn, as_a<gcall *>(stmt), w);
		break;
	case GIMPLE_ASSIGN:
		pb_transfer_store(fn, stmt, w);
		break;
	case GIMPLE_RETURN:
		if (gimple_return_retval(as_a<greturn *>(stmt)))
			pb_hand_over_operand(fn, pb_operand_on_edge(
				gimple_return_retval(as_a<greturn *>(stmt)),
				fn->via), w);
		break;
	case GIMPLE_ASM:
		pb_transfer_asm(fn, as_a<gasm *>(stmt), w);
		break;
	default:
		break;
	}
}

/* --------------------------------------------------------- conditions */

/* Relations of a value to the thing it is compared with. */
#define PB_LT 1u
#define PB_EQ 2u
#define PB_GT 4u

struct pb_cmp {
	tree lhs;
	enum tree_code code;
	tree rhs;
};

/* The value OP has on the edge VIA, seeing through PHIs of VIA's block. */
static tree pb_operand_on_edge(tree op, edge via)
{
	op = pb_strip_copies(op);
	if (via && op && TREE_CODE(op) == SSA_NAME) {
		gimple *def = SSA_NAME_DEF_STMT(op);

		if (gimple_code(def) == GIMPLE_PHI && gimple_bb(def) == via->dest)
			op = pb_strip_copies(PHI_ARG_DEF_FROM_EDGE(
					as_a<gphi *>(def), via));
	}
	return op;
}

/*
 * Reduce 'if (x != 0)' where x is 'unlikely(ret < 0)', '!(ret == n)' or
 * 'IS_ERR(page)' to the comparison it stands for.
 */
static bool pb_unwrap_test(struct pb_cmp *cmp, edge via)
{
	tree op = pb_operand_on_edge(cmp->lhs, via);
	bool negate = cmp->code == EQ_EXPR;
	gimple *def;

	if ((cmp->code != NE_EXPR && cmp->code != EQ_EXPR) ||
	    !integer_zerop(cmp->rhs) || !op || TREE_CODE(op) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(op);
	if (is_gimple_assign(def) &&
	    TREE_CODE_CLASS(gimple_assign_rhs_code(def)) == tcc_comparison) {
		cmp->lhs = gimple_assign_rhs1(def);
		cmp->code = gimple_assign_rhs_code(def);
		cmp->rhs = gimple_assign_rhs2(def);
	} else if (is_gimple_assign(def) &&
		   ((gimple_assign_rhs_code(def) == BIT_XOR_EXPR &&
		     integer_onep(gimple_assign_rhs2(def))) ||
		    (gimple_assign_rhs_code(def) == BIT_NOT_EXPR &&
		     TREE_CODE(TREE_TYPE(op)) == BOOLEAN_TYPE))) {
		/* '!y' is 'y ^ 1', or '~y' on a bool: '!y != 0' is 'y == 0' */
		cmp->lhs = gimple_assign_rhs1(def);
		cmp->code = negate ? NE_EXPR : EQ_EXPR;
		cmp->rhs = build_zero_cst(TREE_TYPE(cmp->lhs));
		return true;
	} else if (gimple_call_builtin_p(def, BUILT_IN_EXPECT)) {
		cmp->lhs = gimple_call_arg(def, 0);
		cmp->code = negate ? EQ_EXPR : NE_EXPR;
		cmp->rhs = build_zero_cst(TREE_TYPE(cmp->lhs));
		return true;
	} else if (is_gimple_call(def)) {
		const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(def));

		if (!rule || rule->role != PB_ROLE_TEST || rule->pages_arg < 1 ||
		    gimple_call_num_args(def) < (unsigned int)rule->pages_arg)
			return false;
		cmp->lhs = gimple_call_arg(def, rule->pages_arg - 1);
		cmp->code = pb_api_test_code(rule);
		cmp->rhs = build_zero_cst(TREE_TYPE(cmp->lhs));
	} else {
		return false;
	}
	if (negate)
		cmp->code = invert_tree_comparison(cmp->code, false);
	return cmp->code != ERROR_MARK;
}

static void pb_decompose_cond(gcond *cond, edge via, struct pb_cmp *cmp)
{
	int steps;

	cmp->lhs = gimple_cond_lhs(cond);
	cmp->code = gimple_cond_code(cond);
	cmp->rhs = gimple_cond_rhs(cond);
	for (steps = 0; steps < 8 && pb_unwrap_test(cmp, via); steps++)
		;
}

/* What an operand of a comparison is, for one site. */
enum pb_operand {
	PB_OP_OTHER,
	PB_OP_RET,		/* the site's return value */
	PB_OP_REQ,		/* the count it was asked for */
	PB_OP_CONST,
	PB_OP_PAGE,		/* the page a single-page site filled in */
	PB_OP_DERIVED,		/* a count computed from RET or REQ */
};

/* Definitions walked to see what a count is computed from. */
#define PB_DERIVED_BUDGET 24

static unsigned int pb_derived_sites(struct pb_fn *fn, tree op, int *budget);

static enum pb_operand pb_classify_operand(struct pb_fn *fn, int site, tree op)
{
	const struct pb_site *s = &fn->sites[site];
	struct pb_val v;

	if (!op)
		return PB_OP_OTHER;
	if (pb_ret_sites(fn, op, 2) & (1u << site))
		return PB_OP_RET;
	if (s->req && s->rule->count == PB_COUNT_RETURN && pb_same_count(op, s->req))
		return PB_OP_REQ;
	if (TREE_CODE(op) == INTEGER_CST)
		return tree_fits_shwi_p(op) ? PB_OP_CONST : PB_OP_OTHER;
	/* the page a single-page site filled in, or the array pointer */
	if (TREE_CODE(op) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(op))) {
		v = pb_value_of(fn, op);
		if (v.key && pb_key_equal(fn, v.key, s->container.key) &&
		    ((s->single && v.level == s->container.level - 1) ||
		     (v.level == s->container.level && !v.offset)))
			return PB_OP_PAGE;
	}
	if (TREE_CODE(op) == SSA_NAME && INTEGRAL_TYPE_P(TREE_TYPE(op))) {
		int budget = PB_DERIVED_BUDGET;

		if (pb_derived_sites(fn, op, &budget) & (1u << site))
			return PB_OP_DERIVED;
	}
	return PB_OP_OTHER;
}

/* Interval of the return value in class CLS. */
static void pb_ret_range(const struct pb_site *s, int cls, bool unsigned_view,
			 HOST_WIDE_INT *lo, HOST_WIDE_INT *hi)
{
	bool n_known = s->req && TREE_CODE(s->req) == INTEGER_CST &&
		       tree_fits_shwi_p(s->req) && s->rule->count == PB_COUNT_RETURN;
	HOST_WIDE_INT n = n_known ? tree_to_shwi(s->req) : 0;

	switch (cls) {
	case PB_ERR:
		*lo = unsigned_view ? HOST_WIDE_INT_MAX : HOST_WIDE_INT_MIN;
		*hi = unsigned_view ? HOST_WIDE_INT_MAX : -1;
		break;
	case PB_ZERO:
		*lo = *hi = 0;
		break;
	case PB_PARTIAL:
		*lo = 1;
		*hi = n_known ? n - 1 : HOST_WIDE_INT_MAX - 1;
		break;
	default:
		*lo = n_known ? n : 1;
		*hi = n_known ? n : HOST_WIDE_INT_MAX - 1;
		/* 'return 0 when everything was taken' */
		if (s->rule->count == PB_COUNT_STATUS)
			*lo = *hi = 0;
		break;
	}
}

/*
 * Interval of the requested count in class CLS: the gup functions return
 * 0 only when asked for no pages, so a class with pages implies n >= 1,
 * and fewer than requested implies n >= 2.
 */
static void pb_req_range(const struct pb_site *s, int cls,
			 HOST_WIDE_INT *lo, HOST_WIDE_INT *hi)
{
	if (TREE_CODE(s->req) == INTEGER_CST && tree_fits_shwi_p(s->req)) {
		*lo = *hi = tree_to_shwi(s->req);
		return;
	}
	*lo = HOST_WIDE_INT_MIN;
	*hi = HOST_WIDE_INT_MAX;
	if (cls == PB_ZERO)
		*hi = 0;
	else if (cls == PB_PARTIAL)
		*lo = 2;
	else if (cls == PB_FULL)
		*lo = 1;
}

/*
 * Counts computed from the return value or the requested count:
 * 'n = DIV_ROUND_UP(left + start, PAGE_SIZE)' after a call that returned
 * 'left' bytes, or 'nr_pages' reset to what was pinned on the short path
 * before the label that puts that many.  Their bounds in a class say
 * whether a loop 'for (i = 0; i < n; i++)' can be skipped where pages
 * were taken.  Wrap-around is ignored, as the kernel's own counts do.
 */
#define PB_BOUND HOST_WIDE_INT_MAX

struct pb_range {
	HOST_WIDE_INT lo, hi;
};

static HOST_WIDE_INT pb_sat_add(HOST_WIDE_INT a, HOST_WIDE_INT b)
{
	if (a == -PB_BOUND || b == -PB_BOUND || a == HOST_WIDE_INT_MIN ||
	    b == HOST_WIDE_INT_MIN)
		return (a == PB_BOUND || b == PB_BOUND) ? 0 : HOST_WIDE_INT_MIN;
	if (a == PB_BOUND || b == PB_BOUND)
		return PB_BOUND;
	if ((b > 0 && a > PB_BOUND - 1 - b) || (b < 0 && a < -PB_BOUND + 1 - b))
		return b > 0 ? PB_BOUND : HOST_WIDE_INT_MIN;
	return a + b;
}

/* The constant second operand of an operation, if positive. */
static bool pb_positive_const(tree op, HOST_WIDE_INT *k)
{
	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != INTEGER_CST || !tree_fits_shwi_p(op) ||
	    tree_to_shwi(op) <= 0)
		return false;
	*k = tree_to_shwi(op);
	return true;
}

static bool pb_operand_range(struct pb_fn *fn, int site, int cls, tree op,
			     int *budget, struct pb_range *r);

static bool pb_phi_range(struct pb_fn *fn, int site, int cls, gphi *phi,
			 int *budget, struct pb_range *r)
{
	struct pb_range a;
	unsigned int i;

	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		if (!pb_operand_range(fn, site, cls, gimple_phi_arg_def(phi, i),
				      budget, &a))
			return false;
		r->lo = i ? MIN(r->lo, a.lo) : a.lo;
		r->hi = i ? MAX(r->hi, a.hi) : a.hi;
	}
	return i > 0;
}

/* Monotone arithmetic on ranges: a + b, a - k, a * k, a / k, a >> k. */
static bool pb_arith_range(struct pb_fn *fn, int site, int cls, gimple *def,
			   int *budget, struct pb_range *r)
{
	enum tree_code code = gimple_assign_rhs_code(def);
	struct pb_range a, b;
	HOST_WIDE_INT k;

	if (!pb_operand_range(fn, site, cls, gimple_assign_rhs1(def), budget, &a))
		return false;
	switch (code) {
	case PLUS_EXPR:
	case MIN_EXPR:
	case MAX_EXPR:
		if (!pb_operand_range(fn, site, cls, gimple_assign_rhs2(def),
				      budget, &b))
			return false;
		r->lo = code == PLUS_EXPR ? pb_sat_add(a.lo, b.lo) :
			code == MIN_EXPR ? MIN(a.lo, b.lo) : MAX(a.lo, b.lo);
		r->hi = code == PLUS_EXPR ? pb_sat_add(a.hi, b.hi) :
			code == MIN_EXPR ? MIN(a.hi, b.hi) : MAX(a.hi, b.hi);
		return true;
	case MINUS_EXPR:
		if (!pb_positive_const(gimple_assign_rhs2(def), &k))
			return false;
		r->lo = pb_sat_add(a.lo, -k);
		r->hi = pb_sat_add(a.hi, -k);
		return true;
	case TRUNC_DIV_EXPR:
	case EXACT_DIV_EXPR:
	case RSHIFT_EXPR:
		if (!pb_positive_const(gimple_assign_rhs2(def), &k) ||
		    (code == RSHIFT_EXPR && k >= HOST_BITS_PER_WIDE_INT) ||
		    a.lo < 0)
			return false;
		r->lo = code == RSHIFT_EXPR ? a.lo >> k : a.lo / k;
		r->hi = a.hi == PB_BOUND ? PB_BOUND :
			code == RSHIFT_EXPR ? a.hi >> k : a.hi / k;
		return true;
	default:
		return false;
	}
}

/* Bounds of OP in class CLS of SITE; false if they are not known. */
static bool pb_operand_range(struct pb_fn *fn, int site, int cls, tree op,
			     int *budget, struct pb_range *r)
{
	const struct pb_site *s = &fn->sites[site];
	tree type = op ? TREE_TYPE(op) : NULL_TREE;
	gimple *def;

	if (!op || --*budget < 0)
		return false;
	if (pb_ret_sites(fn, op, 2) & (1u << site)) {
		pb_ret_range(s, cls, false, &r->lo, &r->hi);
	} else if (s->req && s->rule->count == PB_COUNT_RETURN &&
		   pb_same_count(op, s->req)) {
		pb_req_range(s, cls, &r->lo, &r->hi);
	} else {
		op = pb_strip_copies(op);
		if (TREE_CODE(op) == INTEGER_CST) {
			if (!tree_fits_shwi_p(op))
				return false;
			r->lo = r->hi = tree_to_shwi(op);
			return true;
		}
		if (TREE_CODE(op) != SSA_NAME)
			return false;
		def = SSA_NAME_DEF_STMT(op);
		if (gphi *phi = dyn_cast<gphi *>(def)) {
			if (!pb_phi_range(fn, site, cls, phi, budget, r))
				return false;
		} else if (is_gimple_assign(def) &&
			   gimple_num_ops(def) == 3 &&
			   pb_arith_range(fn, site, cls, def, budget, r)) {
			/* computed */
		} else if (type && INTEGRAL_TYPE_P(type) && TYPE_UNSIGNED(type)) {
			/* an unsigned term ('start' of a page offset) */
			r->lo = 0;
			r->hi = PB_BOUND;
			return true;
		} else {
			return false;
		}
	}
	/* a negative bound means nothing in an unsigned type */
	return !(type && TYPE_UNSIGNED(type) && r->lo < 0);
}

/*
 * The sites whose return value or requested count OP is computed from,
 * through the operations pb_operand_range follows.
 */
static unsigned int pb_derived_sites(struct pb_fn *fn, tree op, int *budget)
{
	unsigned int sites;
	gimple *def;
	unsigned int i;
	int s;

	if (!op || --*budget < 0)
		return 0;
	sites = pb_ret_sites(fn, op, 2);
	for (s = 0; s < fn->nsites; s++)
		if (fn->sites[s].req && fn->sites[s].rule->count == PB_COUNT_RETURN &&
		    pb_same_count(op, fn->sites[s].req))
			sites |= 1u << s;
	if (sites)
		return sites;
	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != SSA_NAME)
		return 0;
	def = SSA_NAME_DEF_STMT(op);
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (i = 0; i < gimple_phi_num_args(phi); i++)
			sites |= pb_derived_sites(fn, gimple_phi_arg_def(phi, i),
						  budget);
	} else if (is_gimple_assign(def) && gimple_num_ops(def) == 3) {
		sites = pb_derived_sites(fn, gimple_assign_rhs1(def), budget) |
			pb_derived_sites(fn, gimple_assign_rhs2(def), budget);
	}
	return sites;
}

static unsigned int pb_range_vs(HOST_WIDE_INT lo, HOST_WIDE_INT hi,
				HOST_WIDE_INT k)
{
	unsigned int rel = 0;

	if (lo < k)
		rel |= PB_LT;
	if (lo <= k && k <= hi)
		rel |= PB_EQ;
	if (hi > k)
		rel |= PB_GT;
	return rel;
}

/* Relation of the return value to the requested count n. */
static unsigned int pb_ret_vs_req(int cls, bool unsigned_view)
{
	switch (cls) {
	case PB_ERR:
		return unsigned_view ? PB_GT : PB_LT;
	case PB_PARTIAL:
		return PB_LT;
	default:
		return PB_EQ;
	}
}

/* Relation of LHS to RHS in class CLS; all three when unknown. */
static unsigned int pb_relation(struct pb_fn *fn, int site, int cls,
				enum pb_operand lk, enum pb_operand rk,
				tree lhs, tree rhs, bool unsigned_view)
{
	const struct pb_site *s = &fn->sites[site];
	HOST_WIDE_INT lo, hi;

	if (lk == PB_OP_RET && rk == PB_OP_REQ)
		return pb_ret_vs_req(cls, unsigned_view);
	if (rk != PB_OP_CONST)
		return PB_LT | PB_EQ | PB_GT;
	if (lk == PB_OP_RET) {
		pb_ret_range(s, cls, unsigned_view, &lo, &hi);
		return pb_range_vs(lo, hi, tree_to_shwi(rhs));
	}
	if (lk == PB_OP_REQ) {
		pb_req_range(s, cls, &lo, &hi);
		return pb_range_vs(lo, hi, tree_to_shwi(rhs));
	}
	if (lk == PB_OP_DERIVED) {
		struct pb_range r;
		int budget = PB_DERIVED_BUDGET;

		/* compared as unsigned, a negative bound wraps */
		if (!pb_operand_range(fn, site, cls, lhs, &budget, &r) ||
		    (unsigned_view && r.lo < 0))
			return PB_LT | PB_EQ | PB_GT;
		return pb_range_vs(r.lo, r.hi, tree_to_shwi(rhs));
	}
	/* 'if (!page)': a page that was pinned is not NULL */
	if (lk == PB_OP_PAGE && integer_zerop(rhs) &&
	    (cls == PB_PARTIAL || cls == PB_FULL))
		return PB_GT;
	return PB_LT | PB_EQ | PB_GT;
}

static bool pb_relation_allows(unsigned int rel, enum tree_code code)
{
	switch (code) {
	case LT_EXPR: return rel & PB_LT;
	case LE_EXPR: return rel & (PB_LT | PB_EQ);
	case GT_EXPR: return rel & PB_GT;
	case GE_EXPR: return rel & (PB_GT | PB_EQ);
	case EQ_EXPR: return rel & PB_EQ;
	case NE_EXPR: return rel & (PB_LT | PB_GT);
	default: return true;
	}
}

/* The comparison that decides edge E, with VIA's PHIs resolved. */
static bool pb_edge_comparison(edge e, edge via, struct pb_cmp *cmp)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(e->src));

	if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return false;
	pb_decompose_cond(cond, via, cmp);
	if (!(e->flags & EDGE_TRUE_VALUE))
		cmp->code = invert_tree_comparison(cmp->code, false);
	return cmp->code != ERROR_MARK;
}

#define PB_ALL_CLASSES ((1u << PB_NCLASSES) - 1)
#define PB_TEST_DEPTH 8

static bool pb_known_nonzero(tree op, int depth);

/* 1 if L CODE R surely holds, 0 if it surely does not, -1 if unknown. */
static int pb_static_compare(tree l, enum tree_code code, tree r)
{
	tree folded;

	if (!l || !r || TREE_CODE(r) != INTEGER_CST)
		return -1;
	if (TREE_CODE(l) != INTEGER_CST) {
		if (!integer_zerop(r) || (code != EQ_EXPR && code != NE_EXPR) ||
		    !pb_known_nonzero(l, 4))
			return -1;
		return code == NE_EXPR;
	}
	folded = fold_binary(code, boolean_type_node, l,
			     fold_convert(TREE_TYPE(l), r));
	if (!folded || TREE_CODE(folded) != INTEGER_CST)
		return -1;
	return !integer_zerop(folded);
}

/* Classes of SITE for which the comparison L CODE R holds on VIA. */
static unsigned int pb_compare_classes(struct pb_fn *fn, int site, tree lhs,
				       enum tree_code code, tree rhs, edge via)
{
	tree l = pb_operand_on_edge(lhs, via);
	tree r = pb_operand_on_edge(rhs, via);
	enum pb_operand lk, rk;
	bool unsigned_view = TYPE_UNSIGNED(TREE_TYPE(lhs));
	unsigned int kept = 0;
	int c;

	/* known on this edge whatever the site did: all classes, or none */
	switch (pb_static_compare(l, code, r)) {
	case 1:
		return PB_ALL_CLASSES;
	case 0:
		return 0;
	default:
		break;
	}
	lk = pb_classify_operand(fn, site, l);
	rk = pb_classify_operand(fn, site, r);

	if (rk == PB_OP_RET || (rk == PB_OP_REQ && lk != PB_OP_RET) ||
	    rk == PB_OP_PAGE ||
	    (rk == PB_OP_DERIVED && (lk == PB_OP_CONST || lk == PB_OP_OTHER))) {
		tree tmp = l;
		enum pb_operand tk = lk;

		l = r;
		r = tmp;
		lk = rk;
		rk = tk;
		code = swap_tree_comparison(code);
		unsigned_view = TYPE_UNSIGNED(TREE_TYPE(rhs));
	}
	if (lk == PB_OP_OTHER || lk == PB_OP_CONST || !l)
		return PB_ALL_CLASSES;
	if (POINTER_TYPE_P(TREE_TYPE(l)))
		unsigned_view = false;
	for (c = 0; c < PB_NCLASSES; c++)
		if (pb_relation_allows(pb_relation(fn, site, c, lk, rk, l, r,
						   unsigned_view),
				       code))
			kept |= 1u << c;
	return kept;
}

/*
 * 'a & b' or 'a | b' tested against zero on VIA, the form GCC gives
 * 'ret >= 0 && ret < n' when it need not short-circuit: the operation
 * (BIT_AND_EXPR or BIT_IOR_EXPR), with the same test of each side in A
 * and B; ERROR_MARK if CMP is not such a test.
 */
static enum tree_code pb_split_bit_test(const struct pb_cmp *cmp, edge via,
					struct pb_cmp *a, struct pb_cmp *b)
{
	tree op = pb_operand_on_edge(cmp->lhs, via);
	enum tree_code bit_op;
	gimple *def;

	if ((cmp->code != NE_EXPR && cmp->code != EQ_EXPR) ||
	    !integer_zerop(cmp->rhs) || !op || TREE_CODE(op) != SSA_NAME)
		return ERROR_MARK;
	def = SSA_NAME_DEF_STMT(op);
	if (!is_gimple_assign(def))
		return ERROR_MARK;
	bit_op = gimple_assign_rhs_code(def);
	if (bit_op != BIT_AND_EXPR && bit_op != BIT_IOR_EXPR)
		return ERROR_MARK;
	a->lhs = gimple_assign_rhs1(def);
	b->lhs = gimple_assign_rhs2(def);
	a->code = b->code = cmp->code;
	a->rhs = b->rhs = cmp->rhs;
	return bit_op;
}

/*
 * Classes for which CMP holds on VIA.  Boolean tests are unwrapped one
 * step at a time by pb_unwrap_test ('unlikely(ret < 0)', '!(ret == n)',
 * 'IS_ERR(page)'); the non-short-circuit 'a & b' GCC makes of
 * 'ret >= 0 && ret < n' (and 'a | b') combines the classes of both sides.
 */
static unsigned int pb_test_classes(struct pb_fn *fn, int site,
				    const struct pb_cmp *cmp, edge via, int depth)
{
	struct pb_cmp inner = *cmp, a, b;
	enum tree_code bit_op = ERROR_MARK;
	unsigned int k;

	if (depth > 0)
		bit_op = pb_split_bit_test(cmp, via, &a, &b);
	if (bit_op != ERROR_MARK) {
		unsigned int ka = pb_test_classes(fn, site, &a, via, depth - 1);
		unsigned int kb = pb_test_classes(fn, site, &b, via, depth - 1);

		/* a & b true, or a | b false: both hold */
		return (bit_op == BIT_AND_EXPR) == (cmp->code == NE_EXPR) ?
			       ka & kb : ka | kb;
	}
	if (depth > 0 && pb_unwrap_test(&inner, via)) {
		k = pb_test_classes(fn, site, &inner, via, depth - 1);
		if (k != PB_ALL_CLASSES)
			return k;
	}
	return pb_compare_classes(fn, site, cmp->lhs, cmp->code, cmp->rhs, via);
}

/*
 * The sites for which pb_classify_operand could call OP anything but
 * PB_OP_OTHER or PB_OP_CONST (a superset is fine: those are then
 * classified one by one).
 */
static unsigned int pb_operand_sites(struct pb_fn *fn, tree op)
{
	unsigned int sites;
	struct pb_val v = {};
	int i;

	if (!op)
		return 0;
	sites = pb_ret_sites(fn, op, 2);
	if (TREE_CODE(op) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(op)))
		v = pb_value_of(fn, op);
	if (TREE_CODE(op) == SSA_NAME && INTEGRAL_TYPE_P(TREE_TYPE(op))) {
		int budget = PB_DERIVED_BUDGET;

		sites |= pb_derived_sites(fn, op, &budget);
	}
	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];

		if (s->req && s->rule->count == PB_COUNT_RETURN &&
		    pb_same_count(op, s->req))
			sites |= 1u << i;
		else if (v.key && pb_key_equal(fn, v.key, s->container.key))
			sites |= 1u << i;
	}
	return sites;
}

/*
 * The sites a test can say anything particular about, walking it as
 * pb_test_classes does.  For every other site the test's classes are
 * the same: those its comparisons have whatever the sites did.
 */
static unsigned int pb_test_sites(struct pb_fn *fn, const struct pb_cmp *cmp,
				  edge via, int depth)
{
	struct pb_cmp inner = *cmp, a, b;
	unsigned int sites = 0;

	if (depth > 0 && pb_split_bit_test(cmp, via, &a, &b) != ERROR_MARK)
		return pb_test_sites(fn, &a, via, depth - 1) |
		       pb_test_sites(fn, &b, via, depth - 1);
	if (depth > 0 && pb_unwrap_test(&inner, via))
		sites = pb_test_sites(fn, &inner, via, depth - 1);
	return sites | pb_operand_sites(fn, pb_operand_on_edge(cmp->lhs, via)) |
	       pb_operand_sites(fn, pb_operand_on_edge(cmp->rhs, via));
}

/* The test that decides edge E, before any unwrapping; false if none. */
static bool pb_edge_test(edge e, struct pb_cmp *cmp)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(e->src));

	if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return false;
	cmp->lhs = gimple_cond_lhs(cond);
	cmp->code = gimple_cond_code(cond);
	cmp->rhs = gimple_cond_rhs(cond);
	if (!(e->flags & EDGE_TRUE_VALUE))
		cmp->code = invert_tree_comparison(cmp->code, false);
	return cmp->code != ERROR_MARK;
}

/* Does taking E (or the straight path just before it) show VAL != 0? */
static bool pb_edge_implies_nonzero(edge e, tree val)
{
	int steps;

	for (steps = 0; steps < 3 && e; steps++) {
		struct pb_cmp cmp;

		if (pb_edge_comparison(e, NULL, &cmp)) {
			if (pb_strip_copies(cmp.lhs) != val || !integer_zerop(cmp.rhs))
				return false;
			return cmp.code == LT_EXPR || cmp.code == GT_EXPR ||
			       cmp.code == NE_EXPR;
		}
		e = single_pred_p(e->src) ? single_pred_edge(e->src) : NULL;
	}
	return false;
}

/*
 * Is OP non-zero on every path?  Enough to see that an error code set on
 * each failing path ('ret = pinned < 0 ? pinned : -ENOMEM') is non-zero
 * where the cleanup tests 'if (ret)'.
 */
static bool pb_known_nonzero(tree op, int depth)
{
	gphi *phi;
	unsigned int i;

	op = pb_strip_copies(op);
	if (!op || depth <= 0)
		return false;
	if (TREE_CODE(op) == INTEGER_CST)
		return !integer_zerop(op);
	if (TREE_CODE(op) == ADDR_EXPR)
		return true;
	if (TREE_CODE(op) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(op))))
		return false;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = pb_strip_copies(gimple_phi_arg_def(phi, i));

		if (!pb_known_nonzero(arg, depth - 1) &&
		    !pb_edge_implies_nonzero(gimple_phi_arg_edge(phi, i), arg))
			return false;
	}
	return true;
}

/* Is the branch never taken, its operands being known on this edge? */
static bool pb_edge_statically_dead(edge e, edge via)
{
	struct pb_cmp cmp;

	if (!via || !pb_edge_comparison(e, via, &cmp))
		return false;
	return pb_static_compare(pb_operand_on_edge(cmp.lhs, via), cmp.code,
				 pb_operand_on_edge(cmp.rhs, via)) == 0;
}

/*
 * 'if (!req->page_list) unpin_user_pages(page_list, n)': where a field
 * that was given a site's array is seen non-NULL, the owner of that
 * field has the pages; on that edge they are handed over.  The sites so
 * handed over on E, as a mask.
 */
static unsigned int pb_edge_owner_sites(struct pb_fn *fn, edge e)
{
	unsigned int sites = 0;
	struct pb_cmp cmp;
	gimple *def;
	tree field, tested;
	int i, s;

	if (!pb_edge_comparison(e, NULL, &cmp) || cmp.code != NE_EXPR ||
	    !integer_zerop(cmp.rhs))
		return 0;
	/* a flag set from a constant ('int locked = 1') strips to it */
	tested = pb_strip_copies(cmp.lhs);
	if (!tested || TREE_CODE(tested) != SSA_NAME)
		return 0;
	def = SSA_NAME_DEF_STMT(tested);
	if (!gimple_assign_load_p(def))
		return 0;
	field = pb_value_of_addr(fn, gimple_assign_rhs1(def)).key;
	for (i = 0; i < fn->nstores; i++) {
		struct pb_store *st = &fn->stores[i];
		struct pb_val v;

		if (!pb_key_equal(fn, pb_value_of_addr(fn, st->dest).key, field))
			continue;
		v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));
		if (!v.key)
			continue;
		for (s = 0; s < fn->nsites; s++)
			if (pb_key_equal(fn, v.key, fn->sites[s].container.key))
				sites |= 1u << s;
	}
	return sites;
}

/* ----------------------------------------------------------- dataflow */

pb_word *pb_edge_words(struct pb_fn *fn, edge e)
{
	return fn->edge_state + (size_t)(intptr_t)e->aux * fn->nsites;
}

bool pb_edge_is_reached(struct pb_fn *fn, edge e)
{
	return fn->edge_reached[(intptr_t)e->aux];
}

static void pb_number_edges(struct pb_fn *fn)
{
	basic_block bb;
	int n = 0;

	FOR_ALL_BB_FN(bb, fn->fun) {
		edge e;
		edge_iterator ei;

		FOR_EACH_EDGE(e, ei, bb->succs)
			e->aux = (void *)(intptr_t)n++;
	}
	fn->nedges = n;
}

static void pb_clear_edge_numbers(struct pb_fn *fn)
{
	basic_block bb;

	FOR_ALL_BB_FN(bb, fn->fun) {
		edge e;
		edge_iterator ei;

		FOR_EACH_EDGE(e, ei, bb->succs)
			e->aux = NULL;
	}
}

bool pb_block_per_edge(basic_block bb)
{
	gimple_stmt_iterator gsi;
	gimple *last = last_stmt(bb);
	int n = 0;

	if (EDGE_COUNT(bb->preds) < 2 || !last ||
	    (gimple_code(last) != GIMPLE_COND && gimple_code(last) != GIMPLE_RETURN))
		return false;
	for (gsi = gsi_start_nondebug_bb(bb); !gsi_end_p(gsi);
	     gsi_next_nondebug(&gsi))
		if (++n > PB_PER_EDGE_MAX_STMTS)
			return false;
	return true;
}

void pb_edge_in_words(struct pb_fn *fn, edge e, pb_word *out)
{
	const pb_word *src = pb_edge_words(fn, e);
	int i;

	for (i = 0; i < fn->nsites; i++)
		out[i] = (e->flags & EDGE_DFS_BACK) ? pb_absorb_back_edge(src[i])
						    : src[i];
}

/* The join of all reached incoming edges; false if none is reached. */
static bool pb_join_preds(struct pb_fn *fn, basic_block bb, pb_word *out)
{
	pb_word *tmp = XALLOCAVEC(pb_word, fn->nsites);
	bool any = false;
	edge e;
	edge_iterator ei;
	int i;

	memset(out, 0, fn->nsites * sizeof(pb_word));
	FOR_EACH_EDGE(e, ei, bb->preds) {
		if (!pb_edge_is_reached(fn, e))
			continue;
		pb_edge_in_words(fn, e, tmp);
		for (i = 0; i < fn->nsites; i++)
			out[i] |= tmp[i];
		any = true;
	}
	return any;
}

void pb_block_in_state(struct pb_fn *fn, basic_block bb, pb_word *out)
{
	pb_join_preds(fn, bb, out);
}

/* Merge W into edge E's state; true if that added anything. */
static bool pb_flow_into(struct pb_fn *fn, edge e, const pb_word *w)
{
	pb_word *dst = pb_edge_words(fn, e);
	bool changed = !pb_edge_is_reached(fn, e);
	int i;

	for (i = 0; i < fn->nsites; i++) {
		if ((dst[i] | w[i]) != dst[i])
			changed = true;
		dst[i] |= w[i];
	}
	fn->edge_reached[(intptr_t)e->aux] = 1;
	return changed;
}

/* Where switch SW sends the value V. */
static basic_block pb_switch_dest(gswitch *sw, tree v)
{
	unsigned int i;

	for (i = 1; i < gimple_switch_num_labels(sw); i++) {
		tree label = gimple_switch_label(sw, i);
		tree lo = CASE_LOW(label), hi = CASE_HIGH(label);

		if (hi ? (tree_int_cst_le(lo, v) && tree_int_cst_le(v, hi))
		       : tree_int_cst_equal(lo, v))
			return label_to_block(cfun, CASE_LABEL(label));
	}
	return label_to_block(cfun, CASE_LABEL(gimple_switch_default_label(sw)));
}

/* Can a value that took GUARD out of its switch take E out of another? */
static bool pb_switch_contradicts(gswitch *gsw, edge guard, gswitch *sw, edge e)
{
	bool any = false;
	unsigned int i;

	if (pb_strip_copies(gimple_switch_index(gsw)) !=
	    pb_strip_copies(gimple_switch_index(sw)))
		return false;
	for (i = 1; i < gimple_switch_num_labels(gsw); i++) {
		tree label = gimple_switch_label(gsw, i);

		if (label_to_block(cfun, CASE_LABEL(label)) != guard->dest)
			continue;
		if (CASE_HIGH(label))
			return false;
		any = true;
		if (pb_switch_dest(sw, CASE_LOW(label)) == e->dest)
			return false;
	}
	/* a guard that is the default edge says too little */
	return any;
}

/* The comparison made true by taking E, operands stripped. */
static bool pb_taken_comparison(edge e, tree *l, enum tree_code *code, tree *r)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(e->src));

	if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return false;
	*l = pb_strip_copies(gimple_cond_lhs(cond));
	*r = pb_strip_copies(gimple_cond_rhs(cond));
	*code = gimple_cond_code(cond);
	if (!(e->flags & EDGE_TRUE_VALUE))
		*code = invert_tree_comparison(*code, false);
	return *code != ERROR_MARK;
}

static bool pb_cond_contradicts(edge guard, edge e)
{
	enum tree_code gc, ec;
	tree gl, gr, el, er;

	if (!pb_taken_comparison(guard, &gl, &gc, &gr) ||
	    !pb_taken_comparison(e, &el, &ec, &er) || gl != el)
		return false;
	if (!operand_equal_p(gr, er, 0) &&
	    (TREE_CODE(gr) != INTEGER_CST || TREE_CODE(er) != INTEGER_CST))
		return false;
	if (operand_equal_p(gr, er, 0))
		return ec == invert_tree_comparison(gc, false);
	/* 'x == 3' then 'x == 4' */
	return gc == EQ_EXPR && ec == EQ_EXPR && !tree_int_cst_equal(gr, er);
}

/* Does leaving through E contradict a branch every path to SITE took? */
static bool pb_edge_contradicts_guards(const struct pb_site *site, edge e)
{
	gimple *last = last_stmt(e->src);
	int i;

	if (!last || !site->nguards || !pb_invariant_branch(last))
		return false;
	for (i = 0; i < site->nguards; i++) {
		edge g = site->guards[i];
		gimple *glast = last_stmt(g->src);
		gswitch *gsw = dyn_cast<gswitch *>(glast);
		gswitch *sw = dyn_cast<gswitch *>(last);

		if (gsw && sw && pb_switch_contradicts(gsw, g, sw, e))
			return true;
		if (!gsw && !sw && pb_cond_contradicts(g, e))
			return true;
	}
	return false;
}

/*
 * What leaving through E, entered through VIA, says about each site: the
 * classes its branch keeps (PB_FACT_REFINES if it tells anything),
 * PB_FACT_OWNER if it sees the owner of the pages, PB_FACT_CONTRADICTS if
 * it contradicts a branch every path to the site took.  None of it
 * depends on the state, while the solver visits a block once per change
 * of its input, so a row of these bytes is computed once per edge (per
 * edge in, for a block entered per edge: it ends in a condition, so
 * (VIA, true or false) names the edge out).  The byte after the sites
 * sums the row up: PB_ROW_DEAD if no path takes E, PB_ROW_BRANCH if E
 * leaves a branch (else no site is concerned).
 */
#define PB_FACT_KNOWN 0x80u
#define PB_FACT_REFINES 0x40u
#define PB_FACT_OWNER 0x20u
#define PB_FACT_CONTRADICTS 0x10u
#define PB_ROW_DEAD 0x01u
#define PB_ROW_BRANCH 0x02u

/*
 * Fill in every site's byte of the row.  A test is walked per site only
 * for the sites it mentions (pb_test_sites): for all the others it keeps
 * the same classes, computed once, so a branch on something else costs
 * the same whatever the number of sites.
 */
static void pb_fill_row(struct pb_fn *fn, edge e, edge via,
			unsigned char *row)
{
	unsigned int mentioned = 0, others = PB_ALL_CLASSES, owners, kept;
	struct pb_cmp cmp;
	bool test = pb_edge_test(e, &cmp);
	int i;

	if (test) {
		mentioned = pb_test_sites(fn, &cmp, via, PB_TEST_DEPTH);
		for (i = 0; i < fn->nsites; i++)
			if (!(mentioned & (1u << i))) {
				others = pb_test_classes(fn, i, &cmp, via,
							 PB_TEST_DEPTH);
				break;
			}
	}
	owners = pb_edge_owner_sites(fn, e);
	for (i = 0; i < fn->nsites; i++) {
		unsigned char facts = PB_FACT_KNOWN;

		kept = others;
		if (mentioned & (1u << i))
			kept = pb_test_classes(fn, i, &cmp, via, PB_TEST_DEPTH);
		if (kept != PB_ALL_CLASSES)
			facts |= PB_FACT_REFINES | kept;
		if (owners & (1u << i))
			facts |= PB_FACT_OWNER;
		if (pb_edge_contradicts_guards(&fn->sites[i], e))
			facts |= PB_FACT_CONTRADICTS;
		row[i] = facts;
	}
}

/* Compute the row: its summary, then the sites' bytes if E is a branch. */
static void pb_start_row(struct pb_fn *fn, edge e, edge via,
			 unsigned char *row)
{
	unsigned char sum = PB_FACT_KNOWN;
	gimple *last = last_stmt(e->src);

	memset(row, 0, fn->nsites);
	if (pb_edge_statically_dead(e, via)) {
		sum |= PB_ROW_DEAD;
	} else if (last && (gimple_code(last) == GIMPLE_COND ||
			    gimple_code(last) == GIMPLE_SWITCH)) {
		/* only a branch tells anything about a site */
		sum |= PB_ROW_BRANCH;
		pb_fill_row(fn, e, via, row);
	}
	row[fn->nsites] = sum;
}

/* The row for E entered through VIA; ROOM (nsites + 1) if not kept. */
static unsigned char *pb_edge_row(struct pb_fn *fn, edge e, edge via,
					unsigned char *room)
{
	size_t width = fn->nsites + 1;
	unsigned char *row;

	if (!via)
		row = &fn->edge_facts[(size_t)(intptr_t)e->aux * width];
	else if (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE))
		row = &fn->via_facts[((size_t)(intptr_t)via->aux * 2 +
				      !(e->flags & EDGE_TRUE_VALUE)) * width];
	else
		row = room;
	if (row == room || !(row[fn->nsites] & PB_FACT_KNOWN))
		pb_start_row(fn, e, via, row);
	return row;
}

bool pb_cond_refines(struct pb_fn *fn, edge e, int site, unsigned int *kept)
{
	unsigned char *room = XALLOCAVEC(unsigned char, fn->nsites + 1);
	unsigned char *row = pb_edge_row(fn, e, NULL, room);
	unsigned char facts = 0;

	if (row[fn->nsites] & PB_ROW_BRANCH)
		facts = row[site];

	*kept = facts & PB_ALL_CLASSES;
	return facts & PB_FACT_REFINES;
}

/* Refine W for leaving through E; false if no path can take E. */
static bool pb_refine_for_edge(struct pb_fn *fn, edge e, edge via, pb_word *w)
{
	unsigned char *room = XALLOCAVEC(unsigned char, fn->nsites + 1);
	unsigned char *row = pb_edge_row(fn, e, via, room);
	int i;

	if (row[fn->nsites] & PB_ROW_DEAD)
		return false;
	if (!(row[fn->nsites] & PB_ROW_BRANCH))
		return true;
	for (i = 0; i < fn->nsites; i++) {
		unsigned char facts;

		if (!(w[i] & ~PB_ABSENT))
			continue;
		facts = row[i];
		if (facts & PB_FACT_CONTRADICTS) {
			w[i] &= PB_ABSENT;
			if (!w[i])
				return false;
			continue;
		}
		if (facts & PB_FACT_OWNER)
			pb_hand_over_site(w, i);
		if (!(facts & PB_FACT_REFINES))
			continue;
		w[i] = pb_keep_classes(w[i], facts & PB_ALL_CLASSES);
		if (!w[i])
			return false;
	}
	return true;
}

static void pb_run_block(struct pb_fn *fn, basic_block bb, edge via,
			 pb_word *w, bitmap worklist)
{
	pb_word *out = XALLOCAVEC(pb_word, fn->nsites);
	gimple_stmt_iterator gsi;
	edge e;
	edge_iterator ei;

	fn->via = via;
	for (gsi = gsi_start_nondebug_bb(bb); !gsi_end_p(gsi);
	     gsi_next_nondebug(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);

		pb_transfer_stmt(fn, stmt, w);
		if (fn->reporting && gimple_code(stmt) == GIMPLE_RETURN)
			pb_check_return(fn, bb, via, w);
	}
	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (e->dest == EXIT_BLOCK_PTR_FOR_FN(fn->fun))
			continue;
		memcpy(out, w, fn->nsites * sizeof(pb_word));
		if (!pb_refine_for_edge(fn, e, via, out))
			continue;
		if (pb_flow_into(fn, e, out) && worklist)
			bitmap_set_bit(worklist, fn->rpo_index[e->dest->index]);
	}
}

static void pb_visit_block(struct pb_fn *fn, basic_block bb, bitmap worklist)
{
	pb_word *w = XALLOCAVEC(pb_word, fn->nsites);
	edge e;
	edge_iterator ei;

	if (!pb_block_per_edge(bb)) {
		if (pb_join_preds(fn, bb, w))
			pb_run_block(fn, bb, NULL, w, worklist);
		return;
	}
	FOR_EACH_EDGE(e, ei, bb->preds) {
		if (!pb_edge_is_reached(fn, e))
			continue;
		pb_edge_in_words(fn, e, w);
		pb_run_block(fn, bb, e, w, worklist);
	}
}

static void pb_seed_entry(struct pb_fn *fn, bitmap worklist)
{
	pb_word *w = XALLOCAVEC(pb_word, fn->nsites);
	edge e;
	edge_iterator ei;
	int i;

	for (i = 0; i < fn->nsites; i++)
		w[i] = PB_ABSENT;
	FOR_EACH_EDGE(e, ei, ENTRY_BLOCK_PTR_FOR_FN(fn->fun)->succs) {
		pb_flow_into(fn, e, w);
		if (e->dest != EXIT_BLOCK_PTR_FOR_FN(fn->fun))
			bitmap_set_bit(worklist, fn->rpo_index[e->dest->index]);
	}
}

static bool pb_solve(struct pb_fn *fn)
{
	bitmap worklist = BITMAP_ALLOC(NULL);
	long budget = (long)PB_MAX_VISITS_PER_BLOCK * (fn->nrpo + 1);
	bool done = true;

	pb_seed_entry(fn, worklist);
	while (!bitmap_empty_p(worklist)) {
		int idx = bitmap_first_set_bit(worklist);

		bitmap_clear_bit(worklist, idx);
		if (--budget < 0) {
			done = false;
			break;
		}
		pb_visit_block(fn, fn->rpo[idx], worklist);
	}
	BITMAP_FREE(worklist);
	return done;
}

/* The fixed point is known: walk once more, now reporting. */
static void pb_report_walk(struct pb_fn *fn)
{
	int i;

	fn->reporting = true;
	for (i = 0; i < fn->nrpo; i++)
		pb_visit_block(fn, fn->rpo[i], NULL);
	fn->reporting = false;
}

static void pb_setup_cfg(struct pb_fn *fn)
{
	int i;

	fn->rpo = XNEWVEC(basic_block, n_basic_blocks_for_fn(fn->fun));
	fn->rpo_index = XNEWVEC(int, last_basic_block_for_fn(fn->fun));
	{
		int *order = XNEWVEC(int, n_basic_blocks_for_fn(fn->fun));
		auto_bitmap exit_bbs;

		/*
		 * An order where each loop's blocks come together, before
		 * what follows the loop: the worklist, which takes the first
		 * block in this order, then finishes a loop before flowing
		 * out of it.  In a plain reverse postorder the code after a
		 * loop may come before the loop's body, and is then walked
		 * again for every change the loop makes.
		 */
		bitmap_set_bit(exit_bbs, EXIT_BLOCK);
		if (single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(fn->fun)))
			fn->nrpo = rev_post_order_and_mark_dfs_back_seme(
				fn->fun,
				single_succ_edge(ENTRY_BLOCK_PTR_FOR_FN(fn->fun)),
				exit_bbs, true, order, NULL);
		else
			fn->nrpo = pre_and_rev_post_order_compute_fn(
				fn->fun, NULL, order, false);
		for (i = 0; i < fn->nrpo; i++) {
			fn->rpo[i] = BASIC_BLOCK_FOR_FN(fn->fun, order[i]);
			fn->rpo_index[order[i]] = i;
		}
		XDELETEVEC(order);
	}
	pb_mark_dfs_back_edges(fn->fun);
	calculate_dominance_info(CDI_DOMINATORS);
	pb_number_edges(fn);
}

/* One word per edge and site, allocated once the sites are known. */
static void pb_alloc_states(struct pb_fn *fn)
{
	fn->edge_state = XCNEWVEC(pb_word, (size_t)fn->nedges * fn->nsites);
	fn->edge_reached = XCNEWVEC(unsigned char, fn->nedges);
	fn->edge_facts = XCNEWVEC(unsigned char,
				  (size_t)fn->nedges * (fn->nsites + 1));
	fn->via_facts = XCNEWVEC(unsigned char,
				 (size_t)fn->nedges * 2 * (fn->nsites + 1));
}

static void pb_teardown(struct pb_fn *fn)
{
	pb_clear_edge_numbers(fn);
	XDELETEVEC(fn->edge_state);
	XDELETEVEC(fn->edge_reached);
	XDELETEVEC(fn->edge_facts);
	XDELETEVEC(fn->via_facts);
	XDELETEVEC(fn->rpo);
	XDELETEVEC(fn->rpo_index);
	pb_value_fini(fn);
}

static void pb_debug_dump(struct pb_fn *fn)
{
	int i;

	fprintf(stderr, "pinbalance: %s: %d sites (%d untracked)\n",
		function_name(fn->fun), fn->nsites, fn->untracked_sites);
	for (i = 0; i < fn->nsites; i++) {
		fprintf(stderr, "  site %d: %s%s%s classes=%#x key=", i,
			fn->sites[i].rule->name,
			fn->sites[i].single ? " single" : "",
			fn->sites[i].caller_owned ? " caller-owned" : "",
			fn->sites[i].classes);
		print_generic_expr(stderr, fn->sites[i].container.key);
		fprintf(stderr, " level=%d\n", fn->sites[i].container.level);
	}
}

unsigned int pb_analyze_function(function *fun)
{
	struct pb_fn *fn;

	pb_stats.functions++;
	if (!fun->cfg || !pb_function_acquires(fun))
		return 0;
	if (pb_api_ignored(fun->decl)) {
		pb_stats.functions_ignored++;
		return 0;
	}
	pb_stats.functions_analyzed++;
	pb_diag_reset();
	fn = XCNEW(struct pb_fn);
	fn->fun = fun;
	pb_value_init(fn);
	pb_setup_cfg(fn);
	pb_collect_sites(fn);
	if (pb_options.debug)
		pb_debug_dump(fn);
	if (fn->nsites) {
		pb_alloc_states(fn);
		pb_value_note_ret_copies(fn);
		if (pb_solve(fn))
			pb_report_walk(fn);
		else
			pb_stats.functions_given_up++;
	}
	free_dominance_info(CDI_DOMINATORS);
	pb_teardown(fn);
	XDELETE(fn);
	return 0;
}
