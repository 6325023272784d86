// SPDX-License-Identifier: GPL-2.0
/*
 * pb_cond.c - conditions: what taking a branch says about each site.
 *
 * A branch on a site's return value ('ret < 0', 'ret != npages',
 * 'IS_ERR(page)', 'unlikely(!ret)', GCC's non-short-circuit 'a & b'), on
 * its requested count, on a count computed from either, or on the page it
 * filled in keeps some classes of the site and rules out the others.
 * Tests are unwrapped one step at a time down to a comparison, whose
 * operands are classified for the site and compared class by class.
 * Besides the classes, an edge may show that a field given the site's
 * array is set (its owner has the pages), contradict a guard of the site
 * (pb_guards.c), or be dead for constants known on the edge.
 *
 * All of it is summed up per edge in a row of bytes, one per site plus a
 * summary byte, which the solver caches (pb_solve.c) and the state
 * machine applies (pb_sm.c).
 */
#include "pb_gcc.h"
#include "pinbalance.h"

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
tree pb_operand_on_edge(tree op, edge via)
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
		    gimple_call_num_args(def) < (unsigned int)rule->pages_arg ||
		    pb_api_test_code(rule) == ERROR_MARK)
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

/* CMP unwrapped down to the comparison it stands for. */
static void pb_unwrap_all(struct pb_cmp *cmp, edge via)
{
	int steps;

	for (steps = 0; steps < 8 && pb_unwrap_test(cmp, via); steps++)
		;
}

static void pb_decompose_cond(gcond *cond, edge via, struct pb_cmp *cmp)
{
	cmp->lhs = gimple_cond_lhs(cond);
	cmp->code = gimple_cond_code(cond);
	cmp->rhs = gimple_cond_rhs(cond);
	pb_unwrap_all(cmp, via);
}

/* What an operand of a comparison is, for one site. */
enum pb_operand {
	PB_OP_OTHER,
	PB_OP_RET,		/* the site's return value */
	PB_OP_REQ,		/* the count it was asked for */
	PB_OP_CONST,
	PB_OP_PAGE,		/* the page a single-page site filled in */
	PB_OP_DERIVED,		/* a count computed from RET or REQ */
	PB_OP_FLAG,		/* a load of the flag a 'held-if=' site set */
};

/* Definitions walked to see what a count is computed from. */
#define PB_DERIVED_BUDGET 24

static unsigned int pb_derived_sites(struct pb_fn *fn, tree op, int *budget);

/* Is OP loaded from the flag cell SITE was given (a superset: the
 * cell may have been written since)? */
static bool pb_loads_flag(const struct pb_site *s, tree op)
{
	gimple *def;

	op = pb_strip_copies(op);
	if (!s->flag || !op || TREE_CODE(op) != SSA_NAME ||
	    !INTEGRAL_TYPE_P(TREE_TYPE(op)))
		return false;
	def = SSA_NAME_DEF_STMT(op);
	return gimple_assign_load_p(def) &&
	       pb_same_cell(gimple_assign_rhs1(def), s->flag);
}

/*
 * Is OP what SITE left in its flag ('need_drop' after
 * 'p9_get_mapped_pages(..., &need_drop)'): a load of the cell that
 * nothing may have written between the call and the load?
 */
static bool pb_is_site_flag(struct pb_fn *fn, int site, tree op)
{
	const struct pb_site *s = &fn->sites[site];

	return pb_loads_flag(s, op) &&
	       !pb_cell_written_between(fn, s->flag, s->call,
					SSA_NAME_DEF_STMT(pb_strip_copies(op)),
					s->call);
}

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
	if (pb_is_site_flag(fn, site, op))
		return PB_OP_FLAG;
	/* the page a single-page site filled in, or the array pointer (as
	 * long as it is one on every path: not a field set on some) */
	if (TREE_CODE(op) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(op)) &&
	    pb_value_certain(fn, op)) {
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

/*
 * May SITE succeed without taking any reference, whatever it returns?
 * Its flag ('held-if=') or the kind of its source ('source=') tells.
 */
static bool pb_may_take_none(const struct pb_site *s)
{
	return s->rule->held_if_arg > 0 || s->source;
}

/* Interval of the return value in class CLS. */
static void pb_ret_range(const struct pb_site *s, int cls, bool unsigned_view,
			 HOST_WIDE_INT *lo, HOST_WIDE_INT *hi)
{
	bool n_known = s->req && TREE_CODE(s->req) == INTEGER_CST &&
		       tree_fits_shwi_p(s->req) && s->rule->count == PB_COUNT_RETURN;
	HOST_WIDE_INT n = n_known ? tree_to_shwi(s->req) : 0;

	switch (cls) {
	case PB_CLASS_ERR:
		*lo = unsigned_view ? HOST_WIDE_INT_MAX : HOST_WIDE_INT_MIN;
		*hi = unsigned_view ? HOST_WIDE_INT_MAX : -1;
		break;
	case PB_CLASS_ZERO:
		*lo = *hi = 0;
		/* nothing taken, as its flag or source says: any success */
		if (pb_may_take_none(s))
			*hi = HOST_WIDE_INT_MAX - 1;
		break;
	case PB_CLASS_PARTIAL:
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
 * and fewer than requested implies n >= 2.  A call whose flag tells that
 * it took nothing ('held-if=') may have been asked for any count.
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
	if (cls == PB_CLASS_ZERO && !pb_may_take_none(s))
		*hi = 0;
	else if (cls == PB_CLASS_PARTIAL)
		*lo = 2;
	else if (cls == PB_CLASS_FULL)
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
	case PB_CLASS_ERR:
		return unsigned_view ? PB_GT : PB_LT;
	case PB_CLASS_PARTIAL:
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

	/* a success that took nothing may have been asked for anything */
	if (lk == PB_OP_RET && rk == PB_OP_REQ &&
	    (cls != PB_CLASS_ZERO || !pb_may_take_none(s)))
		return pb_ret_vs_req(cls, unsigned_view);
	/* the flag is non-zero where pages were taken; elsewhere it is 0
	 * or what the caller had put there */
	if (lk == PB_OP_FLAG && rk == PB_OP_CONST && integer_zerop(rhs) &&
	    (cls == PB_CLASS_PARTIAL || cls == PB_CLASS_FULL))
		return PB_LT | PB_GT;
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
	    (cls == PB_CLASS_PARTIAL || cls == PB_CLASS_FULL))
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

#define PB_TEST_DEPTH 8

static bool pb_known_nonzero(tree op, int depth);
static bool pb_edge_implies_nonzero(edge e, tree val);
static bool pb_known_zero(tree op, int depth);

/*
 * 1 if L CODE R surely holds on VIA, 0 if it surely does not, -1 if
 * unknown.  'ret' that the branch into VIA found non-zero
 * ('ret = map(...); if (ret) goto out;') is non-zero at 'out:'.
 */
static int pb_static_compare(tree l, enum tree_code code, tree r, edge via)
{
	tree folded;

	if (!l || !r || TREE_CODE(r) != INTEGER_CST)
		return -1;
	if (TREE_CODE(l) != INTEGER_CST) {
		if (!integer_zerop(r) || (code != EQ_EXPR && code != NE_EXPR))
			return -1;
		if (pb_known_zero(l, 4))
			return code == EQ_EXPR;
		if (!pb_known_nonzero(l, 4) &&
		    !(via && pb_edge_implies_nonzero(via, l)))
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
	switch (pb_static_compare(l, code, r, via)) {
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
	    rk == PB_OP_PAGE || rk == PB_OP_FLAG ||
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

static unsigned int pb_test_classes(struct pb_fn *fn, int site,
				    const struct pb_cmp *cmp, edge via,
				    int depth);

static bool pb_edge_test(edge e, struct pb_cmp *cmp);

/* A PHI of constants only, or NULL. */
static gphi *pb_flag_phi(tree op)
{
	gphi *phi;
	unsigned int i;

	if (!op || TREE_CODE(op) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(op))))
		return NULL;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = pb_strip_copies(gimple_phi_arg_def(phi, i));

		if (!arg || TREE_CODE(arg) != INTEGER_CST)
			return NULL;
	}
	return phi;
}

/*
 * The classes of SITE that the branches every path from its call (in
 * CALL_BB, which dominates E) to the edge E takes allow.
 */
static unsigned int pb_path_classes(struct pb_fn *fn, int site, edge e,
				    basic_block call_bb, int depth)
{
	unsigned int kept = PB_ALL_CLASSES;
	basic_block bb;
	int steps = 0;

	for (;;) {
		struct pb_cmp cmp;

		if (pb_edge_test(e, &cmp))
			kept &= pb_test_classes(fn, site, &cmp, NULL, depth);
		bb = e->src;
		while (bb != call_bb && !single_pred_p(bb) && steps++ < 32)
			bb = get_immediate_dominator(CDI_DOMINATORS, bb);
		if (!bb || bb == call_bb || steps++ >= 32)
			return kept;
		e = single_pred_edge(bb);
	}
}

/*
 * A flag set on the paths to a join and tested after it: 'need_odp = 1'
 * where the pin failed with -EOPNOTSUPP, 0 where it pinned, then
 * 'if (!need_odp) unpin_user_pages(...)'.  The test holds only on the
 * paths that brought the constants it holds for into the flag's PHI, and
 * each of those keeps the classes of the branches it took since the call.
 * PB_ALL_CLASSES if CMP is not a test of such a flag.
 */
static unsigned int pb_flag_classes(struct pb_fn *fn, int site,
				    const struct pb_cmp *cmp, edge via,
				    int depth)
{
	/* the branches on the way are not read as flags in turn */
	static bool nested;
	tree r = pb_operand_on_edge(cmp->rhs, via);
	gphi *phi = pb_flag_phi(pb_operand_on_edge(cmp->lhs, via));
	basic_block call_bb = gimple_bb(fn->sites[site].call);
	unsigned int kept = 0, i;

	if (nested || depth <= 0 || !phi || !r || TREE_CODE(r) != INTEGER_CST ||
	    gimple_bb(phi) == call_bb ||
	    !dominated_by_p(CDI_DOMINATORS, gimple_bb(phi), call_bb))
		return PB_ALL_CLASSES;
	nested = true;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = pb_strip_copies(gimple_phi_arg_def(phi, i));
		int holds = pb_static_compare(arg, cmp->code, r, NULL);

		if (holds < 0) {
			kept = PB_ALL_CLASSES;
			break;
		}
		if (holds)
			kept |= pb_path_classes(fn, site,
						gimple_phi_arg_edge(phi, i),
						call_bb, depth - 1);
	}
	nested = false;
	return kept;
}

/* Classes for which CMP, a test of SITE's source, holds. */
static unsigned int pb_source_classes(struct pb_fn *fn, int site,
				      const struct pb_cmp *cmp, edge via)
{
	return pb_source_compared(&fn->sites[site],
				  pb_operand_on_edge(cmp->lhs, via), cmp->code,
				  cmp->rhs);
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
	k = pb_source_classes(fn, site, cmp, via);
	if (k != PB_ALL_CLASSES)
		return k;
	k = pb_flag_classes(fn, site, cmp, via, depth);
	if (k != PB_ALL_CLASSES)
		return k;
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
		else if (pb_loads_flag(s, op) || pb_source_test_of(s, op))
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
	/* a flag says something of every site (pb_flag_classes) */
	if (pb_flag_phi(pb_operand_on_edge(cmp->lhs, via)))
		return ~0u;
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

/*
 * The comparison of VAL with 0 that taking E (or the straight path just
 * before it) shows holds, into *CODE; false if the nearest branch is not
 * one.
 */
static bool pb_edge_zero_test(edge e, tree val, enum tree_code *code)
{
	int steps;

	for (steps = 0; steps < 3 && e; steps++) {
		struct pb_cmp cmp;

		if (pb_edge_comparison(e, NULL, &cmp)) {
			if (pb_strip_copies(cmp.lhs) != val || !integer_zerop(cmp.rhs))
				return false;
			*code = cmp.code;
			return true;
		}
		e = single_pred_p(e->src) ? single_pred_edge(e->src) : NULL;
	}
	return false;
}

/* Does taking E (or the straight path just before it) show VAL != 0? */
static bool pb_edge_implies_nonzero(edge e, tree val)
{
	enum tree_code code;

	return pb_edge_zero_test(e, val, &code) &&
	       (code == LT_EXPR || code == GT_EXPR || code == NE_EXPR);
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

/*
 * Is OP zero on every path: a PHI of NULLs, 'page = NULL' on both edges
 * into a loop's head after the loop body dropped its page?  The label
 * after the loop tests 'if (page)': false on the way out of the loop.
 */
static bool pb_known_zero(tree op, int depth)
{
	gphi *phi;
	unsigned int i;

	op = pb_strip_copies(op);
	if (!op || depth <= 0)
		return false;
	if (TREE_CODE(op) == INTEGER_CST)
		return integer_zerop(op);
	if (TREE_CODE(op) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(op))))
		return false;
	for (i = 0; i < gimple_phi_num_args(phi); i++)
		if (!pb_known_zero(gimple_phi_arg_def(phi, i), depth - 1))
			return false;
	return true;
}

/*
 * Does taking E (or the straight path just before it) show that VAL, a
 * status, reports a failure: 'if (ret < 0)', or 'if (err)' of what a
 * call returned?  A count of pages is not a status: what a pin returned
 * is the pin's classes' business.
 */
static bool pb_edge_implies_failure(struct pb_fn *fn, edge e, tree val)
{
	enum tree_code code;

	if (pb_ret_sites(fn, val, 2) || !pb_edge_zero_test(e, val, &code))
		return false;
	return code == LT_EXPR ||
	       (code == NE_EXPR && is_gimple_call(SSA_NAME_DEF_STMT(val)));
}

/* Is VAL, coming over edge E, an error code or an ERR_PTR? */
static bool pb_value_fails(struct pb_fn *fn, tree val, edge e, int depth)
{
	gphi *phi;
	unsigned int i;

	val = pb_strip_copies(val);
	if (!val || depth <= 0)
		return false;
	if (TREE_CODE(val) == INTEGER_CST)
		return !integer_zerop(val) &&
		       wi::neg_p(wi::to_wide(val), SIGNED);
	if (TREE_CODE(val) != SSA_NAME)
		return false;
	phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(val));
	if (!phi)
		return e && pb_edge_implies_failure(fn, e, val);
	for (i = 0; i < gimple_phi_num_args(phi); i++)
		if (!pb_value_fails(fn, gimple_phi_arg_def(phi, i),
				    gimple_phi_arg_edge(phi, i), depth - 1))
			return false;
	return i > 0;
}

/*
 * Is VAL, coming over E (NULL if not known), an error code or an ERR_PTR
 * on every path: a negative constant, a callee's status tested as a
 * failure on the way, or a PHI of those?
 */
bool pb_cond_value_fails(struct pb_fn *fn, tree val, edge e)
{
	return pb_value_fails(fn, val, e, 3);
}

/*
 * The value VAL, a load, reads back from a store just before it in its
 * block, with nothing that may write memory between them: 'p->n =
 * kmalloc(...); if (!p->n)' tests what the call returned.  VAL itself
 * if not.
 */
static tree pb_reloaded_value(tree val)
{
	gimple *load = SSA_NAME_DEF_STMT(val);
	gimple_stmt_iterator gsi;

	if (!gimple_assign_load_p(load) || !gimple_assign_single_p(load))
		return val;
	for (gsi = gsi_for_stmt(load), gsi_prev(&gsi); !gsi_end_p(gsi);
	     gsi_prev(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);

		if (!gimple_vdef(stmt))
			continue;
		if (gimple_assign_single_p(stmt) &&
		    operand_equal_p(gimple_assign_lhs(stmt),
				    gimple_assign_rhs1(load), 0) &&
		    TREE_CODE(gimple_assign_rhs1(stmt)) == SSA_NAME)
			return gimple_assign_rhs1(stmt);
		return val;
	}
	return val;
}

/*
 * Does taking E mean that a call failed: its result tested against 0 as
 * the kernel tests a failure ('if (ret < 0)', 'if (ret)' of a status,
 * 'if (!ptr)', 'if (IS_ERR(ptr))' of what it returned, also stored and
 * read back)?
 */
bool pb_cond_edge_says_call_failed(edge e)
{
	struct pb_cmp cmp;
	tree val;

	if (!pb_edge_comparison(e, NULL, &cmp) || !cmp.rhs ||
	    !integer_zerop(cmp.rhs))
		return false;
	val = pb_strip_copies(cmp.lhs);
	if (!val || TREE_CODE(val) != SSA_NAME)
		return false;
	val = pb_strip_copies(pb_reloaded_value(val));
	if (!val || TREE_CODE(val) != SSA_NAME ||
	    !is_gimple_call(SSA_NAME_DEF_STMT(val)))
		return false;
	switch (cmp.code) {
	case LT_EXPR:
		return true;
	case NE_EXPR:
		return !POINTER_TYPE_P(TREE_TYPE(val));
	case EQ_EXPR:
		return POINTER_TYPE_P(TREE_TYPE(val));
	default:
		return false;
	}
}

/* Do the tests A and B compare the same two values? */
static bool pb_same_test_operands(const struct pb_cmp *a, const struct pb_cmp *b)
{
	return pb_strip_copies(a->lhs) == pb_strip_copies(b->lhs) &&
	       pb_strip_copies(a->rhs) == pb_strip_copies(b->rhs);
}

/*
 * Does the test SEEN, taken, rule out the test WANT?  Compared as they
 * are, then unwrapped to the comparisons they stand for: the macros of
 * the kernel test one value twice, each time through a new
 * __builtin_expect() ('if (unlikely(__ret_warn_on))' inside WARN(), then
 * 'if (WARN(...))' on the value it yields).
 */
static bool pb_tests_contradict(struct pb_cmp seen, struct pb_cmp want)
{
	if (pb_same_test_operands(&seen, &want))
		return seen.code == invert_tree_comparison(want.code, false);
	pb_unwrap_all(&seen, NULL);
	pb_unwrap_all(&want, NULL);
	return pb_same_test_operands(&seen, &want) &&
	       seen.code == invert_tree_comparison(want.code, false);
}

/*
 * Does a branch every path to E took (through VIA when given) test what
 * E tests, the other way?  'for (j = 0; j < n; j++) if (!add(pages[j]))
 * break;' then 'while (j < n) put_page(pages[j++]);': the break left the
 * loop where 'j < n' held, so the while is entered.  The values are SSA
 * names, defined before the earlier branch, so they are the same.
 */
static bool pb_edge_contradicts_dominator(edge e, edge via)
{
	struct pb_cmp want, seen;
	basic_block bb = via ? via->src : e->src;
	edge p = via;
	int depth;

	if (!pb_edge_test(e, &want) || !INTEGRAL_TYPE_P(TREE_TYPE(want.lhs)))
		return false;
	want.lhs = pb_operand_on_edge(want.lhs, via);
	want.rhs = pb_operand_on_edge(want.rhs, via);
	for (depth = 0; bb && depth < 32; depth++) {
		if (p && pb_edge_test(p, &seen) &&
		    pb_tests_contradict(seen, want))
			return true;
		if (single_pred_p(bb)) {
			p = single_pred_edge(bb);
			bb = p->src;
		} else if (dom_info_available_p(CDI_DOMINATORS)) {
			p = NULL;
			bb = get_immediate_dominator(CDI_DOMINATORS, bb);
		} else {
			break;
		}
		if (bb == ENTRY_BLOCK_PTR_FOR_FN(cfun))
			break;
	}
	return false;
}

/* Is the branch never taken, its operands being known on this edge? */
static bool pb_edge_statically_dead(edge e, edge via)
{
	struct pb_cmp cmp;

	if (via && pb_edge_comparison(e, via, &cmp) &&
	    pb_static_compare(pb_operand_on_edge(cmp.lhs, via), cmp.code,
			      pb_operand_on_edge(cmp.rhs, via), via) == 0)
		return true;
	return pb_edge_contradicts_dominator(e, via);
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
	for (i = 0; i < pb_value_nstores(fn); i++) {
		const struct pb_store *st = pb_value_store(fn, i);
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

/*
 * The sites handed over on E by a call whose result E's branch tests
 * (pb_handover_tested_call): on the branch where it succeeded, or on both
 * if the test is not one of success against failure.  *RULED: the call
 * has a rule (an owner on success), not code without one.
 */
static unsigned int pb_edge_callee_sites(struct pb_fn *fn, edge e,
					 bool *ruled)
{
	gcall *call = pb_handover_tested_call(e->src);
	struct pb_cmp cmp;

	if (!call)
		return 0;
	*ruled = pb_api_lookup(gimple_call_fndecl(call)) != NULL;
	if (pb_edge_comparison(e, NULL, &cmp) &&
	    pb_strip_copies(cmp.lhs) == gimple_call_lhs(call) &&
	    integer_zerop(cmp.rhs) &&
	    pb_handover_edge_says_failed(call, e, cmp.code))
		return 0;
	return pb_handover_call_sites(fn, call);
}

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
	unsigned int tested, ruled_owners;
	struct pb_cmp cmp;
	bool test = pb_edge_test(e, &cmp), ruled = false;
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
	tested = pb_edge_callee_sites(fn, e, &ruled);
	owners = pb_edge_owner_sites(fn, e) | tested;
	ruled_owners = ruled ? tested : 0;
	for (i = 0; i < fn->nsites; i++) {
		unsigned char facts = 0;

		kept = others;
		if (mentioned & (1u << i))
			kept = pb_test_classes(fn, i, &cmp, via, PB_TEST_DEPTH);
		if (kept != PB_ALL_CLASSES)
			facts |= PB_FACT_REFINES | kept;
		if (owners & (1u << i))
			facts |= PB_FACT_OWNER;
		if (ruled_owners & (1u << i))
			facts |= PB_FACT_OWNER_RULE;
		if (pb_guards_contradict(&fn->sites[i], e))
			facts |= PB_FACT_CONTRADICTS;
		row[i] = facts;
	}
}

/*
 * Is E the branch into a WARN() ('if (WARN(ret > count, "overrun"))')?
 * The kernel declares that path a bug of its own, whose state is not to
 * be trusted: fs/netfs/iterator.c does not clean up after an extraction
 * overran its buffer.  Like a path that cannot happen, it is not
 * followed: what the code does after it is not checked.
 */
static bool pb_edge_enters_warning(edge e)
{
	gimple *last = last_stmt(e->src);
	gimple_stmt_iterator gsi;

	if (!last || (gimple_code(last) != GIMPLE_COND &&
		      gimple_code(last) != GIMPLE_SWITCH))
		return false;
	for (gsi = gsi_start_bb(e->dest); !gsi_end_p(gsi); gsi_next(&gsi))
		if (pb_api_warns(gsi_stmt(gsi)))
			return true;
	return false;
}

/* Compute the row: its summary, then the sites' bytes if E is a branch. */
void pb_cond_fill_row(struct pb_fn *fn, edge e, edge via, unsigned char *row)
{
	unsigned char sum = 0;
	gimple *last = last_stmt(e->src);

	memset(row, 0, fn->nsites);
	if (pb_edge_statically_dead(e, via) || pb_edge_enters_warning(e)) {
		sum |= PB_ROW_DEAD;
	} else if (last && (gimple_code(last) == GIMPLE_COND ||
			    gimple_code(last) == GIMPLE_SWITCH)) {
		/* only a branch tells anything about a site */
		sum |= PB_ROW_BRANCH;
		pb_fill_row(fn, e, via, row);
	}
	row[fn->nsites] = sum;
}

/* What a row says of SITE: the classes it keeps, if it keeps fewer. */
bool pb_cond_row_refines(struct pb_fn *fn, const unsigned char *row, int site,
			 unsigned int *kept)
{
	unsigned char facts = 0;

	if (row[fn->nsites] & PB_ROW_BRANCH)
		facts = row[site];
	*kept = facts & PB_ALL_CLASSES;
	return facts & PB_FACT_REFINES;
}

/* Edges the walk to a call may go back through before giving up. */
#define PB_SOURCE_WALK_BUDGET 4096

/* Does E's test of SITE's source keep none of the classes of UNLESS? */
static bool pb_edge_tells(struct pb_fn *fn, int site, edge e,
			  unsigned int unless)
{
	struct pb_cmp cmp, inner;
	int depth;

	if (!pb_edge_test(e, &cmp))
		return false;
	for (depth = 0; depth < PB_TEST_DEPTH; depth++) {
		if (!(pb_source_classes(fn, site, &cmp, NULL) & unless))
			return true;
		inner = cmp;
		if (!pb_unwrap_test(&inner, NULL))
			return false;
		cmp = inner;
	}
	return false;
}

/*
 * Does every path from the function's entry to SITE's call take an edge
 * whose test of its source rules out the classes of UNLESS?  A walk back
 * from the call that stops at those edges, and at the edges a branch
 * cannot take coming from the one before: the flag WARN_ON_ONCE() makes
 * of '!iter_is_ubuf(orig) && !iter_is_iovec(orig)' is a PHI of 0 and 1,
 * and the edge that brings 1 leads to the 'return -EIO', not on to the
 * call.
 */
static bool pb_source_told_before(struct pb_fn *fn, int site,
				  unsigned int unless)
{
	basic_block call_bb = gimple_bb(fn->sites[site].call);
	unsigned long nblocks = (unsigned long)last_basic_block_for_fn(fn->fun);
	const struct pb_site *s = &fn->sites[site];
	auto_vec<edge> work;
	auto_bitmap seen;
	int budget = PB_SOURCE_WALK_BUDGET;
	unsigned int made;
	edge e, p;
	edge_iterator ei;

	made = pb_source_made_in(s, call_bb, s->call);
	if (made != PB_ALL_CLASSES)
		return !(made & unless);
	FOR_EACH_EDGE(e, ei, call_bb->preds)
		work.safe_push(e);
	while (!work.is_empty()) {
		e = work.pop();
		if (pb_edge_tells(fn, site, e, unless) ||
		    !(pb_source_edge_classes(s, e) & unless))
			continue;
		made = pb_source_made_in(s, e->src, NULL);
		if (made != PB_ALL_CLASSES) {
			if (made & unless)
				return false;
			continue;
		}
		/* at the entry, what the callers pass tells */
		if (e->src == ENTRY_BLOCK_PTR_FOR_FN(fn->fun)) {
			if (pb_source_types_classes(s->source_types) & unless)
				return false;
			continue;
		}
		if (--budget <= 0)
			return false;
		FOR_EACH_EDGE(p, ei, e->src->preds) {
			/* an edge is its destination and its place there */
			unsigned long key = (unsigned long)p->dest_idx * nblocks +
					    (unsigned long)p->dest->index;

			if (key > INT_MAX)
				return false;
			if (!pb_edge_statically_dead(e, p) &&
			    bitmap_set_bit(seen, (int)key))
				work.safe_push(p);
		}
	}
	return true;
}

/*
 * A test of a site's source before its call ('if (!user_backed_iter(i))
 * return -EINVAL;', or a check up front that the iterator is a user
 * buffer) tells whether the call takes references, for every path to it:
 * the classes it rules out are not possible at the call.
 */
void pb_cond_note_sources(struct pb_fn *fn)
{
	const unsigned int none = 1u << PB_CLASS_ZERO;
	int i;

	for (i = 0; i < fn->nsites; i++) {
		struct pb_site *s = &fn->sites[i];

		if (!s->source)
			continue;
		if (pb_source_told_before(fn, i, none)) {
			/* every path is checked as an ordinary acquire */
			s->classes &= ~none;
			s->source_told = true;
		} else if (pb_source_told_before(fn, i, PB_LIVE_CLASSES)) {
			/* it takes none on every path: nothing to check */
			s->classes &= ~PB_LIVE_CLASSES;
			s->source_told = true;
		}
	}
}
