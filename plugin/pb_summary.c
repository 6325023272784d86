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

/* Parameter P (1, 2, ...) of FUN, or NULL_TREE. */
static tree pb_param_decl(function *fun, int p)
{
	tree parm = DECL_ARGUMENTS(fun->decl);

	while (parm && --p > 0)
		parm = DECL_CHAIN(parm);
	return parm;
}

/* How many pointers parameter P of FUN is above a page or folio; 0. */
static int pb_param_page_levels(function *fun, int p, bool *folio)
{
	tree parm = pb_param_decl(fun, p);

	return parm ? pb_type_page_levels(TREE_TYPE(parm), folio) : 0;
}

/* Does TYPE point to a struct with an array of pages in a field of its
 * own ('struct xdp_umem *umem' with 'struct page **pgs')? */
static bool pb_points_to_page_array_field(tree type)
{
	tree field;

	if (!POINTER_TYPE_P(type) || TREE_CODE(TREE_TYPE(type)) != RECORD_TYPE)
		return false;
	for (field = TYPE_FIELDS(TREE_TYPE(type)); field;
	     field = DECL_CHAIN(field))
		if (TREE_CODE(field) == FIELD_DECL && DECL_NAME(field) &&
		    pb_type_page_levels(TREE_TYPE(field), NULL) == 2)
			return true;
	return false;
}

/* Does FUN return an array of pages or folios ('struct page **')? */
static bool pb_returns_page_array(function *fun)
{
	return pb_type_page_levels(TREE_TYPE(TREE_TYPE(fun->decl)), NULL) == 2;
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

const char *pb_summary_fn_name(function *fun)
{
	return IDENTIFIER_POINTER(DECL_NAME(fun->decl));
}

/* Register LINE as FUN's summary; print it with the summaries option. */
bool pb_summary_add(function *fun, const char *line)
{
	if (!pb_api_add_summary(fun->decl, line))
		return false;
	pb_stats.summaries++;
	pb_database_note(fun->decl, line);
	if (pb_options.summaries)
		fprintf(stderr, "%s\t# %s:%d\n", line,
			LOCATION_FILE(DECL_SOURCE_LOCATION(fun->decl)),
			LOCATION_LINE(DECL_SOURCE_LOCATION(fun->decl)));
	return true;
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

/* ------------------------------------------------------------- borrow */

struct pb_replace;

/*
 * The borrow walk follows what a helper does with the pages it was given,
 * as the page (its pointer, a walk over its array, its address held in
 * an integer) or as its pfn: its distance from the memmap ('page -
 * vmemmap' of page_to_pfn() and folio_pfn()), shifted into a physical
 * address or divided into a block number.  A pfn names the page but
 * holds no reference: compared, printed, or given to a function that
 * looks it up (is_zero_pfn(), get_pfnblock_flags_mask()), the page stays
 * the caller's.  Turned back into a pointer ('vmemmap + pfn' of
 * pfn_to_page(), or a function of another file returning one), it is
 * the page again and followed as such, so that a release through the
 * round trip is still seen; a function of this unit given the pfn is
 * walked for that in its body (vfio's put_pfn() unpins by pfn).  Stored
 * or returned, the pfn tells whoever reads it which page to release: it
 * may leave, as the page itself.  A function of another file that
 * releases by pfn needs a rule, as any release does.
 */

/* How the borrow walk judges what it meets. */
struct pb_walk {
	bitmap seen;			/* SSA versions walked: 2v as the
					 * page, 2v+1 as its pfn */
	bool freeing;			/* a free is no letting go: a helper
					 * that frees the struct holding them */
	struct pb_replace *replace;	/* a helper that may replace its
					 * caller's array: its releases, frees
					 * and copies into the new array are
					 * noted there, not letting go */
	tree root;			/* the pages walked from */
	struct pb_fill_walk *fill;	/* a borrow summary's walk: fills of
					 * its scatterlist parameter's entries
					 * noted there, not letting go */
	bool note_pfn_return;		/* a callee's walk: a returned pfn is
					 * noted, not letting go */
	bool returns_pfn;		/* ...and it was met */
};

/* The callers of the function whose body the walk is in (cfun), from
 * the one analysed on: a recursion walks none of them twice. */
#define PB_WALK_CALLERS 4
static function *pb_walk_callers[PB_WALK_CALLERS];
static int pb_walk_ncallers;

static bool pb_escapes(struct pb_walk *w, tree name, bool pfn, int depth);
static bool pb_replace_call(struct pb_replace *r, gcall *call,
			    const struct pb_rule *rule);
static bool pb_replace_copy(struct pb_replace *r, gassign *stmt);

/* debug: where the pages a helper was given may leave it, the reason it
 * is no borrower (each level of the walk says its own) */
static void pb_debug_lets_go(gimple *use)
{
	/* a callee's walk: its call in the helper says it */
	if (!pb_options.debug || pb_walk_ncallers)
		return;
	fprintf(stderr, "pinbalance: %s: no borrower: pages may leave at ",
		function_name(cfun));
	print_gimple_stmt(stderr, use, 0, TDF_NONE);
}

static tree pb_mentions_cb(tree *tp, int *walk_subtrees, void *data)
{
	(void)walk_subtrees;
	return *tp == (tree)data ? *tp : NULL_TREE;
}

/* Does the operand OP use NAME: NAME itself, or '&name->pages[0]'? */
static bool pb_operand_mentions(tree op, tree name)
{
	return op == name ||
	       walk_tree_without_duplicates(&op, pb_mentions_cb, name);
}

/* Is NAME given to CALL, a function without a rule, only in arguments it
 * declares read only (pb_api_arg_read_only())? */
static bool pb_given_read_only(gcall *call, tree name)
{
	unsigned int i;

	for (i = 0; i < gimple_call_num_args(call); i++)
		if (pb_operand_mentions(gimple_call_arg(call, i), name) &&
		    !pb_api_arg_read_only(call, i))
			return false;
	return true;
}

/*
 * A helper that puts the pages of a page parameter into the entries of
 * a scatterlist parameter ('pack_sg_list_p(sg, start, limit, pdata,
 * nr_pages, offs, count)' of net/9p/trans_virtio.c, an sg_set_page() of
 * each pdata[i] into sg[index++]) does to them what sg_set_page() does:
 * its summary is an owner with 'entry=', 'owner F pages=argP
 * entry=argE', and whether the list keeps them or only maps them is
 * its caller's to tell (pb_sg.c).  While the borrow walk follows
 * parameter PARAM, such fills are noted here.
 */
struct pb_fill_walk {
	struct pb_fn *fn;	/* the helper */
	int param;		/* the page parameter being followed */
	int pages;		/* the page parameter filled into entries */
	int entry;		/* the scatterlist parameter it went into */
	bool mixed;		/* fills of other parameters, or lists */
};

/* Is CALL, of RULE, an owner keeping the page NAME in an entry of a
 * scatterlist parameter of the helper FILL walks?  Noted if so. */
static bool pb_fill_of_param_entry(struct pb_fill_walk *fill, gcall *call,
				   const struct pb_rule *rule, tree name)
{
	struct pb_val v;
	int e;

	if (!fill || !fill->param || rule->entry_arg < 1 ||
	    rule->pages_arg < 1 || !pb_call_fits_rule(call, rule) ||
	    pb_call_pages_arg(call, rule) != name ||
	    pb_operand_mentions(gimple_call_arg(call, rule->entry_arg - 1),
				name))
		return false;
	v = pb_value_of(fill->fn, gimple_call_arg(call, rule->entry_arg - 1));
	e = v.level == 0 ? pb_param_index(fill->fn->fun, v.key) : 0;
	if (!e)
		return false;
	if ((fill->entry && fill->entry != e) ||
	    (fill->pages && fill->pages != fill->param))
		fill->mixed = true;
	fill->entry = e;
	fill->pages = fill->param;
	return true;
}

static bool pb_walk_inside(function *fun)
{
	int i;

	if (fun == cfun)
		return true;
	for (i = 0; i < pb_walk_ncallers; i++)
		if (pb_walk_callers[i] == fun)
			return true;
	return false;
}

/*
 * Does CALLEE's parameter PARM, given the page (or its pfn, when PFN),
 * let it go in CALLEE's body?  A return of its pfn does not, but sets
 * *RETURNS_PFN: the call's result is that pfn.  The callee's walk notes
 * no release, free or fill: those let go there.
 */
static bool pb_callee_param_lets_go(function *callee, tree parm, bool pfn,
				    int depth, bool *returns_pfn)
{
	tree name = ssa_default_def(callee, parm);
	struct pb_walk w = { NULL, false, NULL, name, NULL, true, false };
	bool gone;

	/* a parameter whose address is taken ('.pages = &page' in NFS's
	 * _nfs4_proc_readlink()) lives in memory the walk does not follow */
	if (!name)
		return !pb_param_unused(callee, parm);
	if (pb_walk_ncallers == PB_WALK_CALLERS)
		return true;
	pb_walk_callers[pb_walk_ncallers++] = cfun;
	w.seen = BITMAP_ALLOC(NULL);
	/* the callee's own dominators and name, not the caller's */
	push_cfun(callee);
	gone = pb_escapes(&w, name, pfn, depth);
	pop_cfun();
	BITMAP_FREE(w.seen);
	pb_walk_ncallers--;
	*returns_pfn |= w.returns_pfn;
	return gone;
}

/*
 * Does the result of CALL, a function of another file given the pfn, let
 * the page go: a pointer it makes of the pfn (pfn_to_online_page()), or
 * a number computed from it, followed as the page or as its pfn?
 */
static bool pb_pfn_result_lets_go(struct pb_walk *w, gcall *call, int depth)
{
	tree lhs = gimple_call_lhs(call);

	if (!lhs)
		return false;
	if (TREE_CODE(lhs) != SSA_NAME)
		return true;
	if (POINTER_TYPE_P(TREE_TYPE(lhs)))
		return pb_escapes(w, lhs, false, depth - 1);
	return INTEGRAL_TYPE_P(TREE_TYPE(lhs)) &&
	       pb_escapes(w, lhs, true, depth - 1);
}

/*
 * Does CALL, to a function without a rule, let NAME (the page, or its
 * pfn when PFN) go?  In a function of this unit, each parameter it is
 * given as is walked in the callee's body; where the callee gives back
 * only NAME's pfn (folio_pfn()), the call's result is followed as that
 * pfn.  A function of another file may do anything with the page; with
 * its pfn, only what it returns is followed.
 */
static bool pb_callee_lets_go(struct pb_walk *w, gcall *call, tree name,
			      bool pfn, int depth)
{
	function *callee = pb_callee_body(call);
	tree lhs = gimple_call_lhs(call);
	bool returns_pfn = false;
	unsigned int i;

	/* a function of another file, not one of this unit not read yet */
	if (!callee && pfn && gimple_call_fndecl(call) &&
	    !DECL_STRUCT_FUNCTION(gimple_call_fndecl(call)))
		return pb_pfn_result_lets_go(w, call, depth);
	if (!callee || pb_walk_inside(callee))
		return true;
	for (i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = gimple_call_arg(call, i);
		tree parm;

		if (!pb_operand_mentions(arg, name) ||
		    pb_api_arg_read_only(call, i))
			continue;
		parm = pb_callee_param(call, i);
		if (arg != name || !parm ||
		    pb_callee_param_lets_go(callee, parm, pfn, depth - 1,
					    &returns_pfn))
			return true;
	}
	if (!returns_pfn || !lhs)
		return false;
	return TREE_CODE(lhs) != SSA_NAME || pb_escapes(w, lhs, true, depth - 1);
}

/* Does CALL, given NAME (the pages, or their pfn when PFN) as an
 * argument, let them go?  When W is freeing (a helper that frees the
 * struct holding them), a free does not; when it is replacing, a release
 * or a free is noted. */
static bool pb_call_lets_go(struct pb_walk *w, gcall *call, tree name,
			    bool pfn, int depth)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	tree lhs = gimple_call_lhs(call);

	/* 'likely(x)' is x */
	if (gimple_call_builtin_p(call, BUILT_IN_EXPECT))
		return lhs && TREE_CODE(lhs) == SSA_NAME &&
		       pb_escapes(w, lhs, pfn, depth - 1);
	if (!rule)
		return !pb_given_read_only(call, name) &&
		       pb_callee_lets_go(w, call, name, pfn, depth);
	switch (rule->role) {
	case PB_ROLE_BORROW:
	case PB_ROLE_TEST:
	case PB_ROLE_MAKES:
	/* a reference of its own: the caller's stays the caller's */
	case PB_ROLE_HOLD:
		return false;
	case PB_ROLE_DERIVE:
		return lhs && TREE_CODE(lhs) == SSA_NAME &&
		       pb_escapes(w, lhs, false, depth - 1);
	case PB_ROLE_FREE:
		if (w->replace)
			return !pb_replace_call(w->replace, call, rule);
		return !w->freeing;
	case PB_ROLE_RELEASE:
		return !w->replace || !pb_replace_call(w->replace, call, rule);
	case PB_ROLE_OWNER:
		return !pb_fill_of_param_entry(w->fill, call, rule, name);
	default:
		return true;
	}
}

/*
 * Does the function take a reference of its own on the page NAME it
 * stores at STORE ('req->wb_page = page; get_page(page);' in NFS's
 * nfs_page_assign_page())?  The stored pointer is then that reference's,
 * and the caller's stays its own: a hold of NAME in STORE's block, or
 * dominating or post-dominating it, so that every path storing it holds.
 */
static bool pb_store_holds_own_ref(tree name, gimple *store)
{
	basic_block bb = gimple_bb(store);
	imm_use_iterator it;
	use_operand_p use_p;

	/* the fast walk: pb_escapes() is walking NAME's uses already, and
	 * its marker in the list has no statement */
	FOR_EACH_IMM_USE_FAST(use_p, it, name) {
		gimple *stmt = USE_STMT(use_p);
		gcall *call = stmt ? dyn_cast<gcall *>(stmt) : NULL;
		const struct pb_rule *rule;
		basic_block at;

		if (!call)
			continue;
		rule = pb_api_lookup(gimple_call_fndecl(call));
		if (!rule || rule->role != PB_ROLE_HOLD ||
		    pb_call_pages_arg(call, rule) != name)
			continue;
		at = gimple_bb(call);
		if (at == bb ||
		    (dom_info_available_p(CDI_DOMINATORS) &&
		     dominated_by_p(CDI_DOMINATORS, bb, at)) ||
		    (dom_info_available_p(CDI_POST_DOMINATORS) &&
		     dominated_by_p(CDI_POST_DOMINATORS, bb, at)))
			return true;
	}
	return false;
}

/*
 * Is OP made from ROOT, the pages walked, by copies, steps in the array,
 * loads of its elements, the address of a part of what it points to
 * ('&folio->page') and derive rules ('page_folio(page)')?
 */
static bool pb_walked_from(tree op, tree root, int depth)
{
	const struct pb_rule *rule;
	tree base;
	gimple *def;

	if (!op || !root || depth <= 0)
		return false;
	if (op == root)
		return true;
	if (TREE_CODE(op) == ADDR_EXPR) {
		base = get_base_address(TREE_OPERAND(op, 0));
		return base && TREE_CODE(base) == MEM_REF &&
		       pb_walked_from(TREE_OPERAND(base, 0), root, depth - 1);
	}
	if (TREE_CODE(op) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(op);
	if (gcall *call = dyn_cast<gcall *>(def)) {
		rule = pb_api_lookup(gimple_call_fndecl(call));
		return rule && rule->role == PB_ROLE_DERIVE &&
		       !rule->pages_field[0] && rule->entry_arg < 1 &&
		       rule->pages_arg >= 1 &&
		       gimple_call_num_args(call) >= (unsigned int)rule->pages_arg &&
		       pb_walked_from(gimple_call_arg(call, rule->pages_arg - 1),
				      root, depth - 1);
	}
	if (!is_gimple_assign(def))
		return false;
	if (gimple_assign_load_p(def)) {
		base = get_base_address(gimple_assign_rhs1(def));
		return base && TREE_CODE(base) == MEM_REF &&
		       pb_walked_from(TREE_OPERAND(base, 0), root, depth - 1);
	}
	switch (gimple_assign_rhs_code(def)) {
	case SSA_NAME:
	case ADDR_EXPR:
	case POINTER_PLUS_EXPR:
	CASE_CONVERT:
		return pb_walked_from(gimple_assign_rhs1(def), root, depth - 1);
	default:
		return false;
	}
}

/* Does STMT, an assignment using the pages (or their pfn, when PFN), let
 * them go? */
static bool pb_assign_lets_go(struct pb_walk *w, gassign *stmt, bool pfn,
			      int depth)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	enum tree_code code = gimple_assign_rhs_code(stmt);
	tree type = TREE_TYPE(lhs);

	/* a store of the pointer, or into the array, unless the function
	 * stores a page it took a reference of its own on; a stored pfn
	 * names the page for whoever reads it */
	if (TREE_CODE(lhs) != SSA_NAME) {
		/* a page of the old array kept in the new one */
		if (w->replace && pb_replace_copy(w->replace, stmt))
			return false;
		return pfn ||
		       !(gimple_assign_single_p(stmt) &&
			 TREE_CODE(rhs) == SSA_NAME &&
			 pb_type_page_levels(TREE_TYPE(rhs), NULL) == 1 &&
			 pb_store_holds_own_ref(rhs, stmt));
	}
	if (TREE_CODE_CLASS(code) == tcc_comparison)
		return false;
	/* the distance between two of the pages walked, an index
	 * ('folio_page_idx(folio, page)' is 'page - &folio->page', the
	 * folio the page's): no page, nor a pfn ('page - vmemmap' is one) */
	if (code == POINTER_DIFF_EXPR &&
	    pb_walked_from(gimple_assign_rhs1(stmt), w->root, 8) &&
	    pb_walked_from(gimple_assign_rhs2(stmt), w->root, 8))
		return false;
	/* a copy, an array walk, an element load: follow; a pointer made
	 * of a pfn is the page again (pfn_to_page()) */
	if (POINTER_TYPE_P(type))
		return pb_escapes(w, lhs, false, depth - 1);
	if (!INTEGRAL_TYPE_P(type))
		return false;
	/* a pfn, and what is computed from it, names the page at any
	 * width; the page's address does not fit an integer narrower than
	 * a pointer ('(unsigned int)folio->_flags_1' of compound_order()) */
	if (pfn || code == POINTER_DIFF_EXPR)
		return pb_escapes(w, lhs, true, depth - 1);
	if (TYPE_PRECISION(type) < POINTER_SIZE)
		return false;
	return pb_escapes(w, lhs, false, depth - 1);
}

/*
 * Can the pages NAME reaches (its pfn, when PFN) leave the function:
 * returned, stored, given to code without a rule or an asm?  Reading
 * them (a kmap, page_address(), a test) does not; an unsure case does.
 */
static bool pb_escapes(struct pb_walk *w, tree name, bool pfn, int depth)
{
	imm_use_iterator it;
	gimple *use;

	if (depth <= 0)
		return true;
	if (!bitmap_set_bit(w->seen, 2 * SSA_NAME_VERSION(name) + pfn))
		return false;
	FOR_EACH_IMM_USE_STMT(use, it, name) {
		bool lets_go;

		switch (gimple_code(use)) {
		case GIMPLE_DEBUG:
		case GIMPLE_COND:
		case GIMPLE_SWITCH:
			lets_go = false;
			break;
		case GIMPLE_CALL:
			lets_go = pb_call_lets_go(w, as_a<gcall *>(use), name,
						  pfn, depth);
			break;
		case GIMPLE_ASSIGN:
			lets_go = pb_assign_lets_go(w, as_a<gassign *>(use),
						    pfn, depth);
			break;
		case GIMPLE_PHI:
			lets_go = pb_escapes(w, gimple_phi_result(use), pfn,
					     depth - 1);
			break;
		case GIMPLE_RETURN:
			/* the pfn a callee gives back: its caller follows */
			lets_go = !(pfn && w->note_pfn_return);
			w->returns_pfn |= !lets_go;
			break;
		default:
			lets_go = true;
			break;
		}
		if (lets_go) {
			pb_debug_lets_go(use);
			return true;
		}
	}
	return false;
}

/* Is REF a field of the struct NAME points to ('name->f')?  *FIELD
 * gets the field. */
static bool pb_field_of(tree ref, tree name, tree *field)
{
	if (TREE_CODE(ref) != COMPONENT_REF)
		return false;
	*field = TREE_OPERAND(ref, 1);
	ref = TREE_OPERAND(ref, 0);
	return TREE_CODE(ref) == MEM_REF && TREE_OPERAND(ref, 0) == name;
}

/* Is REF an element of an array field of the struct NAME points to
 * ('data->pages[i]' of an inline 'struct page *pages[N]')?  The field
 * into *FIELD. */
static bool pb_element_of_field(tree ref, tree name, tree *field)
{
	if (TREE_CODE(ref) != ARRAY_REF)
		return false;
	while (TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	return pb_field_of(ref, name, field);
}

/* Is REF a part of the field *FIELD of the struct NAME points to, at any
 * depth ('data->iter.bi_size')? */
static bool pb_part_of_field(tree ref, tree name, tree *field)
{
	while (TREE_CODE(ref) == ARRAY_REF ||
	       (TREE_CODE(ref) == COMPONENT_REF &&
		TREE_CODE(TREE_OPERAND(ref, 0)) != MEM_REF))
		ref = TREE_OPERAND(ref, 0);
	return pb_field_of(ref, name, field);
}

/* Can a value of TYPE hold a page: a page or folio pointer, an array of
 * them, or a struct or union with such a member (a few levels down)? */
static bool pb_type_may_hold_pages(tree type, int depth)
{
	tree f;

	if (!type || depth <= 0 || pb_type_page_levels(type, NULL))
		return true;
	while (TREE_CODE(type) == ARRAY_TYPE)
		type = TREE_TYPE(type);
	if (POINTER_TYPE_P(type))
		return TREE_CODE(TREE_TYPE(type)) == VOID_TYPE;
	if (!RECORD_OR_UNION_TYPE_P(type))
		return false;
	for (f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
		if (TREE_CODE(f) == FIELD_DECL &&
		    pb_type_may_hold_pages(TREE_TYPE(f), depth - 1))
			return true;
	return false;
}

/* Can the pages LOADED from a struct leave the function?  W walks from
 * them. */
static bool pb_loaded_escapes(struct pb_walk *w, tree loaded)
{
	bool gone;

	w->seen = BITMAP_ALLOC(NULL);
	w->root = loaded;
	gone = pb_escapes(w, loaded, false, 12);
	BITMAP_FREE(w->seen);
	return gone;
}

/*
 * Can the pages in the struct NAME points to leave the function: the
 * struct pointer stored or given to code without a rule, its array
 * pointer let go, or another array stored in its place?  Reading its
 * fields, and storing into its other fields, keeps them.
 */
static bool pb_struct_escapes(tree name, bool freeing)
{
	struct pb_walk walk = { NULL, freeing, NULL, NULL_TREE, NULL,
				false, false };
	imm_use_iterator it;
	gimple *use;
	tree field;

	FOR_EACH_IMM_USE_STMT(use, it, name) {
		gassign *assign = dyn_cast<gassign *>(use);
		bool lets_go = true;

		if (is_gimple_debug(use) || gimple_code(use) == GIMPLE_COND) {
			lets_go = false;
		} else if (gcall *call = dyn_cast<gcall *>(use)) {
			walk.seen = BITMAP_ALLOC(NULL);
			lets_go = pb_call_lets_go(&walk, call, name, false, 12);
			BITMAP_FREE(walk.seen);
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_element_of_field(gimple_assign_rhs1(assign), name,
					       &field) &&
			   TREE_CODE(gimple_assign_lhs(assign)) == SSA_NAME) {
			/* a page loaded from an array field: followed */
			lets_go = pb_type_page_levels(TREE_TYPE(field), NULL) != 2 ||
				  pb_loaded_escapes(&walk,
						    gimple_assign_lhs(assign));
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_field_of(gimple_assign_rhs1(assign), name, &field) &&
			   TREE_CODE(gimple_assign_lhs(assign)) == SSA_NAME) {
			/* a load of a field: of the array, followed */
			lets_go = pb_type_page_levels(TREE_TYPE(field), NULL) &&
				  pb_loaded_escapes(&walk,
						    gimple_assign_lhs(assign));
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_field_of(gimple_assign_lhs(assign), name, &field) &&
			   gimple_assign_rhs1(assign) != name) {
			/* a store into a field other than the pages' */
			lets_go = pb_type_page_levels(TREE_TYPE(field), NULL);
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_part_of_field(gimple_assign_rhs1(assign), name,
					    &field)) {
			/* a number read deep in a field ('data->iter.bi_size') */
			lets_go = pb_type_may_hold_pages(
				TREE_TYPE(gimple_assign_rhs1(assign)), 4);
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_part_of_field(gimple_assign_lhs(assign), name,
					    &field) &&
			   !pb_operand_mentions(gimple_assign_rhs1(assign), name)) {
			/* a store deep into a field that holds no page */
			lets_go = pb_type_may_hold_pages(TREE_TYPE(field), 4);
		}
		if (lets_go)
			return true;
	}
	return false;
}

/* The first parameter of FUN pointing to a struct with an array of
 * pages, if it only reads all such; 0 if it has none, -1 if one lets its
 * pages go. */
static int pb_borrowed_struct_param(function *fun)
{
	tree parm, name;
	int i = 1, first = 0;

	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm), i++) {
		if (!pb_points_to_page_array_field(TREE_TYPE(parm)))
			continue;
		name = ssa_default_def(fun, parm);
		if (!name)
			continue;
		if (i > PB_RULE_MAX_ARG || pb_struct_escapes(name, false))
			return -1;
		if (!first)
			first = i;
	}
	return first;
}

/* The first page parameter of FUN, if none of them lets its pages go;
 * 0 if it has none, -1 if one lets them go. */
static int pb_borrowed_param(function *fun, struct pb_fill_walk *fill)
{
	struct pb_walk walk = { NULL, false, NULL, NULL_TREE, fill,
				false, false };
	tree parm;
	int i = 1, first = 0;

	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm), i++) {
		int levels = pb_type_page_levels(TREE_TYPE(parm), NULL);
		tree name;
		bool gone;

		if (!levels || levels > 2)
			continue;
		name = ssa_default_def(fun, parm);
		/* a parameter the body never uses ('flush_arg_page()', empty
		 * on this architecture) lets nothing go */
		if (pb_param_unused(fun, parm)) {
			if (!first && i <= PB_RULE_MAX_ARG)
				first = i;
			continue;
		}
		/* a used parameter without an SSA name: its address is taken
		 * ('.pages = &page' in NFS's _nfs4_proc_readlink()), and it
		 * lives in memory the walk does not follow */
		if (!name)
			return -1;
		walk.seen = BITMAP_ALLOC(NULL);
		walk.root = name;
		if (fill)
			fill->param = i <= PB_RULE_MAX_ARG ? i : 0;
		gone = pb_escapes(&walk, name, false, 12);
		if (fill)
			fill->param = 0;
		BITMAP_FREE(walk.seen);
		if (gone || i > PB_RULE_MAX_ARG)
			return -1;
		if (!first)
			first = i;
	}
	return first;
}

static bool pb_summarize_borrow(struct pb_fn *fn)
{
	struct pb_fill_walk fill = {};
	char line[256];
	int p, sp;

	fill.fn = fn;
	p = pb_borrowed_param(fn->fun, &fill);
	sp = pb_borrowed_struct_param(fn->fun);
	/* every page and page-holding parameter only read, or put into
	 * the entries of one scatterlist parameter */
	if (p < 0 || sp < 0 || (!p && !sp) || fill.mixed)
		return false;
	if (fill.pages)
		snprintf(line, sizeof(line), "owner %s pages=arg%d entry=arg%d",
			 pb_summary_fn_name(fn->fun), fill.pages, fill.entry);
	else
		snprintf(line, sizeof(line), "borrow %s page=arg%d",
			 pb_summary_fn_name(fn->fun), p ? p : sp);
	pb_summary_add(fn->fun, line);
	return true;
}

/* ------------------------------------------------- owner by insertion */

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

static bool pb_ref_based_on(tree ref, tree name);
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
	struct pb_walk walk = { NULL, false, NULL, NULL_TREE, NULL,
				false, false };
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
		walk.seen = BITMAP_ALLOC(NULL);
		walk.root = lhs;
		gone = pb_escapes(&walk, lhs, false, 12);
		BITMAP_FREE(walk.seen);
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
static bool pb_summarize_inserted(struct pb_fn *fn)
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

/* ---------------------------------------------------------------- free */

/* The page array parameter FUN frees on every outcome ('kvfree(pages)'
 * in a helper of its own), or 0. */
static int pb_freed_param(struct pb_fn *fn)
{
	basic_block bb;
	int found = 0;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			struct pb_val v;
			int p;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_FREE ||
			    rule->pages_arg < 1 ||
			    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
				continue;
			v = pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
			p = pb_param_index(fn->fun, v.key);
			if (!p || v.level != 0 || (found && found != p) ||
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
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			struct pb_val v;
			struct pb_block_guard g;
			int p;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_FREE ||
			    rule->pages_arg < 1 ||
			    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
				continue;
			v = pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
			p = pb_param_index(fn->fun, v.key);
			if (!p || v.level != 0)
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

/* ------------------------------------------------------------ replace */

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

/* Can control go from A to B (B after A in a block, or a path of
 * blocks)? */
static bool pb_stmt_reaches(gimple *a, gimple *b)
{
	basic_block from = gimple_bb(a), to = gimple_bb(b);
	auto_vec<basic_block, 16> work;
	auto_bitmap seen;
	gimple_stmt_iterator gsi;
	edge_iterator ei;
	edge e;

	if (from == to)
		for (gsi = gsi_for_stmt(a); !gsi_end_p(gsi); gsi_next(&gsi))
			if (gsi_stmt(gsi) == b)
				return true;
	work.safe_push(from);
	while (!work.is_empty()) {
		basic_block bb = work.pop();

		FOR_EACH_EDGE(e, ei, bb->succs) {
			if (e->dest == to)
				return true;
			if (bitmap_set_bit(seen, e->dest->index))
				work.safe_push(e->dest);
		}
	}
	return false;
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

		if (pb_stmt_reaches(r->store, SSA_NAME_DEF_STMT(r->olds[i])))
			return false;
		/* the old array, after the callee or the store replaced it
		 * (and freed it) */
		FOR_EACH_IMM_USE_STMT(use, it, r->olds[i])
			if (!is_gimple_debug(use) &&
			    gimple_code(use) != GIMPLE_PHI && use != r->store &&
			    !pb_replace_is_free(r, use) &&
			    pb_stmt_reaches(r->store, use))
				return false;
	}
	for (i = 0; i < r->nfrees; i++)
		if (!pb_stmts_together(r->frees[i], r->store))
			return false;
	for (i = 0; i < r->ntakes; i++) {
		if (!pb_stmt_follows(r->takes[i], r->store) ||
		    pb_stmt_reaches(r->store, r->takes[i]))
			return false;
		for (j = 0; j < r->nfrees; j++)
			if (pb_stmt_reaches(r->frees[j], r->takes[i]))
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
static bool pb_summarize_replace(struct pb_fn *fn)
{
	struct pb_replace r;
	struct pb_walk walk = { NULL, false, &r, NULL_TREE, NULL,
				false, false };
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
	for (i = 0; i < r.nolds && !gone; i++) {
		walk.seen = BITMAP_ALLOC(NULL);
		walk.root = r.olds[i];
		gone = pb_escapes(&walk, r.olds[i], false, 12);
		BITMAP_FREE(walk.seen);
	}
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

/* Is REF a part of the object NAME points to ('name->f', 'name->a[i]')? */
static bool pb_ref_based_on(tree ref, tree name)
{
	tree base = get_base_address(ref);

	return base && TREE_CODE(base) == MEM_REF &&
	       TREE_OPERAND(base, 0) == name;
}

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
