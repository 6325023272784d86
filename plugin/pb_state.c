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

	if (rule->count == PB_COUNT_ONE)
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
	unsigned int nargs = gimple_call_num_args(call);

	if (rule->pages_arg < 0 || (unsigned int)rule->pages_arg > nargs)
		return false;
	if (rule->count_arg < 0 || (unsigned int)rule->count_arg > nargs)
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

/* Was the site's array stored into (a field of) local variable DECL? */
static bool pb_site_stored_in_decl(struct pb_fn *fn, int site, tree decl)
{
	int i;

	for (i = 0; i < fn->nstores; i++) {
		struct pb_store *st = &fn->stores[i];
		struct pb_val v;

		if (pb_key_base_decl(st->dest) != decl)
			continue;
		v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));
		if (v.key && pb_key_equal(fn, v.key, fn->sites[site].container.key))
			return true;
	}
	return false;
}

/*
 * OP escapes to code we cannot see (an unknown call, a return, an asm):
 * any site whose pages OP reaches is handed over, and is no longer ours
 * to report as leaked.
 */
static void pb_hand_over_operand(struct pb_fn *fn, tree op, pb_word *w)
{
	struct pb_val v = pb_value_of(fn, op);
	tree decl;
	int i;

	if (!v.key)
		return;
	decl = TREE_CODE(v.key) == SSA_NAME ? NULL_TREE : pb_key_base_decl(v.key);
	for (i = 0; i < fn->nsites; i++) {
		tree key = fn->sites[i].container.key;

		if (!(w[i] & ~PB_ABSENT))
			continue;
		if (pb_key_equal(fn, v.key, key) ||
		    (decl && pb_key_base_decl(key) == decl) ||
		    (decl && pb_site_stored_in_decl(fn, i, decl)))
			pb_hand_over_site(w, i);
	}
}

/* A store of pages, or of the array pointer, into memory we do not own. */
static void pb_transfer_store(struct pb_fn *fn, gimple *stmt, pb_word *w)
{
	tree lhs = gimple_assign_lhs(stmt);
	struct pb_val v, dest;
	int i;

	if (!gimple_assign_single_p(stmt) || TREE_CODE(lhs) == SSA_NAME)
		return;
	v = pb_value_of(fn, gimple_assign_rhs1(stmt));
	if (!v.key)
		return;
	dest = pb_value_of_addr(fn, lhs);
	for (i = 0; i < fn->nsites; i++) {
		tree key = fn->sites[i].container.key;

		if (!(w[i] & ~PB_ABSENT) || !pb_key_equal(fn, v.key, key))
			continue;
		/* moving pages within their own array */
		if (dest.key && pb_key_equal(fn, dest.key, key))
			continue;
		/* a copy in a local variable: still ours */
		if (dest.key && TREE_CODE(dest.key) != SSA_NAME &&
		    pb_key_is_local(fn, dest.key))
			continue;
		pb_hand_over_site(w, i);
	}
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
			pb_check_free(fn, call, w);
			return;
		case PB_ROLE_OWNER:
			break;
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
			pb_hand_over_operand(fn,
				gimple_return_retval(as_a<greturn *>(stmt)), w);
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
		   gimple_assign_rhs_code(def) == BIT_XOR_EXPR &&
		   integer_onep(gimple_assign_rhs2(def))) {
		cmp->lhs = gimple_assign_rhs1(def);
		cmp->code = EQ_EXPR;
		cmp->rhs = build_zero_cst(TREE_TYPE(cmp->lhs));
		negate = !negate;
		if (negate)
			cmp->code = NE_EXPR;
		return true;
	} else if (gimple_call_builtin_p(def, BUILT_IN_EXPECT)) {
		cmp->lhs = gimple_call_arg(def, 0);
		cmp->code = negate ? EQ_EXPR : NE_EXPR;
		cmp->rhs = build_zero_cst(TREE_TYPE(cmp->lhs));
		return true;
	} else if (is_gimple_call(def)) {
		const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(def));

		if (!rule || rule->role != PB_ROLE_TEST ||
		    gimple_call_num_args(def) < 1)
			return false;
		cmp->lhs = gimple_call_arg(def, 0);
		cmp->code = (enum tree_code)rule->test_code;
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

/* Interval of values the return can take in CLASS, for constants. */
static void pb_class_range(const struct pb_site *site, int cls, bool unsigned_view,
			   HOST_WIDE_INT *lo, HOST_WIDE_INT *hi)
{
	HOST_WIDE_INT n = 0;
	bool n_known = site->req && TREE_CODE(site->req) == INTEGER_CST &&
		       tree_fits_shwi_p(site->req) &&
		       site->rule->count == PB_COUNT_RETURN;

	if (n_known)
		n = tree_to_shwi(site->req);
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
		break;
	}
}

static unsigned int pb_relation_to_const(const struct pb_site *site, int cls,
					 bool unsigned_view, HOST_WIDE_INT k)
{
	HOST_WIDE_INT lo, hi;
	unsigned int rel = 0;

	pb_class_range(site, cls, unsigned_view, &lo, &hi);
	if (lo < k)
		rel |= PB_LT;
	if (lo <= k && k <= hi)
		rel |= PB_EQ;
	if (hi > k)
		rel |= PB_GT;
	return rel;
}

/* Relation to the requested count n (n >= 1; 0 is returned only for 0). */
static unsigned int pb_relation_to_request(int cls, bool unsigned_view)
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

/*
 * Which classes of SITE survive the comparison CMP, with the return value
 * on the left.  Returns false when the other side is not understood.
 */
static bool pb_classes_satisfying(struct pb_fn *fn, int site,
				  const struct pb_cmp *cmp, edge via,
				  unsigned int *kept)
{
	const struct pb_site *s = &fn->sites[site];
	tree other = pb_operand_on_edge(cmp->rhs, via);
	bool unsigned_view = TYPE_UNSIGNED(TREE_TYPE(cmp->lhs)) &&
			     !POINTER_TYPE_P(TREE_TYPE(cmp->lhs));
	bool vs_request;
	int c;

	vs_request = s->req && s->rule->count == PB_COUNT_RETURN &&
		     pb_same_count(other, s->req);
	if (!vs_request && (!other || TREE_CODE(other) != INTEGER_CST ||
			    !tree_fits_shwi_p(other)))
		return false;
	*kept = 0;
	for (c = 0; c < PB_NCLASSES; c++) {
		unsigned int rel = vs_request ?
			pb_relation_to_request(c, unsigned_view) :
			pb_relation_to_const(s, c, unsigned_view,
					     tree_to_shwi(other));

		if (pb_relation_allows(rel, cmp->code))
			*kept |= 1u << c;
	}
	return true;
}

/*
 * The classes of SITE that can take edge E out of a conditional block,
 * entered through VIA (NULL: any).  False if the branch says nothing
 * about the site.
 */
static bool pb_edge_classes(struct pb_fn *fn, edge e, edge via, int site,
			    unsigned int *kept)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(e->src));
	struct pb_cmp cmp;
	bool on_true = e->flags & EDGE_TRUE_VALUE;

	if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return false;
	pb_decompose_cond(cond, via, &cmp);
	if (!on_true)
		cmp.code = invert_tree_comparison(cmp.code, false);
	if (cmp.code == ERROR_MARK)
		return false;
	if (pb_ret_site(fn, pb_operand_on_edge(cmp.lhs, via)) != site) {
		tree tmp = cmp.lhs;

		if (pb_ret_site(fn, pb_operand_on_edge(cmp.rhs, via)) != site)
			return false;
		cmp.lhs = cmp.rhs;
		cmp.rhs = tmp;
		cmp.code = swap_tree_comparison(cmp.code);
	}
	return pb_classes_satisfying(fn, site, &cmp, via, kept);
}

bool pb_cond_refines(struct pb_fn *fn, edge e, int site, unsigned int *kept)
{
	return pb_edge_classes(fn, e, NULL, site, kept);
}

/* Both operands constant on this edge: is the branch never taken? */
static bool pb_edge_statically_dead(edge e, edge via)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(e->src));
	struct pb_cmp cmp;
	tree l, r, folded;

	if (!cond || !via || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return false;
	pb_decompose_cond(cond, via, &cmp);
	l = pb_operand_on_edge(cmp.lhs, via);
	r = pb_operand_on_edge(cmp.rhs, via);
	if (!l || !r || TREE_CODE(l) != INTEGER_CST || TREE_CODE(r) != INTEGER_CST)
		return false;
	folded = fold_binary(cmp.code, boolean_type_node, l,
			     fold_convert(TREE_TYPE(l), r));
	if (!folded || TREE_CODE(folded) != INTEGER_CST)
		return false;
	return integer_zerop(folded) == !!(e->flags & EDGE_TRUE_VALUE);
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

/* Refine W for leaving through E; false if no path can take E. */
static bool pb_refine_for_edge(struct pb_fn *fn, edge e, edge via, pb_word *w)
{
	int i;

	if (pb_edge_statically_dead(e, via))
		return false;
	for (i = 0; i < fn->nsites; i++) {
		unsigned int kept;

		if (!(w[i] & ~PB_ABSENT))
			continue;
		if (!pb_edge_classes(fn, e, via, i, &kept))
			continue;
		w[i] = pb_keep_classes(w[i], kept);
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

		fn->nrpo = pre_and_rev_post_order_compute_fn(fn->fun, NULL,
							     order, false);
		for (i = 0; i < fn->nrpo; i++) {
			fn->rpo[i] = BASIC_BLOCK_FOR_FN(fn->fun, order[i]);
			fn->rpo_index[order[i]] = i;
		}
		XDELETEVEC(order);
	}
	mark_dfs_back_edges(fn->fun);
	calculate_dominance_info(CDI_DOMINATORS);
	pb_number_edges(fn);
	fn->edge_state = XCNEWVEC(pb_word, (size_t)fn->nedges * PB_MAX_SITES);
	fn->edge_reached = XCNEWVEC(unsigned char, fn->nedges);
}

static void pb_teardown(struct pb_fn *fn)
{
	pb_clear_edge_numbers(fn);
	XDELETEVEC(fn->edge_state);
	XDELETEVEC(fn->edge_reached);
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
