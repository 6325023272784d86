// SPDX-License-Identifier: GPL-2.0
/*
 * pb_analyze.c - one function, checked: the steps, in order.
 *
 * A function that calls no acquire of the rules costs one scan.  Else the
 * values and sites are found, the engine solves the function with the
 * state machine, walks it once more with the checks on, and the findings
 * are reported with their paths.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* Classes as "ERR|ZERO|FULL", for the debug trace. */
static const char *pb_classes_format(unsigned int classes, char *buf,
				     size_t len)
{
	size_t used = 0;
	int c;

	buf[0] = '\0';
	for (c = 0; c < PB_NCLASSES && used < len; c++)
		if (classes & (1u << c))
			used += snprintf(buf + used, len - used, "%s%s",
					 used ? "|" : "", pb_class_names[c]);
	return buf;
}

static void pb_debug_dump(struct pb_fn *fn)
{
	char classes[64];
	int i;

	fprintf(stderr, "pinbalance: %s: %d sites (%d untracked)\n",
		function_name(fn->fun), fn->nsites, fn->untracked_sites);
	for (i = 0; i < fn->nsites; i++) {
		fprintf(stderr, "  site %d: %s%s%s classes=%s key=", i,
			fn->sites[i].rule->name,
			fn->sites[i].single ? " single" : "",
			fn->sites[i].caller_owned ? " caller-owned" : "",
			pb_classes_format(fn->sites[i].classes, classes,
					  sizeof(classes)));
		print_generic_expr(stderr, fn->sites[i].container.key);
		fprintf(stderr, " level=%d", fn->sites[i].container.level);
		if (fn->sites[i].total) {
			fprintf(stderr, " total=");
			print_generic_expr(stderr, fn->sites[i].total);
		}
		fputc('\n', stderr);
	}
}

/* The sites whose held pages went quiet, per reason, into the stats
 * (bits counted by hand: the kernel links its plugins without libgcc's
 * __popcountdi2). */
static void pb_count_handed(struct pb_fn *fn)
{
	int why, i;

	for (why = 0; why < PB_NHANDED; why++)
		for (i = 0; i < fn->nsites; i++)
			if (fn->handed[why] & (1u << i))
				pb_stats.handed[why]++;
}

/*
 * Caller-owned sites neither in a struct's field nor summarised for the
 * callers, whose pages are in a parameter's memory: the function's own
 * part, its error returns, is checked (pb_checks.c), unless it tells the
 * caller the count, which makes even those pages the caller's.
 */
static void pb_count_owned_at_errors(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		fn->sites[i].checked_at_errors = pb_site_checked_at_errors(fn, i);
		if (fn->sites[i].checked_at_errors)
			pb_stats.sites_owned_at_errors++;
	}
}

/*
 * The caller-owned sites no check covers, each counted once, in the
 * census's order (pb_census.c): not summarised for the callers, not in a
 * struct's field or a static variable of the file, not checked at the
 * error returns; of those, the ones whose count the function tells its
 * caller, and the rest.
 */
static void pb_count_owned_unchecked(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];

		if (!s->caller_owned || s->summarised || s->file_var ||
		    TREE_CODE(s->container.key) == COMPONENT_REF ||
		    s->checked_at_errors)
			continue;
		if (s->count_told)
			pb_stats.sites_owned_count_told++;
		else
			pb_stats.sites_owned_unchecked++;
	}
}

/* Sites that may take no reference: checked where a test or a maker of
 * their source told, or where a record of their kind is kept; unchecked,
 * with their reason, elsewhere. */
static void pb_count_source_told(struct pb_fn *fn)
{
	enum pb_source_from from;
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];

		if (s->caller_owned || !s->conditional)
			continue;
		if (s->source_told)
			pb_stats.sites_source_told++;
		else if (s->recorded)
			pb_stats.sites_recorded++;
		else if ((from = pb_source_from(s)) != PB_FROM_NONE) {
			pb_stats.sites_unsure_callers++;
			pb_stats.sites_unsure_from[from]++;
			pb_database_ask(s);
		} else
			pb_stats.sites_unsure_other++;
	}
}

/* The conversion option: get references an owner keeps. */
static void pb_report_kept(struct pb_fn *fn)
{
	int i;

	if (!pb_options.conversion)
		return;
	for (i = 0; i < fn->nsites; i++)
		if (fn->kept_by[i])
			pb_finding_emit_conversion(fn, i);
}

/* Solve, walk with the checks on, report: the sites are known. */
static void pb_check_sites(struct pb_fn *fn)
{
	pb_solve_alloc(fn);
	pb_sites_note_ret_copies(fn);
	pb_sites_note_counts_told(fn);
	pb_cond_note_sources(fn);
	if (!pb_solve(fn)) {
		pb_stats.functions_given_up++;
		pb_census_sites(fn, true);
		return;
	}
	pb_summary_begin(fn);
	pb_solve_walk(fn);
	pb_diag_report(fn);
	pb_summary_finish(fn);
	pb_summary_end(fn);
	pb_count_handed(fn);
	pb_count_owned_at_errors(fn);
	pb_count_owned_unchecked(fn);
	pb_count_source_told(fn);
	pb_census_sites(fn, false);
	pb_report_kept(fn);
}

/* A function taking no reference: what it does to the pages it is
 * given, and (for the census) the releases it makes. */
static void pb_summarize(function *fun, bool wanted)
{
	struct pb_fn *fn = XCNEW(struct pb_fn);

	fn->fun = fun;
	pb_value_init(fn);
	if (wanted)
		pb_summarize_helper(fn);
	pb_census_releases(fn);
	pb_value_fini(fn);
	XDELETE(fn);
}

unsigned int pb_analyze_function(function *fun)
{
	struct pb_fn *fn;
	bool acquires;

	pb_stats.functions++;
	if (!fun->cfg)
		return 0;
	/* the database's questions about the iterators calls pass */
	pb_database_note_passes(fun);
	acquires = pb_function_acquires(fun);
	if (acquires && pb_api_ignored(fun->decl)) {
		pb_stats.functions_ignored++;
		return 0;
	}
	/* a function releasing a struct's pages need not take any */
	pb_fields_scan(fun);
	pb_summarize_allocator(fun);
	if (!acquires) {
		bool wanted = pb_summary_wanted(fun);

		if (wanted || pb_census_wanted())
			pb_summarize(fun, wanted);
		pb_sg_check(fun);
		return 0;
	}
	pb_stats.functions_analyzed++;
	pb_findings_reset();
	fn = XCNEW(struct pb_fn);
	fn->fun = fun;
	pb_value_init(fn);
	pb_sites_init(fn);
	pb_solve_prepare(fn);
	pb_sites_collect(fn);
	if (pb_options.debug)
		pb_debug_dump(fn);
	if (fn->nsites) {
		pb_sg_note_lent(fn);
		pb_check_sites(fn);
		pb_fields_note_counts(fn);
		pb_fields_note_file_vars(fn);
		pb_fields_note_kept(fn);
	}
	pb_census_releases(fn);
	pb_sg_check(fun);
	free_dominance_info(CDI_DOMINATORS);
	pb_solve_fini(fn);
	pb_sites_fini(fn);
	pb_value_fini(fn);
	XDELETE(fn);
	return 0;
}
