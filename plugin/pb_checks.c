// SPDX-License-Identifier: GPL-2.0
/*
 * pb_checks.c - the five ways the balance breaks, checked as the state
 * flows through a release, a free or a return.
 *
 * A check fires only on facets whose class means pages were really taken
 * (fewer than requested, or all), or for the count checks on the classes
 * that make the count wrong; facets of paths where the call failed never
 * produce a finding.  The transfer (what the call does to the state) is
 * applied whether or not the check fires, so one bug is reported once.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

#define PB_TAKEN_HOLDS ((1u << PB_HELD) | (1u << PB_SOME))

/* The first live class with one of HOLDS possible in W, or -1. */
static int pb_live_class_with(pb_word w, unsigned int holds)
{
	int c, h;

	for (c = PB_FULL; c >= PB_PARTIAL; c--)
		for (h = 0; h < PB_NHOLDS; h++)
			if ((holds & (1u << h)) && (w & PB_FACET(c, h)))
				return c;
	return -1;
}

static void pb_found(struct pb_fn *fn, enum pb_finding_kind kind, int site,
		     gimple *stmt, edge exit_edge, const struct pb_rule *release,
		     int cls)
{
	struct pb_finding f;

	if (!fn->reporting)
		return;
	f.kind = kind;
	f.site = site;
	f.stmt = stmt;
	f.bb = stmt ? gimple_bb(stmt) : NULL;
	f.exit_edge = exit_edge;
	f.release = release;
	f.facet_class = cls;
	pb_report(fn, &f);
}

/* How the release's pages argument relates to SITE's pages. */
enum pb_release_match { PB_NO_MATCH, PB_RELEASE_ALL, PB_RELEASE_SOME };

static enum pb_release_match pb_match_release(struct pb_fn *fn, int site,
					      const struct pb_rule *rule,
					      struct pb_val v)
{
	const struct pb_site *s = &fn->sites[site];
	bool row_unsure;

	if (!pb_key_equal(fn, v.key, s->container.key))
		return PB_NO_MATCH;
	/* another row of an array of arrays: other pages */
	if (v.row && s->container.row && v.row != s->container.row)
		return PB_NO_MATCH;
	row_unsure = v.row != s->container.row;
	if (rule->shape == PB_SHAPE_ARRAY) {
		if (v.level != s->container.level)
			return PB_NO_MATCH;
		return v.offset || row_unsure ? PB_RELEASE_SOME : PB_RELEASE_ALL;
	}
	if (v.level != s->container.level - 1)
		return PB_NO_MATCH;
	return s->single && rule->shape == PB_SHAPE_PAGE && !row_unsure ?
		       PB_RELEASE_ALL : PB_RELEASE_SOME;
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

	if (rule->count_arg <= 0 || s->rule->count != PB_COUNT_RETURN)
		return;
	count = gimple_call_arg(call, rule->count_arg - 1);
	if (pb_ret_site(fn, count) == site) {
		if (w & PB_FACET(PB_ERR, PB_HELD))
			pb_found(fn, PB_NEGATIVE_COUNT, site, call, NULL, rule,
				 PB_ERR);
		return;
	}
	if (!s->req || !pb_same_count(count, s->req))
		return;
	if (w & PB_FACET(PB_PARTIAL, PB_HELD))
		pb_found(fn, PB_OVERCOUNT, site, call, NULL, rule, PB_PARTIAL);
	else if (w & PB_FACET(PB_ERR, PB_HELD))
		pb_found(fn, PB_OVERCOUNT, site, call, NULL, rule, PB_ERR);
}

static void pb_check_one_release(struct pb_fn *fn, gcall *call,
				 const struct pb_rule *rule, int site,
				 enum pb_release_match match, pb_word *w)
{
	const struct pb_site *s = &fn->sites[site];
	int cls;

	if (s->rule->kind != rule->kind && rule->kind != PB_ANY &&
	    !s->conditional) {
		cls = pb_live_class_with(w[site], PB_TAKEN_HOLDS);
		if (cls >= 0)
			pb_found(fn, s->rule->kind == PB_PIN ? PB_MISMATCH
							     : PB_REVERSE_MISMATCH,
				 site, call, NULL, rule, cls);
	} else if ((cls = pb_live_class_with(w[site], 1u << PB_RELEASED)) >= 0) {
		pb_found(fn, PB_DOUBLE_RELEASE, site, call, NULL, rule, cls);
	} else if (rule->shape == PB_SHAPE_ARRAY && match == PB_RELEASE_ALL &&
		   !s->conditional) {
		pb_check_count(fn, call, rule, site, w[site]);
	}
}

void pb_check_release(struct pb_fn *fn, gimple *stmt,
		      const struct pb_rule *rule, pb_word *w)
{
	gcall *call = as_a<gcall *>(stmt);
	struct pb_val v;
	int i;

	if (rule->pages_arg < 1)
		return;
	v = pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
	if (!v.key)
		return;
	for (i = 0; i < fn->nsites; i++) {
		enum pb_release_match match;
		unsigned int from;

		if (!(w[i] & ~PB_ABSENT))
			continue;
		match = pb_match_release(fn, i, rule, v);
		if (match == PB_NO_MATCH)
			continue;
		pb_check_one_release(fn, call, rule, i, match, w);
		if (match == PB_RELEASE_ALL) {
			from = PB_TAKEN_HOLDS;
			w[i] = pb_move_hold(w[i], from, PB_RELEASED);
		} else {
			w[i] = pb_move_hold(w[i], 1u << PB_HELD, PB_SOME);
		}
	}
}

/* kfree(pages) while the pages in it are pinned loses them for good. */
void pb_check_free(struct pb_fn *fn, gimple *stmt,
		   const struct pb_rule *rule, pb_word *w)
{
	gcall *call = as_a<gcall *>(stmt);
	struct pb_val v;
	int i;

	if (rule->pages_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
		return;
	v = pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
	if (!v.key)
		return;
	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		int cls;

		if (!(w[i] & ~PB_ABSENT) || s->single ||
		    !pb_key_equal(fn, v.key, s->container.key) ||
		    v.level != s->container.level)
			continue;
		cls = pb_live_class_with(w[i], 1u << PB_HELD);
		if (cls >= 0 && !s->conditional)
			pb_found(fn, PB_LEAK_FREE, i, call, NULL, NULL, cls);
		w[i] = pb_move_hold(w[i], PB_TAKEN_HOLDS, PB_HANDED);
	}
}

/* At a return: pages held in storage that dies with the function leak. */
void pb_check_return(struct pb_fn *fn, basic_block bb, edge via,
		     const pb_word *w)
{
	gimple *ret = last_stmt(bb);
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		int cls;

		if (s->caller_owned || s->conditional)
			continue;
		cls = pb_live_class_with(w[i], 1u << PB_HELD);
		if (cls >= 0)
			pb_found(fn, PB_LEAK, i, ret, via, NULL, cls);
	}
}
