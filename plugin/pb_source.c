// SPDX-License-Identifier: GPL-2.0
/*
 * pb_source.c - the kind of an iterator, the source of a conditional
 * acquire.
 *
 * iov_iter_extract_pages() and bio_iov_iter_get_pages() pin a user-backed
 * iterator's pages and take no reference on a kernel one's: the rules
 * call the iterator their 'source='.  Two things tell its kind: a test of
 * it ('test F ... means=held...': iov_iter_extract_will_pin(iter),
 * iov_iter_is_kvec()), whose branches pb_cond.c reads, and the call that
 * made it ('makes F ...': iov_iter_kvec(&iter, ...), iov_iter_ubuf()), or
 * a function of the unit that makes it on every path.  This file says
 * whether two operands are the same iterator, which test or maker a
 * statement is, and which classes of the site each leaves possible; the
 * walks over paths are pb_cond.c's.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* An iterator as the call was given it: '&msg->msg_iter' is computed
 * into an SSA name first. */
static tree pb_source_value(tree op)
{
	gimple *def;

	op = pb_strip_copies(op);
	if (op && TREE_CODE(op) == SSA_NAME &&
	    gimple_assign_single_p(def = SSA_NAME_DEF_STMT(op)) &&
	    TREE_CODE(gimple_assign_rhs1(def)) == ADDR_EXPR)
		return gimple_assign_rhs1(def);
	return op;
}

/* Are A and B the same iterator: the same SSA name, or the address of
 * the same variable or field of the same pointer? */
static bool pb_same_source(tree a, tree b)
{
	a = pb_source_value(a);
	b = pb_source_value(b);
	return a && b && (a == b || operand_equal_p(a, b, 0));
}

/* The test of SITE's source whose result OP is, or NULL. */
const struct pb_rule *pb_source_test_of(const struct pb_site *s, tree op)
{
	const struct pb_rule *test;
	tree source;

	op = pb_strip_copies(op);
	if (!s->source || !op || TREE_CODE(op) != SSA_NAME)
		return NULL;
	test = pb_api_source_rule(SSA_NAME_DEF_STMT(op), PB_ROLE_TEST, &source);
	return test && pb_same_source(source, s->source) ? test : NULL;
}

/*
 * 'if (iov_iter_extract_will_pin(iter))': the classes a test of SITE's
 * source allows where its result is non-zero (TRUE_SIDE) or zero.
 * Taking the references rules out ZERO, "took none"; taking none rules
 * out the classes that took pages.
 */
unsigned int pb_source_told_classes(enum pb_test test, bool true_side)
{
	const unsigned int taken = (1u << PB_CLASS_ERR) | PB_LIVE_CLASSES;
	const unsigned int none = (1u << PB_CLASS_ERR) | (1u << PB_CLASS_ZERO);

	switch (test) {
	case PB_TEST_HELD:
		return true_side ? taken : none;
	case PB_TEST_HELD_IF_TRUE:
		return true_side ? taken : PB_ALL_CLASSES;
	case PB_TEST_NONE_IF_TRUE:
		return true_side ? none : PB_ALL_CLASSES;
	default:
		return PB_ALL_CLASSES;
	}
}

/* The classes a 'makes' RULE leaves possible for its iterator's site. */
static unsigned int pb_made_classes(const struct pb_rule *rule)
{
	return pb_source_told_classes(PB_TEST_HELD, rule->test != PB_TEST_NONE);
}

/* Can CALLEE return without passing through AVOID? */
static bool pb_returns_around(function *callee, basic_block avoid)
{
	auto_vec<basic_block> work;
	auto_bitmap seen;
	basic_block bb;
	edge e;
	edge_iterator ei;

	work.safe_push(ENTRY_BLOCK_PTR_FOR_FN(callee));
	while (!work.is_empty()) {
		bb = work.pop();
		if (bb == EXIT_BLOCK_PTR_FOR_FN(callee))
			return true;
		FOR_EACH_EDGE(e, ei, bb->succs)
			if (e->dest != avoid &&
			    bitmap_set_bit(seen, e->dest->index))
				work.safe_push(e->dest);
	}
	return false;
}

/*
 * The 'makes' rule by which CALL's callee, a function of this unit, makes
 * its parameter PARM an iterator on every path through it (a KUnit test's
 * iov_kunit_load_kvec(test, &iter, ...) calls iov_iter_kvec(iter, ...)),
 * or NULL.
 */
static const struct pb_rule *pb_callee_makes(gcall *call, tree parm)
{
	function *callee = pb_callee_body(call);
	tree name = callee && parm ? ssa_default_def(callee, parm) : NULL_TREE;
	const struct pb_rule *rule;
	basic_block bb;
	tree made;

	if (!name)
		return NULL;
	FOR_EACH_BB_FN(bb, callee)
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb);
		     !gsi_end_p(gsi); gsi_next(&gsi))
			if ((rule = pb_api_source_rule(gsi_stmt(gsi),
						       PB_ROLE_MAKES, &made)) &&
			    made == name && !pb_returns_around(callee, bb))
				return rule;
	return NULL;
}

/*
 * The classes STMT leaves possible for SITE where it makes the site's
 * source an iterator ('iov_iter_kvec(&iter, ...)', or a function of the
 * unit given the iterator that makes it), PB_ALL_CLASSES where it does
 * not.  Nothing but such a maker changes an iterator's kind: a call that
 * advances or reads it keeps it.
 */
static unsigned int pb_stmt_makes_source(const struct pb_site *s,
					 gimple *stmt)
{
	gcall *call = dyn_cast<gcall *>(stmt);
	const struct pb_rule *rule;
	tree made;
	unsigned int i;

	if (!call)
		return PB_ALL_CLASSES;
	rule = pb_api_source_rule(call, PB_ROLE_MAKES, &made);
	if (rule)
		return pb_same_source(made, s->source) ? pb_made_classes(rule) :
							   PB_ALL_CLASSES;
	for (i = 0; i < gimple_call_num_args(call); i++)
		if (pb_same_source(gimple_call_arg(call, i), s->source) &&
		    (rule = pb_callee_makes(call, pb_callee_param(call, i))))
			return pb_made_classes(rule);
	return PB_ALL_CLASSES;
}

/* The classes the last maker of SITE's source in BB allows, before
 * STOP (or up to BB's end); PB_ALL_CLASSES if BB has none. */
unsigned int pb_source_made_in(const struct pb_site *s, basic_block bb,
			       gimple *stop)
{
	gimple_stmt_iterator gsi;
	unsigned int k;

	if (bb->index < NUM_FIXED_BLOCKS)
		return PB_ALL_CLASSES;
	gsi = stop ? gsi_for_stmt(stop) : gsi_last_bb(bb);
	if (stop)
		gsi_prev(&gsi);
	for (; !gsi_end_p(gsi); gsi_prev(&gsi))
		if ((k = pb_stmt_makes_source(s, gsi_stmt(gsi))) !=
		    PB_ALL_CLASSES)
			return k;
	return PB_ALL_CLASSES;
}

/*
 * Is SITE's source its caller's: a parameter, the address of a field
 * under one ('&msg->msg_iter'), or an iterator pointer loaded from one
 * ('sdio->iter')?  Then the function cannot make it, and only a test of
 * it tells its kind: the reason the census and the stats give for a site
 * whose kind stays unsure.
 */
bool pb_source_is_callers(const struct pb_site *s)
{
	tree op = s->source ? pb_source_value(s->source) : NULL_TREE;
	int depth;

	for (depth = 0; depth < 4 && op; depth++) {
		gimple *def;

		if (TREE_CODE(op) == ADDR_EXPR)
			op = get_base_address(TREE_OPERAND(op, 0));
		if (op && TREE_CODE(op) == MEM_REF)
			op = TREE_OPERAND(op, 0);
		if (!op || TREE_CODE(op) != SSA_NAME)
			return false;
		if (SSA_NAME_IS_DEFAULT_DEF(op))
			return SSA_NAME_VAR(op) &&
			       TREE_CODE(SSA_NAME_VAR(op)) == PARM_DECL;
		def = SSA_NAME_DEF_STMT(op);
		if (!gimple_assign_single_p(def))
			return false;
		op = gimple_assign_rhs1(def);
		if (TREE_CODE(op) == COMPONENT_REF)
			op = get_base_address(op);
	}
	return false;
}
