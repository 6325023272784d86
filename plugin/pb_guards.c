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

/* 'flags & TEE_SHM_USER_MAPPED': a parameter's bits; *PARM and *MASK. */
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
	return pb_parameter(*parm) && TREE_CODE(*mask) == INTEGER_CST;
}

/* A value that cannot change while the function runs: a parameter, or
 * some of its bits. */
static bool pb_invariant_operand(tree op)
{
	tree parm, mask;

	op = pb_strip_copies(op);
	return op && (TREE_CODE(op) == INTEGER_CST || pb_parameter(op) ||
		      pb_masked_parameter(op, &parm, &mask));
}

/* Are A and B the same invariant: one parameter, or the same bits of one
 * ('flags & 4' computed again before the second test)? */
static bool pb_same_invariant(tree a, tree b)
{
	tree pa, ma, pb, mb;

	if (a == b)
		return true;
	return pb_masked_parameter(a, &pa, &ma) &&
	       pb_masked_parameter(b, &pb, &mb) && pa == pb &&
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
