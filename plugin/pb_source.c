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
 * walks over paths of the site's function are pb_cond.c's.
 *
 * Where the iterator is a parameter of a function only this unit calls
 * (a static helper whose address is not taken), its callers tell: the
 * set of iterator types ('iter=ITER_UBUF,...') each may pass, read by a
 * walk back from each call over what made the iterator there and the
 * tests it passed, a 'switch (iov_iter_type(iter))' among them.  That
 * set narrows what a test in the helper leaves: tee's
 * register_shm_helper() is given a user buffer or a kvec, so where
 * '!iov_iter_is_kvec(iter)' it pinned.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* An iterator as the call was given it: '&msg->msg_iter' is computed
 * into an SSA name first. */
static tree pb_source_value(tree op)
{
	return pb_address_given(pb_strip_copies(op));
}

/* Are A and B the same iterator: the same SSA name, or the address of
 * the same variable or field of the same pointer? */
static bool pb_same_source(tree a, tree b)
{
	a = pb_source_value(a);
	b = pb_source_value(b);
	return a && b && (a == b || operand_equal_p(a, b, 0));
}

/*
 * What OP, a read of a struct's field ('if (req->is_pinned)'), was given,
 * where the function stores into that field once: a record of the kind
 * (pb_source_recorded_by_store()) read back in the same function reads
 * the test it keeps.  NULL_TREE otherwise.
 */
static tree pb_record_read(tree op)
{
	gimple *def = SSA_NAME_DEF_STMT(op);
	tree ref, stored = NULL_TREE;
	basic_block bb;

	if (!gimple_assign_single_p(def) ||
	    TREE_CODE(ref = gimple_assign_rhs1(def)) != COMPONENT_REF)
		return NULL_TREE;
	FOR_EACH_BB_FN(bb, cfun)
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb);
		     !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *st = gsi_stmt(gsi);

			if (!gimple_assign_single_p(st) || !gimple_vdef(st) ||
			    !operand_equal_p(gimple_assign_lhs(st), ref, 0))
				continue;
			if (stored)
				return NULL_TREE;
			stored = gimple_assign_rhs1(st);
		}
	return stored;
}

/* The test of SITE's source whose result OP is, or NULL. */
const struct pb_rule *pb_source_test_of(const struct pb_site *s, tree op)
{
	const struct pb_rule *test;
	tree source, kept;

	op = pb_strip_copies(op);
	if (!s->source || !op || TREE_CODE(op) != SSA_NAME)
		return NULL;
	if (s->record_stored && (kept = pb_record_read(op)))
		op = pb_strip_copies(kept);
	if (!op || TREE_CODE(op) != SSA_NAME)
		return NULL;
	test = pb_api_source_rule(SSA_NAME_DEF_STMT(op), PB_ROLE_TEST, &source);
	return test && pb_same_source(source, s->source) ? test : NULL;
}

/* The classes a site keeps where it took its references, and where it
 * took none (a failure is possible either way). */
#define PB_TOOK_PAGES	((1u << PB_CLASS_ERR) | PB_LIVE_CLASSES)
#define PB_TOOK_NONE	((1u << PB_CLASS_ERR) | (1u << PB_CLASS_ZERO))

/* The classes a set of iterator TYPES leaves possible: all of them held
 * types rule out "took none", none of them rule out taking pages. */
unsigned int pb_source_types_classes(unsigned int types)
{
	unsigned int held = pb_api_iter_held();

	if (!held)
		return PB_ALL_CLASSES;
	/* an empty set is a path no iterator takes: both */
	return (types & ~held ? PB_ALL_CLASSES : PB_TOOK_PAGES) &
	       (types & held ? PB_ALL_CLASSES : PB_TOOK_NONE);
}

/*
 * 'if (iov_iter_extract_will_pin(iter))': the classes a test of SITE's
 * source allows where its result is non-zero (TRUE_SIDE) or zero.
 * Taking the references rules out ZERO, "took none"; taking none rules
 * out the classes that took pages.
 */
static unsigned int pb_means_classes(enum pb_test test, bool true_side)
{
	switch (test) {
	case PB_TEST_HELD:
		return true_side ? PB_TOOK_PAGES : PB_TOOK_NONE;
	case PB_TEST_HELD_IF_TRUE:
		return true_side ? PB_TOOK_PAGES : PB_ALL_CLASSES;
	case PB_TEST_NONE_IF_TRUE:
		return true_side ? PB_TOOK_NONE : PB_ALL_CLASSES;
	default:
		return PB_ALL_CLASSES;
	}
}

/*
 * The iterator types the enumerators of TYPE from LOW to HIGH name
 * ('case ITER_UBUF ... ITER_IOVEC:'); PB_ITER_OTHER for a value no
 * enumerator the rules know has.
 */
static unsigned int pb_enum_types(tree type, tree low, tree high)
{
	unsigned int types = 0;
	bool unnamed = true;
	tree v;

	if (!type || TREE_CODE(type) != ENUMERAL_TYPE ||
	    TREE_CODE(low) != INTEGER_CST || TREE_CODE(high) != INTEGER_CST)
		return PB_ITER_ALL;
	for (v = TYPE_VALUES(type); v; v = TREE_CHAIN(v)) {
		tree value = TREE_VALUE(v);

		if (TREE_CODE(value) == CONST_DECL)
			value = DECL_INITIAL(value);
		if (!value || TREE_CODE(value) != INTEGER_CST ||
		    tree_int_cst_lt(value, low) || tree_int_cst_lt(high, value))
			continue;
		types |= pb_api_iter_named(TREE_PURPOSE(v));
		unnamed = false;
	}
	return unnamed ? PB_ITER_OTHER : types;
}

/*
 * The types for which the result of TEST, made by TEST_CALL, compared by
 * CODE with RHS, is true ('iov_iter_is_kvec(i) != 0': ITER_KVEC;
 * 'iov_iter_type(i) == ITER_UBUF'); PB_ITER_ALL where that says nothing.
 */
static unsigned int pb_compared_types(const struct pb_rule *test,
				      gimple *test_call, enum tree_code code,
				      tree rhs)
{
	unsigned int types;
	tree type;

	if ((code != NE_EXPR && code != EQ_EXPR) ||
	    TREE_CODE(rhs) != INTEGER_CST)
		return PB_ITER_ALL;
	if (test->test == PB_TEST_TYPE) {
		/* a record read back is no call: its type is not known */
		if (!test_call || !is_gimple_call(test_call))
			return PB_ITER_ALL;
		type = gimple_call_return_type(as_a<gcall *>(test_call));
		types = pb_enum_types(type, rhs, rhs);
		if (types == PB_ITER_ALL)
			return types;
		return code == EQ_EXPR ? types : PB_ITER_ALL & ~types;
	}
	if (!test->iter || !integer_zerop(rhs))
		return PB_ITER_ALL;
	types = pb_api_iter_types(test);
	return code == NE_EXPR ? types : PB_ITER_ALL & ~types;
}

/*
 * The classes of SITE for which 'OP CODE RHS' holds, where OP is a test of
 * its source ('iov_iter_extract_will_pin(iter) != 0'); PB_ALL_CLASSES for
 * any other comparison.  What its callers may pass narrows what the test
 * leaves.
 */
unsigned int pb_source_compared(const struct pb_site *s, tree op,
				 enum tree_code code, tree rhs)
{
	const struct pb_rule *test = pb_source_test_of(s, op);
	unsigned int k = PB_ALL_CLASSES;
	gimple *call;

	if (!test)
		return PB_ALL_CLASSES;
	call = SSA_NAME_DEF_STMT(pb_strip_copies(op));
	if ((code == NE_EXPR || code == EQ_EXPR) && integer_zerop(rhs))
		k = pb_means_classes(test->test, code == NE_EXPR);
	return k & pb_source_types_classes(pb_compared_types(test, call, code,
							     rhs) &
					   s->source_types);
}

/* The classes a 'makes' RULE leaves possible for its iterator's site. */
static unsigned int pb_made_classes(const struct pb_rule *rule)
{
	return pb_means_classes(PB_TEST_HELD, rule->test != PB_TEST_NONE);
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

/* ------------------------------------------- what the callers pass */

/* Blocks a walk up the callers may visit in each. */
#define PB_TYPES_WALK_BUDGET	1024

static unsigned int pb_param_types(function *fun, tree op, int depth);

/*
 * The call whose result OP is ('_1 = iov_iter_type (iter)'), or NULL.  A
 * caller the pass has not reached yet is not in SSA form: there, the last
 * statement of BB that set OP.
 */
static gcall *pb_result_call(tree op, basic_block bb)
{
	gimple_stmt_iterator gsi;

	op = pb_strip_copies(op);
	if (op && TREE_CODE(op) == SSA_NAME)
		return dyn_cast<gcall *>(SSA_NAME_DEF_STMT(op));
	if (!op || !VAR_P(op))
		return NULL;
	for (gsi = gsi_last_bb(bb); !gsi_end_p(gsi); gsi_prev(&gsi))
		if (gimple_get_lhs(gsi_stmt(gsi)) == op)
			return dyn_cast<gcall *>(gsi_stmt(gsi));
	return NULL;
}

/* The test of SOURCE whose result OP, computed in BB, is, its call in
 * *CALL; NULL if OP is none. */
static const struct pb_rule *pb_test_result(tree op, basic_block bb,
					    tree source, gcall **call)
{
	const struct pb_rule *test;
	tree tested;

	*call = pb_result_call(op, bb);
	if (!*call)
		return NULL;
	test = pb_api_source_rule(*call, PB_ROLE_TEST, &tested);
	return test && pb_same_source(tested, source) ? test : NULL;
}

/*
 * The types of SOURCE for which a 'switch (iov_iter_type(source))' goes
 * along E: those of its case labels there, or, for its default, every
 * type no other label names.
 */
static unsigned int pb_switch_types(function *fun, gswitch *sw, edge e,
				    tree source)
{
	unsigned int to_e = 0, cased = 0, types;
	const struct pb_rule *test;
	gcall *call;
	tree type, label;
	unsigned int i;

	test = pb_test_result(gimple_switch_index(sw), e->src, source, &call);
	if (!test || test->test != PB_TEST_TYPE)
		return PB_ITER_ALL;
	type = gimple_call_return_type(call);
	for (i = 1; i < gimple_switch_num_labels(sw); i++) {
		label = gimple_switch_label(sw, i);
		types = pb_enum_types(type, CASE_LOW(label),
				      CASE_HIGH(label) ? CASE_HIGH(label) :
							 CASE_LOW(label));
		if (types == PB_ITER_ALL)
			return PB_ITER_ALL;
		cased |= types & ~PB_ITER_OTHER;
		if (label_to_block(fun, CASE_LABEL(label)) == e->dest)
			to_e |= types;
	}
	label = gimple_switch_default_label(sw);
	if (label_to_block(fun, CASE_LABEL(label)) == e->dest)
		to_e |= PB_ITER_ALL & ~cased;
	return to_e;
}

/*
 * The types of SOURCE, an iterator of FUN, that E allows, where it leaves
 * a test of it ('if (!iov_iter_is_kvec(iter))') or a switch on its type;
 * PB_ITER_ALL elsewhere.
 */
static unsigned int pb_edge_types(function *fun, edge e, tree source)
{
	gimple *last = last_stmt(e->src);
	const struct pb_rule *test;
	enum tree_code code;
	gcall *call;
	gcond *cond;

	if (!last)
		return PB_ITER_ALL;
	if (gswitch *sw = dyn_cast<gswitch *>(last))
		return pb_switch_types(fun, sw, e, source);
	cond = dyn_cast<gcond *>(last);
	if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return PB_ITER_ALL;
	test = pb_test_result(gimple_cond_lhs(cond), e->src, source, &call);
	if (!test)
		return PB_ITER_ALL;
	code = gimple_cond_code(cond);
	if (e->flags & EDGE_FALSE_VALUE)
		code = invert_tree_comparison(code, false);
	return pb_compared_types(test, call, code, gimple_cond_rhs(cond));
}

/* The classes of SITE that E, a test of its source or a switch on its
 * type, allows. */
unsigned int pb_source_edge_classes(const struct pb_site *s, edge e)
{
	unsigned int types = pb_edge_types(cfun, e, s->source);

	return types == PB_ITER_ALL ? PB_ALL_CLASSES :
				      pb_source_types_classes(types &
							      s->source_types);
}

/* Does BB make SOURCE an iterator before STOP (or BB's end)?  The types
 * its last maker there makes into *TYPES. */
static bool pb_made_types_in(basic_block bb, gimple *stop, tree source,
			     unsigned int *types)
{
	gimple_stmt_iterator gsi;
	const struct pb_rule *rule;
	tree made;

	gsi = stop ? gsi_for_stmt(stop) : gsi_last_bb(bb);
	if (stop)
		gsi_prev(&gsi);
	for (; !gsi_end_p(gsi); gsi_prev(&gsi)) {
		rule = pb_api_source_rule(gsi_stmt(gsi), PB_ROLE_MAKES, &made);
		if (rule && pb_same_source(made, source)) {
			*types = pb_api_iter_types(rule);
			return true;
		}
	}
	return false;
}

/*
 * The types SOURCE, an iterator of FUN, may have at STMT: on each path
 * back from it, those the last test or switch on its type allows, or its
 * last maker made, or, at FUN's entry, what FUN's callers pass (DEPTH
 * more callers up).  PB_ITER_ALL where a path tells nothing.
 */
static unsigned int pb_types_before(function *fun, gimple *stmt, tree source,
				    int depth)
{
	basic_block bb = gimple_bb(stmt);
	int budget = PB_TYPES_WALK_BUDGET;
	unsigned int types = 0, t;
	auto_vec<edge> work;
	auto_bitmap seen;
	edge e, p;
	edge_iterator ei;

	if (!bb)
		return PB_ITER_ALL;
	if (pb_made_types_in(bb, stmt, source, &t))
		return t;
	FOR_EACH_EDGE(e, ei, bb->preds)
		work.safe_push(e);
	while (!work.is_empty() && types != PB_ITER_ALL) {
		e = work.pop();
		if ((t = pb_edge_types(fun, e, source)) != PB_ITER_ALL)
			types |= t;
		else if (e->src == ENTRY_BLOCK_PTR_FOR_FN(fun))
			types |= pb_param_types(fun, source, depth);
		else if (pb_made_types_in(e->src, NULL, source, &t))
			types |= t;
		else if (bitmap_set_bit(seen, e->src->index)) {
			if (--budget <= 0)
				return PB_ITER_ALL;
			FOR_EACH_EDGE(p, ei, e->src->preds)
				work.safe_push(p);
		}
	}
	return types;
}

/* The parameter OP is, in SSA form or not; NULL_TREE if none. */
static tree pb_param_of(tree op)
{
	if (op && TREE_CODE(op) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(op))
		op = SSA_NAME_VAR(op);
	return op && TREE_CODE(op) == PARM_DECL ? op : NULL_TREE;
}

/*
 * Is REF's address kept only where the linker discards it?  The kernel's
 * EXPORT_SYMBOL() keeps the symbol's address in a variable of section
 * ".discard.addressable" (__ADDRESSABLE()), so that it is emitted: no
 * function pointer is made of it.
 */
static bool pb_ref_discarded(ipa_ref *ref)
{
	const char *section = ref->referring->get_section();

	return section && !strcmp(section, ".discard.addressable");
}

/*
 * The symbol that takes NODE's address, so that a function pointer may
 * call it; NULL if none does.
 */
symtab_node *pb_source_address_taker(cgraph_node *node)
{
	ipa_ref *ref;
	int i;

	for (i = 0; node->iterate_referring(i, ref); i++)
		if (ref->use == IPA_REF_ADDR && !pb_ref_discarded(ref))
			return ref->referring;
	return NULL;
}

static bool pb_address_taken(cgraph_node *node)
{
	return pb_source_address_taker(node) != NULL;
}

/*
 * Does only this unit call NODE, each call a direct one the call graph
 * has: static, not kept by attribute, its address never taken (a
 * function pointer could call it with anything)?
 */
static bool pb_only_unit_calls(cgraph_node *node)
{

	return !TREE_PUBLIC(node->decl) && !DECL_EXTERNAL(node->decl) &&
	       !DECL_PRESERVE_P(node->decl) && !node->address_taken &&
	       !pb_address_taken(node) && node->callers;
}

/*
 * The types the callers of FUN pass as OP, its parameter, where the unit
 * has all its calls: the union of what each call's argument may be there.
 * PB_ITER_ALL otherwise.
 */
static unsigned int pb_param_types(function *fun, tree op, int depth)
{
	tree parm = pb_param_of(op);
	int number = parm ? pb_param_number(fun->decl, parm) : 0;
	unsigned int types = 0, index = number - 1;
	cgraph_node *node;
	cgraph_edge *cs;

	if (!number || depth <= 0)
		return PB_ITER_ALL;
	node = cgraph_node::get(fun->decl);
	if (!node || !pb_only_unit_calls(node))
		return PB_ITER_ALL;
	for (cs = node->callers; cs && types != PB_ITER_ALL;
	     cs = cs->next_caller) {
		function *caller = DECL_STRUCT_FUNCTION(cs->caller->decl);

		if (!cs->call_stmt || !caller || !caller->cfg ||
		    gimple_call_num_args(cs->call_stmt) <= index)
			return PB_ITER_ALL;
		types |= pb_types_before(caller, cs->call_stmt,
					 gimple_call_arg(cs->call_stmt, index),
					 depth - 1);
	}
	return types;
}

/*
 * The types SITE's source may have as its function is entered: what the
 * callers pass, where it is a parameter of a function only this unit
 * calls (lib/scatterlist.c's extract_user_to_sg() is called only under
 * 'case ITER_UBUF: case ITER_IOVEC:'); PB_ITER_ALL otherwise.
 */
unsigned int pb_source_callers_types(const struct pb_site *s)
{
	if (!s->source || !pb_api_iter_held())
		return PB_ITER_ALL;
	return pb_param_types(cfun, pb_source_value(s->source),
			      PB_CALLERS_DEPTH);
}

/*
 * The parameter an iterator OP comes from: the parameter itself, the
 * address of a field under one ('&msg->msg_iter'), or an iterator pointer
 * loaded from one ('sdio->iter'); NULL_TREE if none.  In a caller not yet
 * in SSA form, the parameter is its PARM_DECL.
 */
static tree pb_source_param(tree op)
{
	int depth;

	for (depth = 0; depth < 4 && op; depth++) {
		gimple *def;

		if (TREE_CODE(op) == ADDR_EXPR)
			op = get_base_address(TREE_OPERAND(op, 0));
		if (op && TREE_CODE(op) == MEM_REF)
			op = TREE_OPERAND(op, 0);
		if (!op || TREE_CODE(op) == PARM_DECL)
			return op;
		if (TREE_CODE(op) != SSA_NAME)
			return NULL_TREE;
		if (SSA_NAME_IS_DEFAULT_DEF(op))
			return pb_param_of(op);
		def = SSA_NAME_DEF_STMT(op);
		if (!gimple_assign_single_p(def))
			return NULL_TREE;
		op = gimple_assign_rhs1(def);
		if (TREE_CODE(op) == COMPONENT_REF)
			op = get_base_address(op);
	}
	return NULL_TREE;
}

/*
 * The ends of the walk up the callers of FNDECL from PARM, reported one by
 * one: a function whose address is taken (a function pointer may call it
 * with anything), a function other files call (it is not static; its
 * callers here are walked on), or a caller that made the iterator (or has
 * it otherwise than from a parameter of its own).
 */
static void pb_param_ends(tree fndecl, tree parm, int depth,
			  pb_param_end_fn report, void *data)
{
	cgraph_node *node = cgraph_node::get(fndecl);
	struct pb_param_end end = { fndecl, 0, PB_FROM_UNIT };
	unsigned int index;
	cgraph_edge *cs;
	tree arg;

	end.number = pb_param_number(fndecl, parm);
	index = end.number - 1;
	if (!node || pb_address_taken(node))
		end.from = PB_FROM_POINTER;
	else if (TREE_PUBLIC(fndecl) || DECL_EXTERNAL(fndecl))
		end.from = PB_FROM_FILES;
	/* other files' callers end the walk, and so do this file's where
	 * it can go no further */
	if (end.from != PB_FROM_UNIT || !end.number || depth <= 0)
		report(&end, data);
	if (end.from == PB_FROM_POINTER || !end.number || depth <= 0)
		return;
	for (cs = node->callers; cs; cs = cs->next_caller) {
		if (!cs->call_stmt ||
		    gimple_call_num_args(cs->call_stmt) <= index)
			continue;
		arg = gimple_call_arg(cs->call_stmt, index);
		pb_source_arg_ends(cs->caller->decl, arg, depth - 1, report,
				   data);
	}
}

/*
 * The ends of the walk up from ARG, an iterator a call in FNDECL passes:
 * from the parameter it comes from, or ARG's own function, which made it.
 */
void pb_source_arg_ends(tree fndecl, tree arg, int depth,
			pb_param_end_fn report, void *data)
{
	struct pb_param_end here = { fndecl, 0, PB_FROM_UNIT };
	tree p = pb_source_param(pb_source_value(arg));

	if (p)
		pb_param_ends(fndecl, p, depth, report, data);
	else
		report(&here, data);
}

/* The ends of the walk up from SITE's source, where it is a parameter;
 * false if it is none. */
bool pb_source_site_ends(const struct pb_site *s, pb_param_end_fn report,
			 void *data)
{
	tree parm = s->source ? pb_source_param(pb_source_value(s->source)) :
				NULL_TREE;

	if (!parm)
		return false;
	pb_param_ends(current_function_decl, parm, PB_CALLERS_DEPTH, report,
		      data);
	return true;
}

/*
 * The reason of an end: other files' callers that the database shows
 * passing on what a function pointer's caller gave them count as the
 * function pointer (net/ipv4/tcp.c's tcp_sendmsg(), which
 * net/ipv4/tcp_ipv4.c installs as tcp_prot.sendmsg, passes its msghdr on
 * to skb_splice_from_iter()).
 */
static void pb_worst_end(const struct pb_param_end *end, void *data)
{
	enum pb_source_from *worst = (enum pb_source_from *)data;
	enum pb_source_from from = end->from;

	if (from == PB_FROM_FILES && DECL_NAME(end->fndecl) &&
	    pb_api_passed_by_pointer(IDENTIFIER_POINTER(DECL_NAME(end->fndecl)),
				     end->number))
		from = PB_FROM_POINTER;
	if (from > *worst)
		*worst = from;
}

/*
 * Is SITE's source its caller's, and whose: the reason the census and the
 * stats give for a site whose kind stays unsure.  The function cannot
 * make such an iterator; only a test of it, or what its callers pass,
 * tells its kind.  PB_FROM_NONE where the function has it otherwise;
 * else the worst of the ends of the walk up the callers: through a
 * function pointer, from other files, or from this file's callers, which
 * made it.
 */
enum pb_source_from pb_source_from(const struct pb_site *s)
{
	enum pb_source_from worst = PB_FROM_UNIT;

	if (!pb_source_site_ends(s, pb_worst_end, &worst))
		return PB_FROM_NONE;
	return worst;
}

/* Is STMT a store into memory of the result of a test of SITE's source
 * that tells both ways ('ap->args.is_pinned =
 * iov_iter_extract_will_pin(ii)')? */
static bool pb_stores_source_test(const struct pb_site *s, gimple *stmt)
{
	const struct pb_rule *test;

	if (!gimple_assign_single_p(stmt) ||
	    TREE_CODE(gimple_assign_lhs(stmt)) == SSA_NAME)
		return false;
	test = pb_source_test_of(s, gimple_assign_rhs1(stmt));
	return test && test->test == PB_TEST_HELD;
}

/* Does BB, from GSI on, store such a test of SITE's source? */
static bool pb_block_stores_test(const struct pb_site *s,
				 gimple_stmt_iterator gsi)
{
	for (; !gsi_end_p(gsi); gsi_next(&gsi))
		if (pb_stores_source_test(s, gsi_stmt(gsi)))
			return true;
	return false;
}

/* Is E a branch on SITE's result that says it took nothing ('if (ret
 * <= 0)')? */
static bool pb_edge_took_nothing(const struct pb_site *s, edge e)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(e->src));
	enum tree_code code;

	if (!cond || !s->ret ||
	    !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) ||
	    pb_strip_copies(gimple_cond_lhs(cond)) != s->ret ||
	    !integer_zerop(gimple_cond_rhs(cond)))
		return false;
	code = gimple_cond_code(cond);
	if (e->flags & EDGE_FALSE_VALUE)
		code = invert_tree_comparison(code, false);
	return code == LT_EXPR || code == LE_EXPR || code == EQ_EXPR;
}

/*
 * Does every path from SITE's call to the function's end on which it may
 * have taken pages store a test of its source that tells the kind: a
 * record of the kind kept with the pages for whoever releases them
 * (fs/fuse/file.c's fuse_get_user_pages() sets 'ap->args.is_pinned',
 * which fuse_release_user_pages() reads), as a bio keeps
 * BIO_PAGE_PINNED?
 */
bool pb_source_recorded_by_store(const struct pb_site *s)
{
	basic_block bb = gimple_bb(s->call);
	gimple_stmt_iterator gsi;
	auto_vec<edge> work;
	auto_bitmap seen;
	edge e;
	edge_iterator ei;

	if (!s->source || !bb)
		return false;
	gsi = gsi_for_stmt(s->call);
	gsi_next(&gsi);
	if (pb_block_stores_test(s, gsi))
		return true;
	FOR_EACH_EDGE(e, ei, bb->succs)
		work.safe_push(e);
	while (!work.is_empty()) {
		e = work.pop();
		bb = e->dest;
		if (pb_edge_took_nothing(s, e))
			continue;
		if (bb == EXIT_BLOCK_PTR_FOR_FN(cfun))
			return false;
		if (!bitmap_set_bit(seen, bb->index) ||
		    pb_block_stores_test(s, gsi_start_bb(bb)))
			continue;
		FOR_EACH_EDGE(e, ei, bb->succs)
			work.safe_push(e);
	}
	return true;
}
