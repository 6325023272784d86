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

/* At a return: pages held in storage that dies with the function leak. */
void pb_check_return(struct pb_fn *fn, gimple *ret, edge via, const pb_word *w)
{
	int i;

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
