// SPDX-License-Identifier: GPL-2.0
/*
 * pb_checks.c - the five ways the balance breaks, checked on the state a
 * release, a free or a return meets.
 *
 * The state machine (pb_sm.c) calls these before it moves the state, on
 * the walk over the solved function; they only read the site's word and
 * record what they find (pb_findings.c).  A check fires only on facets
 * whose class means pages were really taken (fewer than requested, or
 * all), or for the count checks on the classes that make the count
 * wrong; facets of paths where the call failed never produce a finding.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

static void pb_found(struct pb_fn *fn, enum pb_finding_kind kind, int site,
		     gimple *stmt, edge exit_edge, const struct pb_rule *release,
		     int cls)
{
	struct pb_finding f;

	f.kind = kind;
	f.site = site;
	f.stmt = stmt;
	f.bb = stmt ? gimple_bb(stmt) : NULL;
	f.exit_edge = exit_edge;
	f.release = release;
	f.facet_class = cls;
	pb_findings_add(fn, &f);
}

/*
 * A site that adds its count to a variable the caller gave it
 * ('lock_pages(..., &pinned)'): releasing any other count than that
 * variable's, such as the number of pages asked for, releases pages a
 * failure did not pin.
 */
static void pb_check_stored_count(struct pb_fn *fn, gcall *call,
				  const struct pb_rule *rule, int site,
				  tree count, pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	tree cell = gimple_call_arg(s->call, s->rule->count_out_arg - 1);
	gimple *def;

	count = pb_strip_copies(count);
	if (TREE_CODE(cell) != ADDR_EXPR || !count ||
	    TREE_CODE(count) != SSA_NAME ||
	    !(w & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD)))
		return;
	def = SSA_NAME_DEF_STMT(count);
	if (gimple_assign_load_p(def) &&
	    pb_same_cell(gimple_assign_rhs1(def), TREE_OPERAND(cell, 0)))
		return;
	pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL, rule,
		 PB_CLASS_PARTIAL);
}

/* How many PHIs deep a count is followed back to the requested one. */
#define PB_COUNT_PHI_DEPTH 3

/*
 * Is COUNT the requested count on every path where SITE took fewer pages
 * than requested?  'nr_pages' merged at an error label, set to 0 on the
 * path where the pin failed and left alone on the partial one, is: its
 * PHI's arguments on the edges that bring a partial pin's pages still
 * held say so.
 */
static bool pb_count_requested_if_partial(struct pb_fn *fn, int site,
					  tree count, int depth)
{
	const pb_word partial = PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD);
	bool seen = false;
	unsigned int i;
	gphi *phi;

	count = pb_strip_copies(count);
	if (!count)
		return false;
	if (pb_same_count(count, fn->sites[site].req))
		return true;
	if (depth <= 0 || TREE_CODE(count) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(count))))
		return false;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		edge e = gimple_phi_arg_edge(phi, i);

		if (!pb_solve_edge_reached(fn, e) ||
		    !(pb_solve_edge_words(fn, e)[site] & partial))
			continue;
		if (!pb_count_requested_if_partial(fn, site,
						   gimple_phi_arg_def(phi, i),
						   depth - 1))
			return false;
		seen = true;
	}
	return seen;
}

/*
 * The count passed to an array release, against what the site took:
 * the requested count where fewer may have been pinned, or the return
 * value where it may be an error code.
 */
static void pb_check_count(struct pb_fn *fn, gcall *call,
			   const struct pb_rule *rule, int site, pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	tree count;

	if (rule->count_arg <= 0)
		return;
	count = gimple_call_arg(call, rule->count_arg - 1);
	if (s->rule->count == PB_COUNT_STORED) {
		pb_check_stored_count(fn, call, rule, site, count, w);
		return;
	}
	if (s->rule->count != PB_COUNT_RETURN)
		return;
	if (pb_ret_site(fn, count) == site) {
		if (w & PB_FACET(PB_CLASS_ERR, PB_HOLD_HELD))
			pb_found(fn, PB_FINDING_NEGATIVE_COUNT, site, call, NULL, rule,
				 PB_CLASS_ERR);
		return;
	}
	if (!s->req)
		return;
	if (!pb_same_count(count, s->req)) {
		if ((w & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD)) &&
		    pb_count_requested_if_partial(fn, site, count,
						  PB_COUNT_PHI_DEPTH))
			pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL,
				 rule, PB_CLASS_PARTIAL);
		return;
	}
	if (w & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD))
		pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL, rule, PB_CLASS_PARTIAL);
	else if (w & PB_FACET(PB_CLASS_ERR, PB_HOLD_HELD))
		pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL, rule, PB_CLASS_ERR);
}

/*
 * A release of SITE's pages, WHOLE if it releases all of them: of the
 * other kind, a second one, or of the requested count.
 */
void pb_check_release(struct pb_fn *fn, gcall *call, const struct pb_rule *rule,
		      int site, bool whole, pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	int cls;

	if (s->rule->kind != rule->kind && rule->kind != PB_ANY &&
	    !s->conditional) {
		cls = pb_live_class_with(w, PB_KIND_HOLDS);
		if (cls >= 0)
			pb_found(fn, s->rule->kind == PB_PIN ? PB_FINDING_MISMATCH
							     : PB_FINDING_REVERSE_MISMATCH,
				 site, call, NULL, rule, cls);
	} else if ((cls = pb_live_class_with(w, 1u << PB_HOLD_RELEASED)) >= 0) {
		pb_found(fn, PB_FINDING_DOUBLE_RELEASE, site, call, NULL, rule, cls);
	} else if ((rule->shape == PB_SHAPE_ARRAY ||
		    rule->shape == PB_SHAPE_ARRAY_PTR) && whole &&
		   !s->conditional) {
		pb_check_count(fn, call, rule, site, w);
	}
}

/* kfree(pages) while the pages in it are pinned loses them for good. */
void pb_check_free(struct pb_fn *fn, gcall *call, int site, pb_word w)
{
	int cls = pb_live_class_with(w, 1u << PB_HOLD_HELD);

	if (cls >= 0 && !fn->sites[site].conditional)
		pb_found(fn, PB_FINDING_LEAK_FREE, site, call, NULL, NULL, cls);
}

/* Was SITE handed over, on any path, only by stores into a parameter's
 * struct? */
static bool pb_handed_only_to_caller(struct pb_fn *fn, int site)
{
	int why;

	for (why = 0; why < PB_NHANDED; why++)
		if ((fn->handed[why] & (1u << site)) &&
		    why != PB_HANDED_CALLER_STORE)
			return false;
	return fn->handed[PB_HANDED_CALLER_STORE] & (1u << site);
}

/* Does every path from FROM to TO (entered through VIA, if given) run
 * straight, with no branch or join on the way? */
static bool pb_straight_run(basic_block from, basic_block to, edge via)
{
	int steps;

	for (steps = 0; from != to && steps < 8; steps++) {
		edge e;

		if (!single_succ_p(from))
			return false;
		e = single_succ_edge(from);
		from = e->dest;
		if (from == to && via)
			return e == via;
		if (!single_pred_p(from))
			return false;
	}
	return from == to;
}

/*
 * The class of a path that reaches RET failing, with SITE's pages in
 * hold HOLD, or -1.  When the error code is merged with success at the
 * cleanup label ('free_buf: kfree(set_buffer); return ret;'), the PHI's
 * arguments tell the paths apart: one that fails on an edge whose state
 * has those pages, the label running straight on to the return.
 */
static int pb_failing_class(struct pb_fn *fn, greturn *ret, edge via,
			    int site, enum pb_hold hold, pb_word w)
{
	tree val = gimple_return_retval(ret);
	gphi *phi;
	unsigned int i;
	int cls;

	cls = pb_live_class_with(w, 1u << hold);
	if (!val || cls < 0)
		return -1;
	val = pb_operand_on_edge(val, via);
	if (pb_cond_value_fails(fn, val, via))
		return cls;
	if (!val || TREE_CODE(val) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(val))) ||
	    !pb_straight_run(gimple_bb(phi), gimple_bb(ret), via))
		return -1;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		edge e = gimple_phi_arg_edge(phi, i);

		if (!pb_solve_edge_reached(fn, e))
			continue;
		cls = pb_live_class_with(pb_solve_edge_words(fn, e)[site] & w,
					 1u << hold);
		if (cls >= 0 &&
		    pb_cond_value_fails(fn, gimple_phi_arg_def(phi, i), e))
			return cls;
	}
	return -1;
}

/*
 * A function that fails leaves nothing behind: by the kernel's
 * convention its caller cleans up only what a success gave it.  So pages
 * in the caller's memory at an error return leak: pinned into a
 * parameter's array ('umem->pgs', its mapping then failing), or stored
 * into a parameter's struct and not released before the function gave
 * up ('vm->ioreq_page = page', then a failing hypercall).  A count
 * stored where the caller reads it ('*pinned += page_count',
 * 'dma->nr_pages = err') tells the caller what to release: those pages
 * are the caller's.
 */
static void pb_check_failing_return(struct pb_fn *fn, greturn *ret, edge via,
				    const pb_word *w)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		enum pb_finding_kind kind;
		enum pb_hold hold;
		int cls;

		if (s->conditional || s->rule->count == PB_COUNT_STORED ||
		    pb_site_count_told(fn, i))
			continue;
		if (s->caller_owned && s->in_callers_memory) {
			kind = PB_FINDING_LEAK_FAILING;
			hold = PB_HOLD_HELD;
		} else if (!s->caller_owned && pb_handed_only_to_caller(fn, i)) {
			kind = PB_FINDING_LEAK_FAILING_STORED;
			hold = PB_HOLD_HANDED;
		} else {
			continue;
		}
		cls = pb_failing_class(fn, ret, via, i, hold, w[i]);
		if (cls >= 0)
			pb_found(fn, kind, i, ret, via, NULL, cls);
	}
}

/* At a return: pages held in storage that dies with the function leak. */
void pb_check_return(struct pb_fn *fn, gimple *ret, edge via, const pb_word *w)
{
	int i;

	pb_check_failing_return(fn, as_a<greturn *>(ret), via, w);
	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		int cls;

		if (s->caller_owned || s->conditional)
			continue;
		cls = pb_live_class_with(w[i], 1u << PB_HOLD_HELD);
		if (cls >= 0)
			pb_found(fn, PB_FINDING_LEAK, i, ret, via, NULL, cls);
	}
}
