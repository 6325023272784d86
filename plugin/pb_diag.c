// SPDX-License-Identifier: GPL-2.0
/*
 * pb_diag.c - diagnostics: the message, its CWE, and the path of events.
 *
 * Each finding is reported once, as a GCC warning (or an error with
 * -fplugin-arg-pinbalance-error) carrying a diagnostic_path, the same
 * machinery -fanalyzer uses, so -fdiagnostics-path-format= and
 * -fdiagnostics-format=json/sarif show the events.  The path is rebuilt
 * from the dataflow's fixed point: from the finding, search backwards for
 * the statement that put the bad facet there (the pin, or the first
 * release), taking only edges whose state holds that facet, and describe
 * each branch on the way.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* A path longer than this is cut short: its start matters most. */
#define PB_MAX_CHAIN 48
#define PB_MAX_SEGMENTS 4
#define PB_MAX_REPORTED 256

struct pb_options pb_options;
struct pb_stats pb_stats;

/* Findings already reported in this function: (kind, site, stmt). */
struct pb_reported {
	enum pb_finding_kind kind;
	gimple *site_call;
	gimple *stmt;
};
static struct pb_reported pb_reported[PB_MAX_REPORTED];
static int pb_nreported;

void pb_diag_reset(void)
{
	pb_nreported = 0;
}

static bool pb_already_reported(struct pb_fn *fn, const struct pb_finding *f)
{
	gimple *site_call = fn->sites[f->site].call;
	bool leak = f->kind == PB_LEAK || f->kind == PB_LEAK_FREE;
	int i;

	for (i = 0; i < pb_nreported; i++) {
		struct pb_reported *r = &pb_reported[i];
		bool r_leak = r->kind == PB_LEAK || r->kind == PB_LEAK_FREE;

		if (r->site_call != site_call)
			continue;
		/* one leak per pin site, like the analyzer's one per value */
		if (leak && r_leak)
			return true;
		if (r->kind == f->kind && r->stmt == f->stmt)
			return true;
	}
	if (pb_nreported < PB_MAX_REPORTED) {
		pb_reported[pb_nreported].kind = f->kind;
		pb_reported[pb_nreported].site_call = site_call;
		pb_reported[pb_nreported].stmt = leak ? NULL : f->stmt;
		pb_nreported++;
	}
	return false;
}

/* ---------------------------------------------------------- tracing */

/* One stretch of the path: the edges walked, then the statement that
 * made the facet true at its start. */
struct pb_segment {
	gimple *gen;
	edge chain[PB_MAX_CHAIN];
	int nchain;
};

/* The last statement of BB before STOP that made FACET of SITE true. */
static gimple *pb_generator_in_block(struct pb_fn *fn, basic_block bb,
				     edge via, gimple *stop, const pb_word *in,
				     int site, pb_word facet)
{
	pb_word *w = XALLOCAVEC(pb_word, fn->nsites);
	gimple_stmt_iterator gsi;
	gimple *gen = NULL;
	bool was_reporting = fn->reporting;

	memcpy(w, in, fn->nsites * sizeof(pb_word));
	fn->reporting = false;
	fn->via = via;
	for (gsi = gsi_start_nondebug_bb(bb); !gsi_end_p(gsi);
	     gsi_next_nondebug(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);
		bool before = w[site] & facet;

		if (stmt == stop)
			break;
		pb_transfer_stmt(fn, stmt, w);
		if (!before && (w[site] & facet))
			gen = stmt;
	}
	fn->reporting = was_reporting;
	return gen;
}

static bool pb_edge_has(struct pb_fn *fn, edge e, int site, pb_word facet)
{
	return pb_edge_is_reached(fn, e) && (pb_edge_words(fn, e)[site] & facet);
}

static void pb_chain_from(basic_block from, basic_block to, edge *parent,
			  struct pb_segment *seg)
{
	basic_block bb = from;

	seg->nchain = 0;
	while (bb != to && seg->nchain < PB_MAX_CHAIN) {
		edge e = parent[bb->index];

		if (!e)
			break;
		seg->chain[seg->nchain++] = e;
		bb = e->dest;
	}
}

/*
 * Breadth-first backwards from (BB, STOP) to the nearest statement that
 * made FACET true, over edges whose state holds FACET; VIA restricts the
 * first step to one incoming edge.
 */
static bool pb_trace_back(struct pb_fn *fn, basic_block bb, gimple *stop,
			  edge via, int site, pb_word facet,
			  struct pb_segment *seg)
{
	int nblocks = last_basic_block_for_fn(fn->fun);
	pb_word *in = XALLOCAVEC(pb_word, fn->nsites);
	edge *parent = XCNEWVEC(edge, nblocks);
	basic_block *queue = XNEWVEC(basic_block, nblocks + 1);
	unsigned char *seen = XCNEWVEC(unsigned char, nblocks);
	int head = 0, tail = 0;
	bool found = false;
	edge e;
	edge_iterator ei;

	if (via)
		pb_edge_in_words(fn, via, in);
	else
		pb_block_in_state(fn, bb, in);
	seg->nchain = 0;
	seg->gen = pb_generator_in_block(fn, bb, via, stop, in, site, facet);
	if (seg->gen) {
		found = true;
		goto out;
	}
	seen[bb->index] = 1;
	FOR_EACH_EDGE(e, ei, bb->preds) {
		if ((via && e != via) || !pb_edge_has(fn, e, site, facet) ||
		    seen[e->src->index] || e->src->index < NUM_FIXED_BLOCKS)
			continue;
		seen[e->src->index] = 1;
		parent[e->src->index] = e;
		queue[tail++] = e->src;
	}
	while (head < tail) {
		basic_block cur = queue[head++];

		pb_block_in_state(fn, cur, in);
		seg->gen = pb_generator_in_block(fn, cur, NULL, NULL, in, site,
						  facet);
		if (seg->gen) {
			pb_chain_from(cur, bb, parent, seg);
			found = true;
			break;
		}
		FOR_EACH_EDGE(e, ei, cur->preds) {
			if (!pb_edge_has(fn, e, site, facet) ||
			    seen[e->src->index] || e->src->index < NUM_FIXED_BLOCKS)
				continue;
			seen[e->src->index] = 1;
			parent[e->src->index] = e;
			queue[tail++] = e->src;
		}
	}
out:
	XDELETEVEC(parent);
	XDELETEVEC(queue);
	XDELETEVEC(seen);
	return found;
}

/* The facet a finding is about, at the point it was found. */
static enum pb_hold pb_finding_hold(const struct pb_finding *f)
{
	return f->kind == PB_DOUBLE_RELEASE ? PB_RELEASED : PB_HELD;
}

/*
 * Segments from the finding back to the pin: the last one found first.
 * A segment ending at a release (the first of a double release, or a
 * partial release before a mismatch) is followed by one back to the pin.
 */
static int pb_trace_finding(struct pb_fn *fn, const struct pb_finding *f,
			    struct pb_segment *segs)
{
	const struct pb_site *s = &fn->sites[f->site];
	basic_block bb = f->bb;
	gimple *stop = f->stmt;
	edge via = f->exit_edge;
	enum pb_hold hold = pb_finding_hold(f);
	int n = 0;

	if (!bb && via)
		bb = via->dest;
	while (n < PB_MAX_SEGMENTS && bb) {
		struct pb_segment *seg = &segs[n];
		pb_word facet = PB_FACET(f->facet_class, hold);

		if (!pb_trace_back(fn, bb, stop, via, f->site, facet, seg)) {
			if (hold == PB_HELD && (f->kind == PB_MISMATCH ||
						f->kind == PB_REVERSE_MISMATCH)) {
				hold = PB_SOME;
				continue;
			}
			break;
		}
		n++;
		if (seg->gen == s->call)
			break;
		/* a release made it so: before it, the pages were held */
		bb = gimple_bb(seg->gen);
		stop = seg->gen;
		via = NULL;
		hold = PB_HELD;
	}
	return n;
}

/* ----------------------------------------------------------- events */

static const char *pb_acquired_what(const struct pb_site *s, char *buf,
				    size_t len)
{
	tree req = s->req;
	const char *unit = s->rule->folio ? "folios" : "pages";

	if (s->single || s->rule->count == PB_COUNT_ONE)
		return s->rule->folio ? "a folio" : "a page";
	if (req && TREE_CODE(req) == INTEGER_CST && tree_fits_shwi_p(req)) {
		snprintf(buf, len, "up to " HOST_WIDE_INT_PRINT_DEC " %s",
			 tree_to_shwi(req), unit);
		return buf;
	}
	if (req && TREE_CODE(req) == SSA_NAME && SSA_NAME_VAR(req) &&
	    DECL_NAME(SSA_NAME_VAR(req)) && !DECL_ARTIFICIAL(SSA_NAME_VAR(req))) {
		snprintf(buf, len, "up to '%s' %s",
			 IDENTIFIER_POINTER(DECL_NAME(SSA_NAME_VAR(req))), unit);
		return buf;
	}
	return unit;
}

/*
 * What the driver calls the array: the pin call's own argument, with the
 * row of an array of arrays ('pages[1]').
 */
static const char *pb_site_array_name(const struct pb_site *s)
{
	static char row_name[128];
	const struct pb_rule *rule = s->rule;
	const char *name;
	tree arg;

	if (rule->pages_arg < 1)
		return NULL;
	arg = gimple_call_arg(s->call, rule->pages_arg - 1);
	if (TREE_CODE(arg) == ADDR_EXPR)
		arg = get_base_address(TREE_OPERAND(arg, 0));
	if (arg && TREE_CODE(arg) == MEM_REF)
		arg = TREE_OPERAND(arg, 0);
	if (arg && TREE_CODE(arg) == SSA_NAME && !SSA_NAME_VAR(arg)) {
		gimple *def = SSA_NAME_DEF_STMT(arg);

		/* '_3 = r->pages; pin_user_pages(..., _3)' */
		if (gimple_assign_single_p(def))
			arg = gimple_assign_rhs1(def);
	}
	name = arg ? pb_key_name(arg) : NULL;
	if (name && s->container.row) {
		snprintf(row_name, sizeof(row_name), "%s[%d]", name,
			 s->container.row - 1);
		return row_name;
	}
	return name;
}

static diagnostic_event_id_t pb_add_acquire_event(simple_diagnostic_path *path,
						  struct pb_fn *fn,
						  const struct pb_site *s)
{
	location_t loc = gimple_location(s->call);
	const char *into = pb_site_array_name(s);
	tree fndecl = fn->fun->decl;
	char buf[128];
	const char *what = pb_acquired_what(s, buf, sizeof(buf));

	if (s->rule->kind == PB_GET)
		return path->add_event(loc, fndecl, 0,
				       "references on %s taken here by %qs",
				       what, s->rule->name);
	if (into && !s->single)
		return path->add_event(loc, fndecl, 0,
				       "%s pinned into %qs here by %qs",
				       what, into, s->rule->name);
	return path->add_event(loc, fndecl, 0, "%s pinned here by %qs",
			       what, s->rule->name);
}

/* Describe what a branch on the return value keeps. */
static void pb_add_branch_event(simple_diagnostic_path *path, struct pb_fn *fn,
				edge e, const struct pb_site *s, int site)
{
	gimple *last = last_stmt(e->src);
	location_t loc = last ? gimple_location(last) : UNKNOWN_LOCATION;
	const char *branch = (e->flags & EDGE_TRUE_VALUE) ? "true" : "false";
	unsigned int kept;
	tree fndecl = fn->fun->decl;

	if (loc == UNKNOWN_LOCATION || !(e->flags & (EDGE_TRUE_VALUE |
						      EDGE_FALSE_VALUE)))
		return;
	if (!pb_cond_refines(fn, e, site, &kept)) {
		path->add_event(loc, fndecl, 0, "following %qs branch...", branch);
		return;
	}
	if (!(kept & PB_LIVE_CLASSES))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs failed...", branch,
				s->rule->name);
	else if ((kept & (1u << PB_PARTIAL)) && !(kept & (1u << PB_FULL)))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs took fewer pages than requested...",
				branch, s->rule->name);
	else if ((kept & (1u << PB_FULL)) && !(kept & (1u << PB_PARTIAL)) &&
		 (s->classes & (1u << PB_PARTIAL)))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs took all requested pages...",
				branch, s->rule->name);
	else if (!(kept & (1u << PB_ERR)))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs succeeded...", branch,
				s->rule->name);
	else
		path->add_event(loc, fndecl, 0, "following %qs branch...", branch);
}

static void pb_add_release_event(simple_diagnostic_path *path, struct pb_fn *fn,
				 gimple *gen, bool first_of_two)
{
	tree callee = is_gimple_call(gen) ? gimple_call_fndecl(gen) : NULL_TREE;
	const char *name = callee && DECL_NAME(callee) ?
			   IDENTIFIER_POINTER(DECL_NAME(callee)) : "?";

	if (first_of_two)
		path->add_event(gimple_location(gen), fn->fun->decl, 0,
				"first release here by %qs", name);
	else
		path->add_event(gimple_location(gen), fn->fun->decl, 0,
				"some of the pages released here by %qs", name);
}

/* The source location an edge stands for: its goto, or at -O0 the last
 * located statement before it ('D.123 = -16;' for 'return -16;'). */
static location_t pb_edge_location(edge e)
{
	gimple_stmt_iterator gsi;

	if (LOCATION_LOCUS(e->goto_locus) != UNKNOWN_LOCATION)
		return e->goto_locus;
	if (e->src->index < NUM_FIXED_BLOCKS)
		return UNKNOWN_LOCATION;
	for (gsi = gsi_last_bb(e->src); !gsi_end_p(gsi); gsi_prev(&gsi))
		if (gimple_location(gsi_stmt(gsi)) != UNKNOWN_LOCATION &&
		    !gimple_clobber_p(gsi_stmt(gsi)))
			return gimple_location(gsi_stmt(gsi));
	return UNKNOWN_LOCATION;
}

/* Where a leak at a return is shown: the 'return' the path took. */
static location_t pb_exit_location(struct pb_fn *fn, const struct pb_finding *f,
				   const struct pb_segment *last)
{
	location_t loc;
	int i;

	if (f->exit_edge &&
	    (loc = pb_edge_location(f->exit_edge)) != UNKNOWN_LOCATION)
		return loc;
	for (i = last ? last->nchain - 1 : -1; i >= 0; i--)
		if ((loc = pb_edge_location(last->chain[i])) != UNKNOWN_LOCATION)
			return loc;
	if (f->stmt && gimple_location(f->stmt) != UNKNOWN_LOCATION)
		return gimple_location(f->stmt);
	return fn->fun->function_end_locus;
}

static location_t pb_finding_location(struct pb_fn *fn,
				      const struct pb_finding *f,
				      const struct pb_segment *last)
{
	if (f->kind == PB_LEAK)
		return pb_exit_location(fn, f, last);
	if (f->stmt && gimple_location(f->stmt) != UNKNOWN_LOCATION)
		return gimple_location(f->stmt);
	return DECL_SOURCE_LOCATION(fn->fun->decl);
}

static void pb_add_final_event(simple_diagnostic_path *path, struct pb_fn *fn,
			       const struct pb_finding *f, location_t loc,
			       diagnostic_event_id_t *acq)
{
	const struct pb_site *s = &fn->sites[f->site];
	const char *rel = f->release ? f->release->name : "?";
	tree fndecl = fn->fun->decl;
	const char *callee = f->stmt && is_gimple_call(f->stmt) &&
			     gimple_call_fndecl(f->stmt) ?
		IDENTIFIER_POINTER(DECL_NAME(gimple_call_fndecl(f->stmt))) : "?";

	switch (f->kind) {
	case PB_LEAK:
		if (s->rule->kind == PB_PIN)
			path->add_event(loc, fndecl, 0,
					"returning with the pages from %@ still pinned",
					acq);
		else
			path->add_event(loc, fndecl, 0,
					"returning with the references from %@ still held",
					acq);
		break;
	case PB_LEAK_FREE:
		path->add_event(loc, fndecl, 0,
				"%qs frees the array while the pages from %@ are still pinned",
				callee, acq);
		break;
	case PB_MISMATCH:
		path->add_event(loc, fndecl, 0,
				"%qs drops a get reference, but %@ took pins",
				rel, acq);
		break;
	case PB_REVERSE_MISMATCH:
		path->add_event(loc, fndecl, 0,
				"%qs drops pins, but %@ took get references",
				rel, acq);
		break;
	case PB_DOUBLE_RELEASE:
		path->add_event(loc, fndecl, 0, "second release here by %qs", rel);
		break;
	case PB_OVERCOUNT:
		path->add_event(loc, fndecl, 0,
				"%qs releases the number requested at %@", rel, acq);
		break;
	case PB_NEGATIVE_COUNT:
		path->add_event(loc, fndecl, 0,
				"%qs is passed the error code returned at %@",
				rel, acq);
		break;
	default:
		break;
	}
}

static diagnostic_event_id_t pb_build_path(simple_diagnostic_path *path,
					   struct pb_fn *fn,
					   const struct pb_finding *f,
					   location_t loc,
					   struct pb_segment *segs, int nsegs)
{
	const struct pb_site *s = &fn->sites[f->site];
	diagnostic_event_id_t acq;
	int i, j;

	acq = pb_add_acquire_event(path, fn, s);
	for (i = nsegs - 1; i >= 0; i--) {
		for (j = 0; j < segs[i].nchain; j++)
			pb_add_branch_event(path, fn, segs[i].chain[j], s, f->site);
		if (i > 0 && segs[i - 1].gen && segs[i - 1].gen != s->call)
			pb_add_release_event(path, fn, segs[i - 1].gen,
					     f->kind == PB_DOUBLE_RELEASE);
	}
	pb_add_final_event(path, fn, f, loc, &acq);
	return acq;
}

/* --------------------------------------------------------- emitting */

static void pb_emit(rich_location *richloc, int cwe, const char *gmsgid, ...)
	ATTRIBUTE_GCC_DIAG(3, 4);

static void pb_emit(rich_location *richloc, int cwe, const char *gmsgid, ...)
{
	diagnostic_metadata meta;
	diagnostic_info diagnostic;
	va_list ap;

	bool werror = global_dc->warning_as_error_requested;

	meta.add_cwe(cwe);
	va_start(ap, gmsgid);
	diagnostic_set_info(&diagnostic, gmsgid, &ap, richloc,
			    pb_options.error ? DK_ERROR : DK_WARNING);
	diagnostic.metadata = &meta;
	/*
	 * A kernel built with CONFIG_WERROR=y (defconfig's choice) would
	 * fail on the first finding; the kernel asks for failure with
	 * CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE instead, and passes
	 * 'warn-only' otherwise.  A finding carries no -W option that
	 * -Wno-error= could name, so -Werror is set aside for it alone.
	 */
	if (pb_options.warn_only)
		global_dc->warning_as_error_requested = false;
	diagnostic_report_diagnostic(global_dc, &diagnostic);
	global_dc->warning_as_error_requested = werror;
	va_end(ap);
}

static const char *pb_suggest(const struct pb_site *s, bool single)
{
	const struct pb_rule *r = pb_api_suggest_release(s->rule->kind,
							 s->rule->folio, single);

	return r ? r->name : "?";
}

static void pb_emit_finding(struct pb_fn *fn, const struct pb_finding *f,
			    rich_location *richloc)
{
	const struct pb_site *s = &fn->sites[f->site];
	const char *acq = s->rule->name;
	const char *rel = f->release ? f->release->name : "?";
	bool single_rel = f->release && f->release->shape == PB_SHAPE_PAGE;

	switch (f->kind) {
	case PB_MISMATCH:
		pb_emit(richloc, 763,
			"pinned page released with %qs; pages pinned by %qs must be released with %qs",
			rel, acq, pb_suggest(s, single_rel));
		break;
	case PB_REVERSE_MISMATCH:
		pb_emit(richloc, 763,
			"page reference from %qs released with %qs; release it with %qs",
			acq, rel, pb_suggest(s, single_rel));
		break;
	case PB_LEAK:
	case PB_LEAK_FREE:
		if (s->rule->kind == PB_PIN)
			pb_emit(richloc, 772,
				"leak of pages pinned by %qs; release them with %qs",
				acq, pb_suggest(s, s->single));
		else
			pb_emit(richloc, 772,
				"leak of page references taken by %qs; release them with %qs",
				acq, pb_suggest(s, s->single));
		break;
	case PB_DOUBLE_RELEASE:
		pb_emit(richloc, 1341, "double release of pages %s by %qs",
			s->rule->kind == PB_PIN ? "pinned" : "taken", acq);
		break;
	case PB_OVERCOUNT:
		pb_emit(richloc, 763,
			"%qs may release more pages than %qs took; pass the number it returned",
			rel, acq);
		break;
	case PB_NEGATIVE_COUNT:
		pb_emit(richloc, 763,
			"%qs may be passed a negative error code from %qs as its count",
			rel, acq);
		break;
	default:
		break;
	}
}

void pb_report(struct pb_fn *fn, const struct pb_finding *f)
{
	struct pb_segment *segs;
	location_t loc;
	int nsegs;

	if (pb_already_reported(fn, f))
		return;
	pb_stats.findings[f->kind]++;
	segs = XNEWVEC(struct pb_segment, PB_MAX_SEGMENTS);
	nsegs = pb_trace_finding(fn, f, segs);
	loc = pb_finding_location(fn, f, nsegs ? &segs[0] : NULL);
	{
		/* a printer of its own: the global one carries the prefix
		 * ("file:line: warning: ") of the diagnostic before */
		pretty_printer event_pp;
		simple_diagnostic_path path(&event_pp);
		rich_location richloc(line_table, loc);

		pb_build_path(&path, fn, f, loc, segs, nsegs);
		richloc.set_path(&path);
		pb_emit_finding(fn, f, &richloc);
	}
	XDELETEVEC(segs);
}

void pb_print_stats(void)
{
	unsigned long total = 0;
	int i;

	for (i = 0; i < PB_NFINDINGS; i++)
		total += pb_stats.findings[i];
	fprintf(stderr,
		"pinbalance: %s: %lu functions, %lu analyzed, %lu pin/get sites "
		"(%lu untracked, %lu caller-owned: no leak check), %lu given up, "
		"%lu findings, %lu bodies ignored by rules\n",
		main_input_filename ? main_input_filename : "-",
		pb_stats.functions, pb_stats.functions_analyzed, pb_stats.sites,
		pb_stats.sites_untracked, pb_stats.sites_caller_owned,
		pb_stats.functions_given_up, total, pb_stats.functions_ignored);
	pb_api_print_ignored();
}
