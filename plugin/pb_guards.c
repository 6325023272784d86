// SPDX-License-Identifier: GPL-2.0
/*
 * pb_guards.c - branches on parameters that every path to a site took.
 *
 * A test of a value that cannot change while the function runs (a
 * parameter, 'switch (cmd)') and that every path to a site went through
 * is a guard of the site: 'case PIN_BASIC_TEST:' before a pin, and a
 * later 'if (cmd == PIN_BASIC_TEST)' before the unpin.  A branch that
 * contradicts a guard cannot be on a path where the site ran, which keeps
 * the checker from joining the two cases of one switch into a leak.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

static bool pb_parameter(tree op)
{
	return op && TREE_CODE(op) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(op) &&
	       SSA_NAME_VAR(op) && TREE_CODE(SSA_NAME_VAR(op)) == PARM_DECL;
}

/* Does no assignment of the function write what REF reads? */
static bool pb_field_never_stored(tree ref)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, cfun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (is_gimple_assign(stmt) && gimple_vdef(stmt) &&
			    stmt_may_clobber_ref_p(stmt, ref))
				return false;
		}
	}
	return true;
}

/* The answers of pb_field_never_stored() for this function's loads. */
static function *pb_loads_fun;
static hash_map<tree, bool> *pb_loads_memo;

/*
 * 'gup->test_flags': an integer field of the struct a parameter points
 * to, which no assignment of the function writes: a mode the caller set,
 * read again where it is tested again.  Calls are taken not to change it
 * (a request's flags, an ioctl's argument): two loads of it are one
 * value.
 */
static bool pb_parameter_field(tree op)
{
	tree ref = pb_loaded_ref(op), base;
	bool *known, unchanged;

	if (!ref || !INTEGRAL_TYPE_P(TREE_TYPE(op)))
		return false;
	if (TREE_CODE(ref) != COMPONENT_REF || TREE_THIS_VOLATILE(ref))
		return false;
	base = TREE_OPERAND(ref, 0);
	if (TREE_CODE(base) != MEM_REF || !integer_zerop(TREE_OPERAND(base, 1)) ||
	    !pb_parameter(TREE_OPERAND(base, 0)))
		return false;
	if (pb_loads_fun != cfun) {
		delete pb_loads_memo;
		pb_loads_memo = new hash_map<tree, bool>;
		pb_loads_fun = cfun;
	}
	known = pb_loads_memo->get(op);
	if (known)
		return *known;
	unchanged = pb_field_never_stored(ref);
	pb_loads_memo->put(op, unchanged);
	return unchanged;
}

/* A value that cannot change while the function runs, bits aside. */
static bool pb_invariant_value(tree op)
{
	return pb_parameter(op) || pb_parameter_field(op);
}

/* Are A and B the same invariant value: one parameter, or two loads of
 * one field of the struct it points to? */
static bool pb_same_value(tree a, tree b)
{
	a = pb_strip_copies(a);
	b = pb_strip_copies(b);
	if (a == b)
		return a != NULL_TREE;
	return pb_parameter_field(a) && pb_parameter_field(b) &&
	       operand_equal_p(pb_loaded_ref(a), pb_loaded_ref(b), 0);
}

/* 'flags & TEE_SHM_USER_MAPPED': an invariant's bits; *PARM and *MASK. */
static bool pb_masked_parameter(tree op, tree *parm, tree *mask)
{
	gimple *def;

	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(op);
	if (!is_gimple_assign(def) || gimple_assign_rhs_code(def) != BIT_AND_EXPR)
		return false;
	*parm = pb_strip_copies(gimple_assign_rhs1(def));
	*mask = gimple_assign_rhs2(def);
	return pb_invariant_value(*parm) && TREE_CODE(*mask) == INTEGER_CST;
}

/* A value that cannot change while the function runs: a parameter, a
 * field of its struct no assignment writes, or some of their bits. */
static bool pb_invariant_operand(tree op)
{
	tree parm, mask;

	op = pb_strip_copies(op);
	return op && (TREE_CODE(op) == INTEGER_CST || pb_invariant_value(op) ||
		      pb_masked_parameter(op, &parm, &mask));
}

/* Are A and B the same invariant: one parameter, or the same bits of one
 * ('flags & 4' computed again before the second test)? */
static bool pb_same_invariant(tree a, tree b)
{
	tree pa, ma, pb, mb;

	if (a == b || pb_same_value(a, b))
		return true;
	return pb_masked_parameter(a, &pa, &ma) &&
	       pb_masked_parameter(b, &pb, &mb) && pb_same_value(pa, pb) &&
	       tree_int_cst_equal(ma, mb);
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
void pb_guards_collect(struct pb_site *site)
{
	basic_block bb = gimple_bb(site->call);
	basic_block dom;
	int depth;

	for (depth = 0, dom = get_immediate_dominator(CDI_DOMINATORS, bb);
	     dom && depth < 32 && site->nguards < PB_MAX_GUARDS;
	     depth++, dom = get_immediate_dominator(CDI_DOMINATORS, dom)) {
		gimple *last = last_stmt(dom);
		edge e;

		if (!last || !pb_invariant_branch(last))
			continue;
		e = pb_edge_towards(dom, bb);
		if (e)
			site->guards[site->nguards++] = e;
	}
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
	    !pb_taken_comparison(e, &el, &ec, &er) || !pb_same_invariant(gl, el))
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
bool pb_guards_contradict(const struct pb_site *site, edge e)
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

/* ------------------------------------------------------ release cases */

/* Is V one of the case's values? */
static bool pb_case_value(const struct pb_rule *rule, tree v)
{
	unsigned long long x = (unsigned long long)TREE_INT_CST_LOW(v);
	int i;

	for (i = 0; i < rule->ncase_values; i++)
		if (rule->case_values[i] == x)
			return true;
	return false;
}

/* Of the values of LABEL ('case 2 ... 3:', as GCC joins two labels):
 * 1 if some are the case's, 2 if some are not, both; -1 too many. */
static int pb_case_label_values(const struct pb_rule *rule, tree label)
{
	unsigned long long lo = TREE_INT_CST_LOW(CASE_LOW(label)), hi, v, i;
	int in_out = 0, k;

	hi = CASE_HIGH(label) ? TREE_INT_CST_LOW(CASE_HIGH(label)) : lo;
	if (hi < lo || hi - lo >= 64)
		return -1;
	for (v = lo, i = 0; i <= hi - lo; v++, i++) {
		bool in = false;

		for (k = 0; k < rule->ncase_values; k++)
			in |= rule->case_values[k] == v;
		in_out |= in ? 1 : 2;
	}
	return in_out;
}

/*
 * What guard G of a site says of 'ARG == one of the case's values': 1
 * yes, 0 no, -1 nothing.  A switch on ARG sends the site's value through
 * the labels of G's block ('case GUP_FAST_BENCHMARK: case GUP_BASIC_TEST:'),
 * a test 'arg == V' gives it.
 */
static int pb_guard_says_value(edge g, tree arg, const struct pb_rule *rule)
{
	gimple *last = last_stmt(g->src);
	enum tree_code code;
	tree l, r;

	if (gswitch *sw = dyn_cast<gswitch *>(last)) {
		unsigned int i;
		int in = 0, out = 0, in_out;

		if (!pb_same_value(gimple_switch_index(sw), arg))
			return -1;
		for (i = 1; i < gimple_switch_num_labels(sw); i++) {
			tree label = gimple_switch_label(sw, i);

			if (label_to_block(cfun, CASE_LABEL(label)) != g->dest)
				continue;
			in_out = pb_case_label_values(rule, label);
			if (in_out < 0)
				return -1;
			in |= in_out & 1;
			out |= in_out & 2;
		}
		/* the default's values are too many to tell */
		if (label_to_block(cfun, CASE_LABEL(
			gimple_switch_default_label(sw))) == g->dest ||
		    (in && out) || (!in && !out))
			return -1;
		return in ? 1 : 0;
	}
	if (!pb_taken_comparison(g, &l, &code, &r) || code != EQ_EXPR ||
	    TREE_CODE(r) != INTEGER_CST || !pb_same_value(l, arg))
		return -1;
	return pb_case_value(rule, r);
}

/*
 * What guard G says of the bits MASK of ARG: 1 some set, 0 none, -1
 * nothing ('if (gup->test_flags & GUP_TEST_FLAG_DUMP_PAGES_USE_PIN)').
 */
static int pb_guard_says_bits(edge g, tree arg, unsigned long long mask)
{
	enum tree_code code;
	tree l, r, parm, m;

	if (!pb_taken_comparison(g, &l, &code, &r) || !integer_zerop(r) ||
	    (code != NE_EXPR && code != EQ_EXPR) ||
	    !pb_masked_parameter(l, &parm, &m) || !pb_same_value(parm, arg) ||
	    (unsigned long long)TREE_INT_CST_LOW(m) != mask)
		return -1;
	return code == NE_EXPR;
}

/* What the site's guards (or a constant argument) say of argument N of
 * CALL, by SAYS; -1 if nothing. */
static int pb_case_condition(const struct pb_site *site, gcall *call, int n,
			     const struct pb_rule *rule, bool bits)
{
	tree arg;
	int i, says;

	if (n < 1 || gimple_call_num_args(call) < (unsigned int)n)
		return -1;
	arg = pb_strip_copies(gimple_call_arg(call, n - 1));
	if (!arg)
		return -1;
	if (TREE_CODE(arg) == INTEGER_CST)
		return bits ? ((unsigned long long)TREE_INT_CST_LOW(arg) &
			       rule->when_mask) != 0
			    : pb_case_value(rule, arg);
	if (!pb_invariant_value(arg))
		return -1;
	for (i = 0; i < site->nguards; i++) {
		says = bits ? pb_guard_says_bits(site->guards[i], arg,
						 rule->when_mask)
			    : pb_guard_says_value(site->guards[i], arg, rule);
		if (says >= 0)
			return says;
	}
	return -1;
}

/* Does case RULE hold for the pages of SITE at CALL: 1, 0, -1 unknown. */
static int pb_case_holds(const struct pb_site *site, gcall *call,
			 const struct pb_rule *rule)
{
	int value = 1, bits = 1;

	if (rule->case_arg > 0)
		value = pb_case_condition(site, call, rule->case_arg, rule,
					  false);
	if (rule->when_arg > 0) {
		bits = pb_case_condition(site, call, rule->when_arg, rule,
					 true);
		if (bits >= 0 && rule->when_clear)
			bits = !bits;
	}
	if (!value || !bits)
		return 0;
	return value > 0 && bits > 0 ? 1 : -1;
}

/*
 * The case of a release by cases ('put_back_pages(cmd, pages, nr,
 * gup->test_flags)', whose kind its callee chooses by 'switch (cmd)' and
 * a flag) that holds for SITE's pages: the one the branches every path
 * to the site took say holds ('case GUP_BASIC_TEST:' before the get, and
 * the same 'cmd' passed).  NULL when they do not tell: the callee then
 * owns the pages.
 */
const struct pb_rule *pb_guards_pick_case(const struct pb_site *site,
					  gcall *call, const struct pb_rule *rule)
{
	tree fndecl = gimple_call_fndecl(call);

	for (; rule; rule = pb_api_next_case(rule, fndecl))
		if (pb_case_holds(site, call, rule) > 0)
			return rule;
	return NULL;
}
