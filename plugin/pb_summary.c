// SPDX-License-Identifier: GPL-2.0
/*
 * pb_summary.c - what the file's own functions do to the pages their
 * callers give them, written as rules.
 *
 * GCC runs this pass over a translation unit callees first, so when a
 * caller is checked, the helpers it calls in the same file have been
 * read.  Each helper that touches pages gets a summary in the rules
 * language (docs/rules.md), parsed by the same parser and then looked up
 * like any rule (pb_api.c), so a call to it is checked exactly like a
 * call to the API:
 *
 *   - release: it releases the pages of a parameter, whatever its caller
 *     did before ('put_page()' on each page of 'pages', a 'page' dropped
 *     with folio_put(page_folio(page))), on every path that does not
 *     depend on what a call returned;
 *   - borrow: it only uses the pages of its page parameters (reads them
 *     through a kmap, tests them): they stay the caller's; or, given the
 *     address of its caller's array pointer, it may replace the array by
 *     a new one holding pages of the old, releasing the others in one
 *     kind ('pages=*argN count=*argM kind=K');
 *   - acquire: it pins (or gets) into its caller's array and returns the
 *     count, or 0 / -errno when all / none were taken, having released a
 *     partial pin itself; or it returns the page it took; or it takes
 *     references on some paths only and tells which in a flag the
 *     caller gave it ('held-if=*argN');
 *   - derive from a field: an accessor returning the array a parameter's
 *     struct keeps in a field, as pages, or an ERR_PTR;
 *   - free: it frees the page array it is given, or the struct holding
 *     one (a destructor that releases nothing): pages still held there
 *     when it is called are lost;
 *   - owner by insertion: it puts the struct holding the pages into a
 *     container another parameter reaches (a list, a tree), which keeps
 *     them from then on.
 *
 * This file tries them in turn (pb_summarize_helper()) and makes the
 * release, case, free, accessor and allocator summaries itself; the
 * borrow walk and its summaries are pb_borrow.c's, the replacement's
 * pb_replace.c's, the insertion's pb_insert.c's, and the wrappers'
 * (acquires, from the checked returns) pb_wrappers.c's.
 *
 * Anything else (a helper that stores the pages, releases them on one
 * outcome only, mixes kinds) gets no summary and stays "code without a
 * rule".  Recursion and cycles have no summary when their caller is
 * read: counted.
 */
#include "pb_gcc.h"
#include "pinbalance.h"


/*
 * The parameter whose struct holds V in a field, as 1, 2, ...; 0.  V is
 * the array pointer loaded from 'p->field' (level -1) or the address of
 * an array field (level 0).  *FIELD is set to the field, which the
 * parameter's own type names (so that 'argN->field' finds it again).
 */
int pb_param_field(function *fun, struct pb_val v, tree *field)
{
	tree key = v.key, base, parm;
	int p;

	if (!key || TREE_CODE(key) != COMPONENT_REF || v.offset || v.row)
		return 0;
	*field = TREE_OPERAND(key, 1);
	base = TREE_OPERAND(key, 0);
	if (TREE_CODE(base) != MEM_REF || !integer_zerop(TREE_OPERAND(base, 1)) ||
	    !DECL_NAME(*field) ||
	    v.level != (TREE_CODE(TREE_TYPE(*field)) == ARRAY_TYPE ? 0 : -1))
		return 0;
	p = pb_param_index(fun, TREE_OPERAND(base, 0));
	parm = p ? SSA_NAME_VAR(TREE_OPERAND(base, 0)) : NULL_TREE;
	if (!parm || !POINTER_TYPE_P(TREE_TYPE(parm)) ||
	    TYPE_MAIN_VARIANT(TREE_TYPE(TREE_TYPE(parm))) !=
	    TYPE_MAIN_VARIANT(DECL_CONTEXT(*field)))
		return 0;
	return p;
}

const char *pb_summary_field_name(tree field)
{
	return IDENTIFIER_POINTER(DECL_NAME(field));
}





/* Does FUN take a page, a folio, an array of them, or a struct with an
 * array of them, or return an array of them (an accessor)? */
bool pb_summary_wanted(function *fun)
{
	tree parm;
	int levels;

	if (!fun->decl || pb_api_has_rule(fun->decl))
		return false;
	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm)) {
		levels = pb_type_page_levels(TREE_TYPE(parm), NULL);
		if ((levels && levels <= 3) ||
		    pb_points_to_page_array_field(TREE_TYPE(parm)) ||
		    (POINTER_TYPE_P(TREE_TYPE(parm)) &&
		     pb_returns_page_array(fun)))
			return true;
	}
	return false;
}



/* ------------------------------------------------------------ release */

/* Does OP depend on what a call returned (other than the rules' tests)? */
static bool pb_from_call(tree op, int depth)
{
	gimple *def;
	unsigned int i;

	if (!op || TREE_CODE(op) != SSA_NAME || depth <= 0)
		return false;
	def = SSA_NAME_DEF_STMT(op);
	if (gcall *call = dyn_cast<gcall *>(def)) {
		const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));

		return !rule || rule->role != PB_ROLE_TEST;
	}
	if (is_gimple_assign(def)) {
		for (i = 1; i < gimple_num_ops(def); i++)
			if (pb_from_call(gimple_op(def, i), depth - 1))
				return true;
		return false;
	}
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (i = 0; i < gimple_phi_num_args(phi); i++)
			if (pb_from_call(gimple_phi_arg_def(phi, i), depth - 1))
				return true;
	}
	return false;
}

/*
 * Is OP computed from an integer parameter other than COUNT (a flag, a
 * mode: 'behavior == DROP', 'flags & FOO'), not through a PHI (a loop
 * counter compared with the count is no such test)?
 */
static bool pb_from_flag_param(tree op, tree count, int depth)
{
	gimple *def;
	unsigned int i;

	if (!op || TREE_CODE(op) != SSA_NAME || depth <= 0)
		return false;
	if (SSA_NAME_IS_DEFAULT_DEF(op)) {
		tree var = SSA_NAME_VAR(op);

		return var && TREE_CODE(var) == PARM_DECL && var != count &&
		       INTEGRAL_TYPE_P(TREE_TYPE(op));
	}
	def = SSA_NAME_DEF_STMT(op);
	if (!is_gimple_assign(def))
		return false;
	for (i = 1; i < gimple_num_ops(def); i++)
		if (pb_from_flag_param(gimple_op(def, i), count, depth - 1))
			return true;
	return false;
}

/* Does COND compare a flag parameter (not COUNT) with a constant? */
static bool pb_cond_tests_flag(gcond *cond, tree count)
{
	return (pb_from_flag_param(gimple_cond_lhs(cond), count, 6) &&
		TREE_CODE(gimple_cond_rhs(cond)) == INTEGER_CST) ||
	       (pb_from_flag_param(gimple_cond_rhs(cond), count, 6) &&
		TREE_CODE(gimple_cond_lhs(cond)) == INTEGER_CST);
}

/* What the branches that decide whether a block runs test. */
struct pb_block_guard {
	bool on_call;	/* a call's result, or a branch not seen through:
			 * the block runs on some outcomes only */
	bool on_flag;	/* a flag parameter's value: for some callers only */
};

/*
 * Walk up BB's dominators to a block every path runs.  A branch on the
 * way on a call's result ('if (ret) unpin_user_pages(...)') makes BB's
 * release an outcome's, which callers cannot count on; one on a flag
 * parameter ('if (behavior == DROP) folio_put(folio);' in
 * folio_wait_bit_common()) makes it some callers'; branches on the count
 * COUNT, on the pages themselves or on loop counters do neither.
 */
static struct pb_block_guard pb_block_guards(function *fun, basic_block bb,
					     tree count)
{
	basic_block start = single_succ(ENTRY_BLOCK_PTR_FOR_FN(fun));
	struct pb_block_guard g = { false, false };
	int steps = 0;

	while (bb && bb != start && steps++ < 64) {
		basic_block up = get_immediate_dominator(CDI_DOMINATORS, bb);
		gcond *cond;

		if (!up) {
			g.on_call = true;
			return g;
		}
		/* UP's branch cannot skip BB, but UP itself may be skipped:
		 * go on up */
		if (dominated_by_p(CDI_POST_DOMINATORS, up, bb)) {
			bb = up;
			continue;
		}
		cond = safe_dyn_cast<gcond *>(last_stmt(up));
		/* 'switch (cmd)' on a parameter: some callers' */
		if (gswitch *sw = safe_dyn_cast<gswitch *>(last_stmt(up))) {
			if (pb_from_flag_param(gimple_switch_index(sw), count, 6))
				g.on_flag = true;
			else
				g.on_call = true;
		} else if (!cond || pb_from_call(gimple_cond_lhs(cond), 8) ||
		    pb_from_call(gimple_cond_rhs(cond), 8))
			g.on_call = true;
		else if (pb_cond_tests_flag(cond, count))
			g.on_flag = true;
		bb = up;
	}
	g.on_call |= bb != start;
	return g;
}

/* What the function's releases do to one parameter. */
struct pb_param_release {
	unsigned int kinds;		/* bit PB_PIN, PB_GET, PB_ANY */
	bool array;			/* it is an array of pages */
	bool conditional;		/* some release depends on an outcome */
	bool on_param;			/* some release depends on the value
					 * of another parameter */
	bool held;			/* the function takes a reference of
					 * its own on it (get_page()) */
	bool mixed;			/* the parameter and its fields, or
					 * two fields */
	tree field;			/* the pages are in this field of it */
	bool not_via_ptr;		/* some release is not of the array
					 * it points to ('pages=*argN') */
	int count_param;		/* the count, a parameter (0: unknown) */
	int count_field_param;		/* or a field of the struct this */
	tree count_field;		/* parameter points to ('umem->npgs'),
					 * as read at the function's entry */
	bool count_not_field;		/* some release's count is another */
};

/*
 * A count read from a field of the struct a parameter points to, REF
 * read at AT: loaded ('unpin_user_pages_dirty_lock(umem->pgs,
 * umem->npgs, true)'), or the count of a release that reads it itself
 * ('count=arg1->npgs').  If nothing may write it before, it is what the
 * field held when the function was called: its callers' 'arg->field'.
 */
static void pb_note_count_field(struct pb_fn *fn, tree ref, gimple *at,
				struct pb_param_release *rel)
{
	tree base, field, parm;
	int q;

	if (!ref || TREE_CODE(ref) != COMPONENT_REF)
		goto unknown;
	field = TREE_OPERAND(ref, 1);
	base = TREE_OPERAND(ref, 0);
	if (TREE_CODE(base) != MEM_REF || !integer_zerop(TREE_OPERAND(base, 1)) ||
	    !DECL_NAME(field) || !INTEGRAL_TYPE_P(TREE_TYPE(field)) ||
	    strlen(pb_summary_field_name(field)) >= PB_RULE_MAX_FIELD)
		goto unknown;
	q = pb_param_index(fn->fun, TREE_OPERAND(base, 0));
	parm = q ? SSA_NAME_VAR(TREE_OPERAND(base, 0)) : NULL_TREE;
	if (!parm || !POINTER_TYPE_P(TREE_TYPE(parm)) ||
	    TYPE_MAIN_VARIANT(TREE_TYPE(TREE_TYPE(parm))) !=
	    TYPE_MAIN_VARIANT(DECL_CONTEXT(field)) ||
	    pb_cell_written_between(fn, ref, NULL, at, NULL))
		goto unknown;
	if (rel->count_field && (rel->count_field != field ||
				 rel->count_field_param != q))
		rel->count_not_field = true;
	rel->count_field = field;
	rel->count_field_param = q;
	return;
unknown:
	rel->count_not_field = true;
}

/* Where CALL, a release under RULE whose count is COUNT, reads its count
 * from memory: the cell, into *AT the statement reading it; NULL_TREE. */
static tree pb_release_count_cell(gcall *call, const struct pb_rule *rule,
				  tree count, gimple **at)
{
	if (count && TREE_CODE(count) == SSA_NAME &&
	    gimple_assign_load_p(*at = SSA_NAME_DEF_STMT(count)))
		return gimple_assign_rhs1(*at);
	*at = call;
	return rule->count_field[0] ? pb_call_count_cell(call, rule) : NULL_TREE;
}

static void pb_note_release(struct pb_fn *fn, gcall *call,
			    const struct pb_rule *rule,
			    struct pb_param_release *rel)
{
	tree count, cell, field = NULL_TREE;
	struct pb_block_guard guard;
	gimple *at;
	struct pb_val v;
	int p;

	v = pb_call_pages_val(fn, call, rule);
	p = pb_param_index(fn->fun, v.key);
	if (!p && rule->shape == PB_SHAPE_ARRAY) {
		p = pb_param_field(fn->fun, v, &field);
		/* the array in the field: as if it were the parameter */
		v.level = 0;
	}
	if (!p)
		return;
	if (rel[p].kinds && rel[p].field != field)
		rel[p].mixed = true;
	if (field || rule->shape != PB_SHAPE_ARRAY || v.level != -1 || v.offset)
		rel[p].not_via_ptr = true;
	rel[p].field = field;
	rel[p].kinds |= 1u << rule->kind;
	/* an element of the array, or the array itself */
	if (v.level == -1 || (v.level == 0 && rule->shape != PB_SHAPE_PAGE))
		rel[p].array = true;
	count = NULL_TREE;
	if (rule->count_arg > 0 && rule->shape != PB_SHAPE_PAGE) {
		count = pb_strip_copies(gimple_call_arg(call, rule->count_arg - 1));
		rel[p].count_param = pb_param_index(fn->fun, count);
	}
	cell = pb_release_count_cell(call, rule, count, &at);
	pb_note_count_field(fn, cell, at, &rel[p]);
	guard = pb_block_guards(fn->fun, gimple_bb(call),
				count && TREE_CODE(count) == SSA_NAME ?
				SSA_NAME_VAR(count) : NULL_TREE);
	rel[p].conditional |= guard.on_call;
	rel[p].on_param |= guard.on_flag;
}

/* CALL takes one more reference on a page: of which parameter. */
static void pb_note_hold(struct pb_fn *fn, gcall *call,
			 const struct pb_rule *rule,
			 struct pb_param_release *rel)
{
	struct pb_val v;
	int p;

	if (rule->pages_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
		return;
	v = pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
	p = pb_param_index(fn->fun, v.key);
	if (p)
		rel[p].held = true;
}

/* The one parameter FUN releases, in one kind; 0. */
static int pb_released_param(struct pb_param_release *rel, int n)
{
	int p, found = 0;

	for (p = 1; p <= n; p++) {
		if (!rel[p].kinds)
			continue;
		if (found || rel[p].mixed || (rel[p].kinds & (rel[p].kinds - 1)))
			return 0;
		found = p;
	}
	return found;
}

/* A count parameter's word: 'argN', or 'all' without one. */
static const char *pb_count_param_word(int count_param, char *buf, size_t len)
{
	if (!count_param)
		return "all";
	snprintf(buf, len, "arg%d", count_param);
	return buf;
}

/* A release summary's count: 'argN' of the count parameter, 'argN->field'
 * of a field of a struct parameter, or 'all'. */
static const char *pb_count_word(const struct pb_param_release *rel,
				 char *buf, size_t len)
{
	if (rel->count_param)
		return pb_count_param_word(rel->count_param, buf, len);
	else if (rel->count_field && !rel->count_not_field)
		snprintf(buf, len, "arg%d->%s", rel->count_field_param,
			 pb_summary_field_name(rel->count_field));
	else
		return "all";
	return buf;
}

/* 'release NAME kind=K pages=argP->field count=...': the helper that
 * unpins the array its struct parameter keeps, 'xdp_umem_unpin_pages()'. */
static bool pb_summarize_field_release(struct pb_fn *fn, int p,
				       const struct pb_param_release *rel,
				       int kind)
{
	char line[256], count[PB_RULE_MAX_FIELD + 8];
	bool folio = false;

	if (pb_type_page_levels(TREE_TYPE(rel->field), &folio) != 2)
		return false;
	snprintf(line, sizeof(line), "release %s kind=%s %s=arg%d->%s count=%s",
		 pb_summary_fn_name(fn->fun), pb_kind_words[kind],
		 folio ? "folios" : "pages", p, pb_summary_field_name(rel->field),
		 pb_count_word(rel, count, sizeof(count)));
	return pb_summary_add(fn->fun, line);
}

static bool pb_summarize_release(struct pb_fn *fn)
{
	struct pb_param_release rel[PB_RULE_MAX_ARG + 1];
	char line[256], count[PB_RULE_MAX_FIELD + 8];
	basic_block bb;
	int p, kind;
	bool folio;
	int levels;

	memset(rel, 0, sizeof(rel));
	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			/* a release by cases has no one kind: as
			 * code without a rule */
			if (rule && rule->role == PB_ROLE_RELEASE &&
			    !pb_api_is_case(rule))
				pb_note_release(fn, call, rule, rel);
			else if (rule && rule->role == PB_ROLE_HOLD)
				pb_note_hold(fn, call, rule, rel);
		}
	}
	p = pb_released_param(rel, PB_RULE_MAX_ARG);
	/*
	 * A release of a reference the function took itself
	 * ('folio_get(folio); ...; folio_put(folio);' in
	 * folio_end_writeback()) leaves the caller's: no summary.
	 */
	if (!p || rel[p].held)
		return false;
	/*
	 * Released on some outcome only, as qib_user_sdma_page_to_frags()
	 * unpins the page when it cannot map it and keeps it in its packet
	 * otherwise: the helper disposes of the page itself, whether it
	 * fails or not.  It owns it: its caller's failure branch must not
	 * keep the page (pb_handover_tested_call).
	 */
	/* a release under a flag parameter's value ('if (behavior == DROP)
	 * folio_put(folio)', 'if (put) unpin_user_page(page)') is one only
	 * for some callers: the same */
	if (rel[p].conditional || rel[p].on_param) {
		snprintf(line, sizeof(line), "owner %s pages=arg%d",
			 pb_summary_fn_name(fn->fun), p);
		return pb_summary_add(fn->fun, line);
	}
	kind = ffs(rel[p].kinds) - 1;
	if (rel[p].field)
		return pb_summarize_field_release(fn, p, &rel[p], kind);
	levels = pb_param_page_levels(fn->fun, p, &folio);
	if (levels == 1 && !rel[p].array)
		snprintf(line, sizeof(line), "release %s kind=%s %s=arg%d",
			 pb_summary_fn_name(fn->fun), pb_kind_words[kind],
			 folio ? "folio" : "page", p);
	else if (levels == 2 || (levels == 3 && !rel[p].not_via_ptr))
		/* levels 3: the array *arg points to, as
		 * 'io_pages_free(&page_array, n)' releases it */
		snprintf(line, sizeof(line), "release %s kind=%s %s=%sarg%d count=%s",
			 pb_summary_fn_name(fn->fun), pb_kind_words[kind],
			 folio ? "folios" : "pages", levels == 3 ? "*" : "", p,
			 pb_count_word(&rel[p], count, sizeof(count)));
	else
		return false;
	pb_summary_add(fn->fun, line);
	return true;
}

/* ------------------------------------------------------ release cases */

/* The conditions on parameters under which a release runs. */
struct pb_case_cond {
	int value_arg;		/* 'switch (cmd)': parameter, 1, 2, ...; 0 */
	unsigned long long values[PB_RULE_MAX_VALUES];	/* its cases */
	int nvalues;
	int mask_arg;		/* 'flags & MASK' tested: parameter; 0 */
	unsigned long long mask;
	bool clear;		/* none of MASK's bits set */
};

/* Leaving switch SW on a parameter by E: the values of its labels. */
static bool pb_case_switch(function *fun, gswitch *sw, edge e,
			   struct pb_case_cond *c)
{
	int p = pb_param_index(fun, pb_strip_copies(gimple_switch_index(sw)));
	unsigned int i;

	if (!p || c->value_arg ||
	    label_to_block(fun, CASE_LABEL(gimple_switch_default_label(sw))) ==
	    e->dest)
		return false;
	for (i = 1; i < gimple_switch_num_labels(sw); i++) {
		tree label = gimple_switch_label(sw, i);
		unsigned long long v, lo, hi;

		if (label_to_block(fun, CASE_LABEL(label)) != e->dest)
			continue;
		/* 'case 2 ... 3:', as GCC joins two labels */
		lo = (unsigned long long)TREE_INT_CST_LOW(CASE_LOW(label));
		hi = CASE_HIGH(label) ?
			(unsigned long long)TREE_INT_CST_LOW(CASE_HIGH(label)) : lo;
		if (hi < lo || hi - lo >= PB_RULE_MAX_VALUES)
			return false;
		for (v = lo; ; v++) {
			if (c->nvalues == PB_RULE_MAX_VALUES)
				return false;
			c->values[c->nvalues++] = v;
			if (v == hi)
				break;
		}
	}
	c->value_arg = p;
	return c->nvalues > 0;
}

/* Leaving COND by E: 'flags & MASK' set or clear, or 'cmd == V'. */
static bool pb_case_test(function *fun, gcond *cond, edge e,
			 struct pb_case_cond *c)
{
	tree l = pb_strip_copies(gimple_cond_lhs(cond));
	tree r = gimple_cond_rhs(cond);
	enum tree_code code = gimple_cond_code(cond);
	gimple *def;
	int p;

	if (!(e->flags & EDGE_TRUE_VALUE))
		code = invert_tree_comparison(code, false);
	if (!l || TREE_CODE(l) != SSA_NAME || TREE_CODE(r) != INTEGER_CST)
		return false;
	def = SSA_NAME_DEF_STMT(l);
	if (integer_zerop(r) && (code == NE_EXPR || code == EQ_EXPR) &&
	    is_gimple_assign(def) && gimple_assign_rhs_code(def) == BIT_AND_EXPR &&
	    TREE_CODE(gimple_assign_rhs2(def)) == INTEGER_CST &&
	    !integer_zerop(gimple_assign_rhs2(def)) &&
	    (p = pb_param_index(fun, pb_strip_copies(gimple_assign_rhs1(def))))) {
		if (c->mask_arg)
			return false;
		c->mask_arg = p;
		c->mask = (unsigned long long)
			TREE_INT_CST_LOW(gimple_assign_rhs2(def));
		c->clear = code == EQ_EXPR;
		return true;
	}
	p = pb_param_index(fun, l);
	if (code != EQ_EXPR || !p || c->value_arg)
		return false;
	c->value_arg = p;
	c->values[0] = (unsigned long long)TREE_INT_CST_LOW(r);
	c->nvalues = 1;
	return true;
}

/*
 * The conditions on parameters under which BB runs: the labels of a
 * 'switch (cmd)' and a test of 'flags & MASK' that every path to it
 * took.  False if none, or if a branch on a parameter says something
 * else of it (a range, a default label, two switches).
 */
static bool pb_block_case(function *fun, basic_block bb, tree count,
			  struct pb_case_cond *c)
{
	basic_block start = single_succ(ENTRY_BLOCK_PTR_FOR_FN(fun));
	int steps = 0;

	memset(c, 0, sizeof(*c));
	while (bb && bb != start && steps++ < 64) {
		basic_block up = get_immediate_dominator(CDI_DOMINATORS, bb);
		gimple *last;
		edge e;

		if (!up)
			return false;
		if (dominated_by_p(CDI_POST_DOMINATORS, up, bb)) {
			bb = up;
			continue;
		}
		last = last_stmt(up);
		e = pb_edge_towards(up, bb);
		if (gswitch *sw = safe_dyn_cast<gswitch *>(last)) {
			if (pb_param_index(fun, pb_strip_copies(
				gimple_switch_index(sw))) &&
			    (!e || !pb_case_switch(fun, sw, e, c)))
				return false;
		} else if (gcond *cond = safe_dyn_cast<gcond *>(last)) {
			if (pb_cond_tests_flag(cond, count) &&
			    (!e || !pb_case_test(fun, cond, e, c)))
				return false;
		}
		bb = up;
	}
	return c->value_arg || c->mask_arg;
}

/* One release case: its kind and count, under its conditions. */
struct pb_case {
	int kind;
	int count_param;
	struct pb_case_cond cond;
};

#define PB_MAX_CASES	8

/* Add the release CALL to CASES; false if it does not fit a case. */
static bool pb_note_case(struct pb_fn *fn, gcall *call,
			 const struct pb_rule *rule, int *param,
			 struct pb_case *cases, int *ncases)
{
	struct pb_param_release rel[PB_RULE_MAX_ARG + 1];
	struct pb_case one;
	tree count = NULL_TREE;
	int p, i;

	memset(rel, 0, sizeof(rel));
	pb_note_release(fn, call, rule, rel);
	p = pb_released_param(rel, PB_RULE_MAX_ARG);
	if (!p || (*param && p != *param) || rel[p].conditional ||
	    rel[p].field)
		return false;
	*param = p;
	if (rule->count_arg > 0 && rule->shape != PB_SHAPE_PAGE)
		count = pb_strip_copies(gimple_call_arg(call, rule->count_arg - 1));
	memset(&one, 0, sizeof(one));
	if (!pb_block_case(fn->fun, gimple_bb(call),
			   count && TREE_CODE(count) == SSA_NAME ?
			   SSA_NAME_VAR(count) : NULL_TREE, &one.cond))
		return false;
	one.kind = ffs(rel[p].kinds) - 1;
	one.count_param = rel[p].count_param;
	for (i = 0; i < *ncases; i++)
		if (!memcmp(&cases[i].cond, &one.cond, sizeof(one.cond)))
			/* two releases of one case: the same one */
			return cases[i].kind == one.kind &&
			       cases[i].count_param == one.count_param;
	if (*ncases == PB_MAX_CASES)
		return false;
	cases[(*ncases)++] = one;
	return true;
}

/* ' when=arg1==0x...|0x...,!arg4&0x1' of C, appended to LINE. */
static void pb_case_when(const struct pb_case_cond *c, char *line, size_t len)
{
	size_t n = strlen(line);
	int i;

	/* at most 8 values of 18 characters: within a line (a longer one
	 * would be refused by the parser) */
	n += snprintf(line + n, len - n, " when=");
	if (c->value_arg && n < len) {
		n += snprintf(line + n, len - n, "arg%d==", c->value_arg);
		for (i = 0; i < c->nvalues && n < len; i++)
			n += snprintf(line + n, len - n, "%s0x%llx",
				      i ? "|" : "", c->values[i]);
	}
	if (c->mask_arg && n < len)
		snprintf(line + n, len - n, "%s%sarg%d&0x%llx",
			 c->value_arg ? "," : "", c->clear ? "!" : "",
			 c->mask_arg, c->mask);
}

/*
 * A helper that releases its caller's pages in the kind a parameter
 * chooses, 'put_back_pages(cmd, pages, nr_pages, gup_test_flags)' of
 * mm/gup_test.c: 'switch (cmd)' puts the get pages, unpins the pinned
 * ones, and for one command a flag chooses.  Its summary is one release
 * line per case, each with the conditions it runs under
 * ('when=arg1==...,arg4&0x1'); a caller's call releases each site's
 * pages by the case that site's guards say holds (pb_guards.c).  Not
 * for the summary database: its merge keeps one rule per function.
 */
static bool pb_summarize_cases(struct pb_fn *fn)
{
	struct pb_case cases[PB_MAX_CASES];
	char text[PB_MAX_CASES * PB_RULES_MAX_LINE], line[PB_RULES_MAX_LINE];
	char count[16];
	int ncases = 0, p = 0, i, levels;
	basic_block bb;
	size_t n = 0;
	bool folio = false;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (rule && rule->role == PB_ROLE_HOLD)
				return false;
			if (!rule || rule->role != PB_ROLE_RELEASE)
				continue;
			if (pb_api_is_case(rule) ||
			    !pb_note_case(fn, call, rule, &p, cases, &ncases))
				return false;
		}
	}
	if (!ncases)
		return false;
	levels = pb_param_page_levels(fn->fun, p, &folio);
	if (levels != 2)
		return false;
	for (i = 0; i < ncases; i++) {
		snprintf(line, sizeof(line), "release %s kind=%s %s=arg%d count=%s",
			 pb_summary_fn_name(fn->fun), pb_kind_words[cases[i].kind],
			 folio ? "folios" : "pages", p,
			 pb_count_param_word(cases[i].count_param, count,
					     sizeof(count)));
		pb_case_when(&cases[i].cond, line, sizeof(line));
		if (n < sizeof(text))
			n += snprintf(text + n, sizeof(text) - n, "%s%s",
				      i ? "\n" : "", line);
	}
	if (n >= sizeof(text) || !pb_api_add_summary(fn->fun->decl, text))
		return false;
	pb_stats.summaries++;
	if (pb_options.summaries) {
		const char *l = text;

		/* one line per case, each with the function's place */
		while (*l) {
			const char *nl = strchr(l, '\n');
			int len = nl ? (int)(nl - l) : (int)strlen(l);

			fprintf(stderr, "%.*s\t# %s:%d\n", len, l,
				LOCATION_FILE(DECL_SOURCE_LOCATION(fn->fun->decl)),
				LOCATION_LINE(DECL_SOURCE_LOCATION(fn->fun->decl)));
			l += len + (nl != NULL);
		}
	}
	return true;
}

/* ---------------------------------------------------------------- free */

/* What STMT frees, where it is a call of a 'free' rule: the parameter
 * itself, not a pointer into it ('kvfree(pages)'), as 1, 2, ..., or 0
 * (something else); -1 where STMT is no such call. */
static int pb_param_freed_by(struct pb_fn *fn, gimple *stmt)
{
	gcall *call = dyn_cast<gcall *>(stmt);
	const struct pb_rule *rule;
	struct pb_val v;

	if (!call)
		return -1;
	rule = pb_api_lookup(gimple_call_fndecl(call));
	if (!rule || rule->role != PB_ROLE_FREE || rule->pages_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
		return -1;
	v = pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
	return v.level == 0 ? pb_param_index(fn->fun, v.key) : 0;
}

/* The page array parameter FUN frees on every outcome ('kvfree(pages)'
 * in a helper of its own), or 0. */
static int pb_freed_param(struct pb_fn *fn)
{
	basic_block bb;
	int found = 0;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			int p = pb_param_freed_by(fn, gsi_stmt(gsi));

			if (p < 0)
				continue;
			if (!p || (found && found != p) ||
			    pb_block_guards(fn->fun, bb, NULL_TREE).on_call)
				return 0;
			found = p;
		}
	}
	return found;
}

/*
 * The parameter pointing to a struct with an array of pages that FUN
 * frees on every outcome, having released nothing: a destructor
 * ('kfree(bufmap->page_array); ...; kfree(bufmap);' in fs/orangefs's
 * orangefs_bufmap_free()), or 0.  The struct goes to no code but frees,
 * and its page arrays to frees only: pages still held in it when it is
 * called are lost with it.
 */
static int pb_freed_struct_param(struct pb_fn *fn)
{
	tree parm, name;
	basic_block bb;
	int found = 0;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			int p = pb_param_freed_by(fn, gsi_stmt(gsi));
			struct pb_block_guard g;

			/* the struct's arrays are freed too: not parameters */
			if (p <= 0)
				continue;
			g = pb_block_guards(fn->fun, bb, NULL_TREE);
			if ((found && found != p) || g.on_call || g.on_flag)
				return 0;
			found = p;
		}
	}
	parm = found ? pb_param_decl(fn->fun, found) : NULL_TREE;
	name = parm ? ssa_default_def(fn->fun, parm) : NULL_TREE;
	if (!name || found > PB_RULE_MAX_ARG ||
	    !pb_points_to_page_array_field(TREE_TYPE(parm)) ||
	    pb_struct_escapes(name, true))
		return 0;
	return found;
}

static bool pb_summarize_free(struct pb_fn *fn)
{
	char line[256];
	int p = pb_freed_param(fn);

	if (!p || pb_param_page_levels(fn->fun, p, NULL) != 2)
		p = pb_freed_struct_param(fn);
	if (!p)
		return false;
	snprintf(line, sizeof(line), "free %s buffer=arg%d",
		 pb_summary_fn_name(fn->fun), p);
	pb_summary_add(fn->fun, line);
	return true;
}

/* ----------------------------------------------------------- accessor */

/* Is RETVAL 0 or a negative constant? */
bool pb_nonpositive_const(tree retval)
{
	retval = pb_strip_copies(retval);
	return retval && TREE_CODE(retval) == INTEGER_CST &&
	       tree_int_cst_sgn(retval) <= 0;
}

/* Is RETVAL no page: NULL, or an ERR_PTR? */
bool pb_returns_no_page(tree retval)
{
	gimple *def;

	if (pb_nonpositive_const(retval))
		return true;
	retval = pb_strip_copies(retval);
	if (!retval || TREE_CODE(retval) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(retval);
	return is_gimple_call(def) &&
	       pb_api_makes_err_ptr(gimple_call_fndecl(def));
}


/*
 * Is OP, returned, the array in a field of a parameter's struct, or no
 * page (NULL, an ERR_PTR), on every path?  The parameter (1, 2, ...) and
 * the field go to *P and *FIELD, the same for every path.
 */
static bool pb_accessor_result(struct pb_fn *fn, tree op, int depth, int *p,
			       tree *field)
{
	struct pb_val v;
	tree f = NULL_TREE;
	int q;

	if (!op || depth <= 0)
		return false;
	if (pb_returns_no_page(op))
		return true;
	op = pb_strip_copies(op);
	if (op && TREE_CODE(op) == SSA_NAME &&
	    gimple_code(SSA_NAME_DEF_STMT(op)) == GIMPLE_PHI) {
		gphi *phi = as_a<gphi *>(SSA_NAME_DEF_STMT(op));
		unsigned int i;

		for (i = 0; i < gimple_phi_num_args(phi); i++)
			if (!pb_accessor_result(fn, gimple_phi_arg_def(phi, i),
						depth - 1, p, field))
				return false;
		return true;
	}
	v = pb_value_of(fn, op);
	q = pb_param_field(fn->fun, v, &f);
	if (!q || (*p && (*p != q || *field != f)))
		return false;
	*p = q;
	*field = f;
	return true;
}

/*
 * 'derive NAME from=argP->FIELD': an accessor returning, as an array of
 * pages, the array its parameter's struct keeps in FIELD, or an ERR_PTR
 * when it cannot ('return (struct page **)(vec->ptrs)' in
 * frame_vector_pages()).  A caller's release of what it returns then
 * releases that field.
 */
static bool pb_summarize_accessor(struct pb_fn *fn)
{
	tree field = NULL_TREE;
	char line[256];
	basic_block bb;
	int p = 0;

	if (!pb_returns_page_array(fn->fun))
		return false;
	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi = gsi_last_bb(bb);
		greturn *ret;

		if (gsi_end_p(gsi))
			continue;
		ret = dyn_cast<greturn *>(gsi_stmt(gsi));
		if (ret && !pb_accessor_result(fn, gimple_return_retval(ret), 4,
					       &p, &field))
			return false;
	}
	if (!p || strlen(pb_summary_field_name(field)) >= PB_RULE_MAX_FIELD)
		return false;
	snprintf(line, sizeof(line), "derive %s from=arg%d->%s",
		 pb_summary_fn_name(fn->fun), p, pb_summary_field_name(field));
	return pb_summary_add(fn->fun, line);
}

/* A function with page parameters and no acquire: what it does to them. */
void pb_summarize_helper(struct pb_fn *fn)
{
	calculate_dominance_info(CDI_DOMINATORS);
	calculate_dominance_info(CDI_POST_DOMINATORS);
	if (!pb_summarize_replace(fn) &&
	    !pb_summarize_cases(fn) && !pb_summarize_release(fn) &&
	    !pb_summarize_free(fn) && !pb_summarize_accessor(fn) &&
	    !pb_summarize_borrow(fn))
		pb_summarize_inserted(fn);
	free_dominance_info(CDI_POST_DOMINATORS);
	free_dominance_info(CDI_DOMINATORS);
}

/* ---------------------------------------------------------- allocator */

/* How deep an allocator's returned value is followed back. */
#define PB_ALLOC_DEPTH 6

enum pb_fresh { PB_FRESH_NOT, PB_FRESH_NONE, PB_FRESH_YES };

static bool pb_fresh_kept(tree name, int depth);


/* Does USE, a statement using NAME, keep the object NAME points to
 * within the function: initialise it, test it, free it, return it? */
static bool pb_fresh_use_keeps(gimple *use, tree name, int depth)
{
	if (is_gimple_debug(use) || gimple_code(use) == GIMPLE_RETURN ||
	    gimple_code(use) == GIMPLE_COND)
		return true;
	if (gphi *phi = dyn_cast<gphi *>(use))
		return pb_fresh_kept(gimple_phi_result(phi), depth - 1);
	if (gcall *call = dyn_cast<gcall *>(use)) {
		const struct pb_rule *rule =
			pb_api_lookup(gimple_call_fndecl(call));

		/* freed on a failure path, and nothing else */
		return rule && rule->role == PB_ROLE_FREE &&
		       gimple_call_num_args(call) == 1 &&
		       gimple_call_arg(call, 0) == name &&
		       !gimple_call_lhs(call);
	}
	if (gassign *assign = dyn_cast<gassign *>(use)) {
		tree lhs = gimple_assign_lhs(assign);
		tree rhs = gimple_assign_rhs1(assign);

		/* a copy, or a cast: follow it */
		if (TREE_CODE(lhs) == SSA_NAME &&
		    (gimple_assign_rhs_code(assign) == SSA_NAME ||
		     CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(assign))))
			return pb_fresh_kept(lhs, depth - 1);
		/* a comparison with it */
		if (TREE_CODE_CLASS(gimple_assign_rhs_code(assign)) ==
		    tcc_comparison)
			return true;
		if (!gimple_assign_single_p(assign) || rhs == name)
			return false;
		/* the address of a part of it: only into itself ('list_head
		 * initialised to point to itself') */
		if (TREE_CODE(rhs) == ADDR_EXPR &&
		    pb_ref_based_on(TREE_OPERAND(rhs, 0), name))
			return pb_ref_based_on(lhs, name);
		/* a page stored into it: the object keeps the pages it was
		 * given ('req->page = page'), more than fresh memory */
		if (pb_ref_based_on(lhs, name) &&
		    pb_type_page_levels(TREE_TYPE(rhs), NULL))
			return false;
		/* a store into it, or a load from it */
		return true;
	}
	return false;
}

/* Do all uses of NAME keep the object within the function? */
static bool pb_fresh_kept(tree name, int depth)
{
	imm_use_iterator it;
	gimple *use;

	if (depth <= 0 || TREE_CODE(name) != SSA_NAME)
		return false;
	FOR_EACH_IMM_USE_STMT(use, it, name)
		if (!pb_fresh_use_keeps(use, name, depth))
			return false;
	return true;
}

/* What OP, returned, is: an allocator's result the function kept to
 * itself, NULL or an ERR_PTR, or anything else. */
static enum pb_fresh pb_fresh_value(tree op, int depth)
{
	gimple *def;
	enum pb_fresh found = PB_FRESH_NONE;
	unsigned int i;

	if (!op || integer_zerop(op))
		return PB_FRESH_NONE;
	if (TREE_CODE(op) != SSA_NAME || depth <= 0)
		return PB_FRESH_NOT;
	def = SSA_NAME_DEF_STMT(op);
	if (gcall *call = dyn_cast<gcall *>(def)) {
		tree callee = gimple_call_fndecl(call);

		if (pb_api_makes_err_ptr(callee))
			return PB_FRESH_NONE;
		return pb_api_is_alloc(callee) &&
		       pb_fresh_kept(op, PB_ALLOC_DEPTH) ?
		       PB_FRESH_YES : PB_FRESH_NOT;
	}
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (i = 0; i < gimple_phi_num_args(phi); i++) {
			enum pb_fresh f = pb_fresh_value(
				gimple_phi_arg_def(phi, i), depth - 1);

			if (f == PB_FRESH_NOT)
				return PB_FRESH_NOT;
			if (f == PB_FRESH_YES)
				found = PB_FRESH_YES;
		}
		return found;
	}
	/* a copy, a cast, or 'ret = NULL' at a label */
	if (gimple_assign_cast_p(def) || (is_gimple_assign(def) &&
	    gimple_assign_single_p(def)))
		return pb_fresh_value(gimple_assign_rhs1(def), depth - 1);
	return PB_FRESH_NOT;
}

/*
 * An allocator of the file: every return is what an allocator returned,
 * NULL or an ERR_PTR, and the function only initialises the object (stores
 * into its fields, tests it, frees it on a failure path) and gives it to
 * nobody else: 'alloc NAME'.  Its callers own what it returns as if they
 * had called kzalloc() themselves, so pages pinned into it and left there
 * at a return leak (iomap_dio_alloc_bio(), orangefs_bufmap_alloc()).
 */
void pb_summarize_allocator(function *fun)
{
	tree type = TREE_TYPE(TREE_TYPE(fun->decl));
	bool fresh = false;
	edge_iterator ei;
	edge e;

	if (!POINTER_TYPE_P(type) || !fun->cfg ||
	    pb_api_has_rule(fun->decl) || DECL_IS_MALLOC(fun->decl))
		return;
	FOR_EACH_EDGE(e, ei, EXIT_BLOCK_PTR_FOR_FN(fun)->preds) {
		greturn *ret = safe_dyn_cast<greturn *>(last_stmt(e->src));

		if (!ret)
			return;
		switch (pb_fresh_value(gimple_return_retval(ret),
				       PB_ALLOC_DEPTH)) {
		case PB_FRESH_NOT:
			return;
		case PB_FRESH_YES:
			fresh = true;
			break;
		case PB_FRESH_NONE:
			break;
		}
	}
	if (fresh) {
		char line[256];

		snprintf(line, sizeof(line), "alloc %s", pb_summary_fn_name(fun));
		pb_summary_add(fun, line);
	}
}
