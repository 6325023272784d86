// SPDX-License-Identifier: GPL-2.0
/*
 * pb_wrappers.c - summaries of the file's functions that take references
 * for their callers: wrappers.
 *
 * A function with one site is checked like any other; on the way, each of
 * its returns tells whether the site's pages are still held there and
 * what it returns (pb_summary_note_return).  Once the function is
 * checked, the returns say what it is to its callers (pb_summary_finish):
 * an acquire into its caller's array that returns the count, or 0 / an
 * error having released a partial pin itself; one that returns the page
 * or the array it took; one that says in a flag parameter whether it took
 * references ('held-if=*argN'); or a helper whose count it stores for
 * its caller.  The summaries of helpers that release, borrow, free or
 * allocate, which take no references, are pb_summary.c's.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* What the returns of a function with sites showed, per site. */
struct pb_site_returns {
	bool seen_held;		/* some return keeps its pages */
	bool as_count;		/* each such return returns the call's count */
	bool as_status;		/* each such return returns 0, all taken */
	bool none_else;		/* other returns return 0 or less */
	bool error_else;	/* other returns return no 0 (an error) */
	bool handed;		/* some return hands them on */
	bool as_page;		/* each such return returns the page */
	bool as_array;		/* each such return returns the array */
	bool partial;		/* some such return keeps a partial pin */
	bool no_page_else;	/* other returns return NULL or an ERR_PTR */
};

/*
 * A flag parameter ('int *need_drop'): an integer the function writes
 * only with constants, through its pointer parameter, to tell its caller
 * whether it took references.  What it may hold at the end of each
 * block, as a set of PB_FLAG_* bits, from a small forward dataflow.
 */
#define PB_FLAG_UNSET	1u	/* as the caller left it */
#define PB_FLAG_ZERO	2u
#define PB_FLAG_SET	4u
/* Flag parameters followed per function, at most. */
#define PB_MAX_FLAGS	4

struct pb_flag_param {
	int param;		/* 1, 2, ... */
	tree name;		/* its default definition */
	unsigned char *out;	/* per block: what it may hold at the end */
};

struct pb_summary_obs {
	struct pb_site_returns site[PB_MAX_SITES];
	struct pb_flag_param flags[PB_MAX_FLAGS];
	int nflags;
	/* flag F is non-zero at every return that keeps site S's pages,
	 * and is never set at one that keeps none */
	bool flag_tells[PB_MAX_SITES][PB_MAX_FLAGS];
};

/* If STMT stores a constant through NAME ('*need_drop = 1'), what it
 * leaves there: PB_FLAG_ZERO or PB_FLAG_SET; 0 for any other statement. */
static unsigned int pb_flag_store(gimple *stmt, tree name)
{
	tree lhs;

	if (!gimple_assign_single_p(stmt) || !gimple_vdef(stmt))
		return 0;
	lhs = gimple_assign_lhs(stmt);
	if (TREE_CODE(lhs) != MEM_REF || TREE_OPERAND(lhs, 0) != name ||
	    !integer_zerop(TREE_OPERAND(lhs, 1)) ||
	    TREE_CODE(gimple_assign_rhs1(stmt)) != INTEGER_CST)
		return 0;
	return integer_zerop(gimple_assign_rhs1(stmt)) ? PB_FLAG_ZERO :
							 PB_FLAG_SET;
}

/*
 * Is parameter NAME, a pointer to an integer, used only to store
 * constants into what it points to, or to read it, with at least one
 * non-zero store?
 */
static bool pb_flag_candidate(tree name)
{
	imm_use_iterator it;
	gimple *use;
	bool set = false, other = false;

	if (!name || !POINTER_TYPE_P(TREE_TYPE(name)) ||
	    !INTEGRAL_TYPE_P(TREE_TYPE(TREE_TYPE(name))))
		return false;
	FOR_EACH_IMM_USE_STMT(use, it, name) {
		unsigned int stored = pb_flag_store(use, name);
		tree rhs;

		if (stored) {
			set |= stored == PB_FLAG_SET;
			continue;
		}
		rhs = gimple_assign_load_p(use) ? gimple_assign_rhs1(use) : NULL;
		if (!is_gimple_debug(use) &&
		    (!rhs || TREE_CODE(rhs) != MEM_REF ||
		     TREE_OPERAND(rhs, 0) != name))
			other = true;
	}
	return set && !other;
}

/* What the flag holds after the statements of BB before STOP, from IN. */
static unsigned int pb_flag_through(basic_block bb, gimple *stop, tree name,
				    unsigned int in)
{
	gimple_stmt_iterator gsi;

	for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
		unsigned int stored;

		if (gsi_stmt(gsi) == stop)
			break;
		stored = pb_flag_store(gsi_stmt(gsi), name);
		if (stored)
			in = stored;
	}
	return in;
}

/* What the flag may hold on entry to BB: its predecessors' ends. */
static unsigned int pb_flag_in(function *fun, const struct pb_flag_param *f,
			       basic_block bb)
{
	unsigned int in = 0;
	edge_iterator ei;
	edge e;

	FOR_EACH_EDGE(e, ei, bb->preds)
		in |= e->src == ENTRY_BLOCK_PTR_FOR_FN(fun) ? PB_FLAG_UNSET :
							      f->out[e->src->index];
	return in;
}

/* The dataflow: each block's end, until nothing changes (each may only
 * grow, three bits). */
static void pb_flag_solve(function *fun, struct pb_flag_param *f)
{
	bool changed = true;
	basic_block bb;

	f->out = XCNEWVEC(unsigned char, last_basic_block_for_fn(fun));
	while (changed) {
		changed = false;
		FOR_EACH_BB_FN(bb, fun) {
			unsigned int out = pb_flag_through(bb, NULL, f->name,
							   pb_flag_in(fun, f, bb));

			if ((out | f->out[bb->index]) != f->out[bb->index]) {
				f->out[bb->index] |= out;
				changed = true;
			}
		}
	}
}

/* The function's flag parameters, followed. */
static void pb_flags_begin(struct pb_fn *fn)
{
	struct pb_summary_obs *obs = fn->summary;
	tree parm;
	int p = 1, s, i;

	for (parm = DECL_ARGUMENTS(fn->fun->decl);
	     parm && p <= PB_RULE_MAX_ARG && obs->nflags < PB_MAX_FLAGS;
	     parm = DECL_CHAIN(parm), p++) {
		tree name = ssa_default_def(fn->fun, parm);
		struct pb_flag_param *f = &obs->flags[obs->nflags];

		if (!pb_flag_candidate(name))
			continue;
		f->param = p;
		f->name = name;
		pb_flag_solve(fn->fun, f);
		obs->nflags++;
	}
	for (s = 0; s < PB_MAX_SITES; s++)
		for (i = 0; i < obs->nflags; i++)
			obs->flag_tells[s][i] = true;
}

/* What flag F may hold at RET, reached over VIA (NULL: any edge). */
static unsigned int pb_flag_at(struct pb_fn *fn, const struct pb_flag_param *f,
			       gimple *ret, edge via)
{
	basic_block bb = gimple_bb(ret);
	unsigned int in = via ? (via->src == ENTRY_BLOCK_PTR_FOR_FN(fn->fun) ?
				 PB_FLAG_UNSET : f->out[via->src->index]) :
				pb_flag_in(fn->fun, f, bb);

	return pb_flag_through(bb, ret, f->name, in);
}

/* At a return, for each site: does each flag say whether it keeps the
 * pages there (non-zero where it does; 0 or untouched where not)? */
static void pb_flags_note_return(struct pb_fn *fn, greturn *ret, edge via,
				 int site, bool held)
{
	struct pb_summary_obs *obs = fn->summary;
	int i;

	for (i = 0; i < obs->nflags; i++) {
		unsigned int holds = pb_flag_at(fn, &obs->flags[i], ret, via);

		if (held ? holds != PB_FLAG_SET : (holds & PB_FLAG_SET) != 0)
			obs->flag_tells[site][i] = false;
	}
}

void pb_summary_begin(struct pb_fn *fn)
{
	int i;

	fn->summary = XCNEW(struct pb_summary_obs);
	pb_flags_begin(fn);
	for (i = 0; i < PB_MAX_SITES; i++) {
		fn->summary->site[i].as_count = true;
		fn->summary->site[i].as_status = true;
		fn->summary->site[i].none_else = true;
		fn->summary->site[i].error_else = true;
		fn->summary->site[i].as_page = true;
		fn->summary->site[i].as_array = true;
		fn->summary->site[i].no_page_else = true;
	}
}

void pb_summary_end(struct pb_fn *fn)
{
	int i;

	if (!fn->summary)
		return;
	for (i = 0; i < fn->summary->nflags; i++)
		XDELETEVEC(fn->summary->flags[i].out);
	XDELETE(fn->summary);
	fn->summary = NULL;
}

/*
 * May RETVAL be 0 or a positive constant, on any path into the return?
 * An error code made by a failing callee ('ret = account_locked_vm(...);
 * if (ret) return ret;') or taken from the pin call is taken for one:
 * only constants and the PHIs joining them are read.
 */
static bool pb_may_be_success(tree retval, int depth)
{
	gphi *phi;
	unsigned int i;

	retval = pb_strip_copies(retval);
	if (!retval)
		return true;
	if (TREE_CODE(retval) == INTEGER_CST)
		return tree_int_cst_sgn(retval) >= 0;
	if (TREE_CODE(retval) != SSA_NAME || depth <= 0)
		return TREE_CODE(retval) != SSA_NAME;
	phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(retval));
	if (!phi)
		return false;
	for (i = 0; i < gimple_phi_num_args(phi); i++)
		if (pb_may_be_success(gimple_phi_arg_def(phi, i), depth - 1))
			return true;
	return false;
}

/* Is RETVAL the page SITE took (its only one)? */
static bool pb_returns_page(struct pb_fn *fn, int site, tree retval)
{
	const struct pb_site *s = &fn->sites[site];
	struct pb_val v;

	if (!retval || !s->single)
		return false;
	v = pb_value_of(fn, retval);
	return v.key && pb_key_equal(fn, v.key, s->container.key) &&
	       v.level == s->container.level - 1;
}

/* Is RETVAL the array SITE pinned into, all of it, which the function
 * allocated ('return pages' in io_pin_pages())? */
static bool pb_returns_array(struct pb_fn *fn, int site, tree retval)
{
	const struct pb_site *s = &fn->sites[site];
	struct pb_val v;

	if (!retval || s->single || s->rule->shape != PB_SHAPE_ARRAY ||
	    s->container.level != 0 || s->container.offset ||
	    !pb_key_is_local(fn, s->container.key))
		return false;
	v = pb_value_of(fn, retval);
	return v.key && pb_key_equal(fn, v.key, s->container.key) &&
	       v.level == 0 && !v.offset;
}

/*
 * A return, before what it returns is handed to the caller: for each
 * site, whether its pages are still held there and what is returned.
 */
void pb_summary_note_return(struct pb_fn *fn, greturn *ret, edge via,
			    const pb_word *w)
{
	tree retval = gimple_return_retval(ret);
	int i;

	if (!fn->summary)
		return;
	if (retval)
		retval = pb_operand_on_edge(retval, via);
	for (i = 0; i < fn->nsites; i++) {
		struct pb_site_returns *r = &fn->summary->site[i];
		bool held = pb_live_class_with(w[i], PB_TAKEN_HOLDS) >= 0;

		/* released one by one before it fails ('for (i = 0; i < ret;
		 * i++) unpin_user_page(pages[i]); return -ENOMEM;'): as
		 * the leak checks take them, released */
		if (held && pb_live_class_with(w[i], 1u << PB_HOLD_HELD) < 0 &&
		    retval && !pb_may_be_success(retval, 4))
			held = false;

		if (pb_live_class_with(w[i], 1u << PB_HOLD_HANDED) >= 0)
			r->handed = true;
		pb_flags_note_return(fn, ret, via, i, held);
		if (!held) {
			if (!retval || (!pb_nonpositive_const(retval) &&
					pb_ret_site(fn, retval) != i))
				r->none_else = false;
			if (!retval || pb_may_be_success(retval, 4))
				r->error_else = false;
			if (!pb_returns_no_page(retval))
				r->no_page_else = false;
			continue;
		}
		r->seen_held = true;
		if (w[i] & (PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD) |
			    PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_PART)))
			r->partial = true;
		if (!pb_returns_page(fn, i, retval))
			r->as_page = false;
		if (!pb_returns_array(fn, i, retval))
			r->as_array = false;
		if (!retval || pb_ret_site(fn, retval) != i)
			r->as_count = false;
		if (!retval || !integer_zerop(pb_strip_copies(retval)) ||
		    (w[i] & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD)))
			r->as_status = false;
	}
}

/*
 * The parameter whose struct keeps the site's array in a field, as 1,
 * 2, ...; 0.  Either the site pins into 'region->pages' directly, or into
 * an array it allocated and stored there ('umem->pgs = kvcalloc(...)').
 */
static int pb_site_param_field(struct pb_fn *fn, int site, tree *field)
{
	const struct pb_site *s = &fn->sites[site];
	int i, p, found = 0;

	if (s->container.offset || s->container.row)
		return 0;
	if (TREE_CODE(s->container.key) == COMPONENT_REF)
		return pb_param_field(fn->fun, s->container, field);
	if (s->container.level != 0)
		return 0;
	for (i = 0; i < pb_value_nstores(fn); i++) {
		const struct pb_store *st = pb_value_store(fn, i);
		struct pb_val v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));
		struct pb_val cell = pb_value_of_addr(fn, st->dest);
		tree f;

		if (!v.key || v.level != 0 || v.offset ||
		    !pb_key_equal(fn, v.key, s->container.key))
			continue;
		/* a copy in the function's own memory, as the union
		 * release_pages() takes */
		if (pb_key_is_local(fn, cell.key))
			continue;
		cell.level = -1;
		p = pb_param_field(fn->fun, cell, &f);
		/* kept in one field only */
		if (!p || (found && (found != p || f != *field)))
			return 0;
		found = p;
		*field = f;
	}
	return found;
}

/* The rule line of a site that pins into parameter P (or into FIELD of
 * the struct it points to) for the caller. */
static bool pb_wrapper_line(struct pb_fn *fn, int site, int p, tree field,
			    bool status, bool whole, char *line, size_t len)
{
	const struct pb_site *s = &fn->sites[site];
	int req = s->req ? pb_param_index(fn->fun, s->req) : 0;
	char requested[32] = "", in_field[PB_RULE_MAX_FIELD + 2] = "";

	if (s->rule->shape != PB_SHAPE_ARRAY || s->container.offset)
		return false;
	if (!field && s->container.level != 0)
		return false;
	if (field) {
		if (strlen(pb_summary_field_name(field)) >= PB_RULE_MAX_FIELD)
			return false;
		snprintf(in_field, sizeof(in_field), "->%s",
			 pb_summary_field_name(field));
	}
	if (req && !status)
		snprintf(requested, sizeof(requested), " requested=arg%d", req);
	snprintf(line, len, "acquire %s kind=%s %s=arg%d%s count=%s%s%s",
		 pb_summary_fn_name(fn->fun), pb_kind_words[s->rule->kind],
		 s->rule->folio ? "folios" : "pages", p, in_field,
		 status ? "status" : "return", requested,
		 whole && !status ? " whole" : "");
	return true;
}

/* The caller-owned site of a one-site function has a summary: its pages
 * are checked where the function is called. */
static void pb_note_owned_summarised(struct pb_fn *fn)
{
	fn->sites[0].summarised = true;
	pb_stats.sites_owned_summarised++;
}

/* 'acquire NAME kind=K pages=argP count=*argC': a helper pinning in
 * chunks into its caller's array, the count added to *argC. */
static bool pb_summarize_stored_count(struct pb_fn *fn)
{
	const struct pb_site *s = &fn->sites[0];
	char line[256];
	int p, c;

	if (s->rule->shape != PB_SHAPE_ARRAY || s->container.level != 0 ||
	    s->rule->count == PB_COUNT_STORED)
		return false;
	p = pb_param_index(fn->fun, s->container.key);
	c = p ? pb_site_count_param(fn, 0) : 0;
	if (!c || c == p)
		return false;
	snprintf(line, sizeof(line), "acquire %s kind=%s %s=arg%d count=*arg%d",
		 pb_summary_fn_name(fn->fun), pb_kind_words[s->rule->kind],
		 s->rule->folio ? "folios" : "pages", p, c);
	return pb_summary_add(fn->fun, line);
}

/*
 * 'acquire NAME kind=K pages=*argP count=C held-if=*argF': a helper that
 * takes references into its caller's array (or allocates the array
 * through '*argP', as iov_iter_get_pages_alloc2() does) on some paths
 * only and says so in a flag: non-zero at every return that keeps the
 * pages, 0 or left alone at every other ('*need_drop = 1' in
 * p9_get_mapped_pages(), 0 for a kvec's pages it takes no reference
 * on).  The returns that keep them return the call's count (or 0 with
 * all of them: a status), so a negative result keeps none.
 */
static bool pb_summarize_held_if(struct pb_fn *fn,
				 const struct pb_site_returns *r)
{
	const struct pb_site *s = &fn->sites[0];
	const struct pb_summary_obs *obs = fn->summary;
	int p = pb_param_index(fn->fun, s->container.key);
	int req = s->req ? pb_param_index(fn->fun, s->req) : 0;
	char line[256], requested[32] = "";
	const char *count;
	int i, flag = 0;

	if (!p || s->container.offset || s->container.row ||
	    s->container.level != (s->rule->shape == PB_SHAPE_ARRAY_PTR ? -1 : 0) ||
	    (s->rule->shape != PB_SHAPE_ARRAY &&
	     s->rule->shape != PB_SHAPE_ARRAY_PTR))
		return false;
	for (i = 0; i < obs->nflags && !flag; i++)
		if (obs->flag_tells[0][i] && obs->flags[i].param != p)
			flag = obs->flags[i].param;
	if (!flag)
		return false;
	if (r->as_count && s->rule->count == PB_COUNT_BYTES)
		count = "bytes";
	else if (r->as_count && s->rule->count == PB_COUNT_RETURN)
		count = "return";
	else if (r->as_status)
		count = "status";
	else
		return false;
	if (req && r->as_count)
		snprintf(requested, sizeof(requested), " requested=arg%d", req);
	snprintf(line, sizeof(line),
		 "acquire %s kind=%s %s=%sarg%d count=%s%s held-if=*arg%d",
		 pb_summary_fn_name(fn->fun), pb_kind_words[s->rule->kind],
		 s->rule->folio ? "folios" : "pages",
		 s->rule->shape == PB_SHAPE_ARRAY_PTR ? "*" : "", p, count,
		 requested, flag);
	return pb_summary_add(fn->fun, line);
}

/*
 * After the checks: a function with one site pinning into its parameter's
 * array, whose returns either keep the pages and return the count (or 0
 * with all of them), or keep none and return 0 or an error, is an acquire
 * for its callers.
 */
void pb_summary_finish(struct pb_fn *fn)
{
	const struct pb_site_returns *r;
	tree field = NULL_TREE;
	char line[256];
	int p;

	if (!fn->summary || fn->nsites != 1 || fn->untracked_sites ||
	    pb_api_has_rule(fn->fun->decl))
		return;
	r = &fn->summary->site[0];
	if (!r->seen_held || r->handed || fn->sites[0].conditional)
		return;
	if (r->as_page && r->no_page_else &&
	    POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(fn->fun->decl)))) {
		snprintf(line, sizeof(line), "acquire %s kind=%s page=return count=one",
			 pb_summary_fn_name(fn->fun),
			 pb_kind_words[fn->sites[0].rule->kind]);
		pb_summary_add(fn->fun, line);
		return;
	}
	/* the array it allocated and pinned, whole, or NULL or an ERR_PTR */
	if (r->as_array && r->no_page_else && !r->partial &&
	    POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(fn->fun->decl)))) {
		snprintf(line, sizeof(line), "acquire %s kind=%s %s=return count=one",
			 pb_summary_fn_name(fn->fun),
			 pb_kind_words[fn->sites[0].rule->kind],
			 fn->sites[0].rule->folio ? "folios" : "pages");
		pb_summary_add(fn->fun, line);
		return;
	}
	p = pb_param_index(fn->fun, fn->sites[0].container.key);
	if (!p)
		p = pb_site_param_field(fn, 0, &field);
	/* a count: nothing held when it is 0 or less; a status: nothing
	 * held when it is not 0 (or, asked for none, 0) */
	if (p && (r->none_else || (!r->as_count && r->error_else)) &&
	    (r->as_count || r->as_status) &&
	    pb_wrapper_line(fn, 0, p, field, !r->as_count, !r->partial, line,
			    sizeof(line))) {
		if (pb_summary_add(fn->fun, line) && fn->sites[0].caller_owned)
			pb_note_owned_summarised(fn);
		return;
	}
	/* a helper that says in a flag whether it took the pages */
	if (pb_summarize_held_if(fn, r)) {
		if (fn->sites[0].caller_owned)
			pb_note_owned_summarised(fn);
		return;
	}
	/* else a helper whose failures leave pages, counted for the caller */
	if (pb_summarize_stored_count(fn) && fn->sites[0].caller_owned)
		pb_note_owned_summarised(fn);
}
