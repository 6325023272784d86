// SPDX-License-Identifier: GPL-2.0
/*
 * pb_diag.c - the path of events that leads to each finding.
 *
 * Each finding recorded on the solver's last walk (pb_findings.c) is
 * reported once, as a GCC warning (an error with
 * -fplugin-arg-pinbalance-error) carrying a diagnostic_path, the same
 * machinery -fanalyzer uses, so -fdiagnostics-path-format= and
 * -fdiagnostics-format=json/sarif show the events.  The path is read from
 * what the solver recorded (pb_solve.c): from the finding, search
 * backwards for the statement that put the bad facet there (the pin, or
 * the first release), taking only edges whose state holds that facet,
 * and describe each branch on the way.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* The longest "(defined in FILE:LINE)" an event carries. */
#define PB_MAX_PATH_TEXT 512

/* A path longer than this is cut short: its start matters most. */
#define PB_MAX_CHAIN 48
#define PB_MAX_SEGMENTS 4

/* ---------------------------------------------------------- tracing */

/* One stretch of the path: the edges walked, then the statement that
 * made the facet true at its start. */
struct pb_segment {
	gimple *gen;
	bool handed;	/* GEN handed the pages over, it did not release
			 * them */
	edge chain[PB_MAX_CHAIN];
	int nchain;
};

static bool pb_edge_has(struct pb_fn *fn, edge e, int site, pb_word facet)
{
	return pb_solve_edge_reached(fn, e) &&
	       (pb_solve_edge_words(fn, e)[site] & facet);
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

/* Does STMT come before STOP in their block (or is there no STOP)? */
static bool pb_stmt_before(gimple *stmt, gimple *stop)
{
	if (!stop || gimple_bb(stop) != gimple_bb(stmt))
		return true;
	return stmt != stop && pb_stmt_dominates(stmt, stop);
}

/*
 * The statement in BB (before STOP) a segment starts at: FIRST, the
 * release the finding knows came first, or else the last statement the
 * solver recorded as making FACET true.
 */
static gimple *pb_segment_start(struct pb_fn *fn, basic_block bb, edge via,
				gimple *stop, int site, pb_word facet,
				gimple *first)
{
	if (!first)
		return pb_solve_generator(fn, bb, via, stop, site, facet);
	return gimple_bb(first) == bb && pb_stmt_before(first, stop) ?
	       first : NULL;
}

/*
 * Breadth-first backwards from (BB, STOP) to the nearest statement that
 * made FACET true (FIRST, if given), over edges whose state holds FACET;
 * VIA restricts the first step to one incoming edge.
 */
static bool pb_trace_back(struct pb_fn *fn, basic_block bb, gimple *stop,
			  edge via, int site, pb_word facet, gimple *first,
			  struct pb_segment *seg)
{
	int nblocks = last_basic_block_for_fn(fn->fun);
	edge *parent = XCNEWVEC(edge, nblocks);
	basic_block *queue = XNEWVEC(basic_block, nblocks + 1);
	unsigned char *seen = XCNEWVEC(unsigned char, nblocks);
	int head = 0, tail = 0;
	bool found = false;
	edge e;
	edge_iterator ei;

	seg->nchain = 0;
	seg->gen = pb_segment_start(fn, bb, via, stop, site, facet, first);
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

		seg->gen = pb_segment_start(fn, cur, NULL, NULL, site, facet,
					    first);
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
	const struct pb_finding_desc *d = pb_finding_desc(f->kind);
	enum pb_hold hold = d->hold;
	gimple *first = f->first;
	bool handed = false;
	int n = 0;

	if (!bb && via)
		bb = via->dest;
	while (n < PB_MAX_SEGMENTS && bb) {
		struct pb_segment *seg = &segs[n];
		pb_word facet = PB_FACET(f->facet_class, hold);

		if (!pb_trace_back(fn, bb, stop, via, f->site, facet, first,
				   seg)) {
			/* the pages met there may have been partly released */
			if (hold == PB_HOLD_HELD && d->part_fallback) {
				hold = PB_HOLD_PART;
				continue;
			}
			/* or handed over first, keeping their kind and
			 * count ('verify_dma_pinned(cmd, pages, nr)') */
			if (hold != PB_HOLD_HANDED && d->handed_fallback) {
				hold = PB_HOLD_HANDED;
				handed = true;
				continue;
			}
			break;
		}
		seg->handed = handed;
		n++;
		if (seg->gen == s->call)
			break;
		/* a release made it so: before it, the pages were held */
		bb = gimple_bb(seg->gen);
		stop = seg->gen;
		via = NULL;
		hold = PB_HOLD_HELD;
		handed = false;
		first = NULL;
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
	/* a helper pinning into 'region->pages' for its caller */
	if (name && rule->pages_field[0]) {
		snprintf(row_name, sizeof(row_name), "%s->%s", name,
			 rule->pages_field);
		return row_name;
	}
	if (name && s->container.row) {
		snprintf(row_name, sizeof(row_name), "%s[%d]", name,
			 s->container.row - 1);
		return row_name;
	}
	return name;
}

/* " (defined in FILE:LINE)" for a summary of another file's function. */
static const char *pb_defined_in(const struct pb_rule *rule, char *buf,
				 size_t len)
{
	if (!rule->defined_file)
		return "";
	snprintf(buf, len, " (defined in %s:%d)", rule->defined_file,
		 rule->defined_line);
	return buf;
}

static diagnostic_event_id_t pb_add_acquire_event(simple_diagnostic_path *path,
						  struct pb_fn *fn,
						  const struct pb_site *s)
{
	location_t loc = gimple_location(s->call);
	const char *into = pb_site_array_name(s);
	tree fndecl = fn->fun->decl;
	char buf[128], where[PB_MAX_PATH_TEXT];
	const char *what = pb_acquired_what(s, buf, sizeof(buf));
	const char *defined = pb_defined_in(s->rule, where, sizeof(where));

	if (s->rule->kind == PB_GET)
		return path->add_event(loc, fndecl, 0,
				       "references on %s taken here by %qs%s",
				       what, s->rule->name, defined);
	if (into && !s->single)
		return path->add_event(loc, fndecl, 0,
				       "%s pinned into %qs here by %qs%s",
				       what, into, s->rule->name, defined);
	return path->add_event(loc, fndecl, 0, "%s pinned here by %qs%s",
			       what, s->rule->name, defined);
}

/* Describe what a branch on the return value keeps. */
static void pb_add_branch_event(simple_diagnostic_path *path, struct pb_fn *fn,
				edge e, const struct pb_site *s, int site)
{
	gimple *last = last_stmt(e->src);
	location_t loc = last ? gimple_location(last) : UNKNOWN_LOCATION;
	const char *branch = (e->flags & EDGE_TRUE_VALUE) ? "true" : "false";
	unsigned char *room = XALLOCAVEC(unsigned char, fn->nsites + 1);
	unsigned int kept;
	tree fndecl = fn->fun->decl;

	if (loc == UNKNOWN_LOCATION || !(e->flags & (EDGE_TRUE_VALUE |
						      EDGE_FALSE_VALUE)))
		return;
	if (!pb_cond_row_refines(fn, pb_solve_edge_row(fn, e, NULL, room), site,
				 &kept)) {
		path->add_event(loc, fndecl, 0, "following %qs branch...", branch);
		return;
	}
	if (!(kept & PB_LIVE_CLASSES))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs failed...", branch,
				s->rule->name);
	else if ((kept & (1u << PB_CLASS_PARTIAL)) && !(kept & (1u << PB_CLASS_FULL)))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs took fewer pages than requested...",
				branch, s->rule->name);
	else if ((kept & (1u << PB_CLASS_FULL)) && !(kept & (1u << PB_CLASS_PARTIAL)) &&
		 (s->classes & (1u << PB_CLASS_PARTIAL)))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs took all requested pages...",
				branch, s->rule->name);
	else if (!(kept & (1u << PB_CLASS_ERR)))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: %qs succeeded...", branch,
				s->rule->name);
	else if (s->source && !(kept & (1u << PB_CLASS_ZERO)))
		path->add_event(loc, fndecl, 0,
				"following %qs branch: the iterator is one whose "
				"pages %qs pins...", branch, s->rule->name);
	else
		path->add_event(loc, fndecl, 0, "following %qs branch...", branch);
}

static void pb_add_release_event(simple_diagnostic_path *path, struct pb_fn *fn,
				 gimple *gen, bool first_of_two)
{
	tree callee = is_gimple_call(gen) ? gimple_call_fndecl(gen) : NULL_TREE;
	const char *name = callee && DECL_NAME(callee) ?
			   IDENTIFIER_POINTER(DECL_NAME(callee)) : "?";

	/* a store into the caller's memory, before the function failed */
	if (is_gimple_assign(gen))
		path->add_event(gimple_location(gen), fn->fun->decl, 0,
				"the pages stored where the caller finds them");
	else if (first_of_two)
		path->add_event(gimple_location(gen), fn->fun->decl, 0,
				"first release here by %qs", name);
	else
		path->add_event(gimple_location(gen), fn->fun->decl, 0,
				"some of the pages released here by %qs", name);
}

/* Where the pages went before the finding met them: code that kept
 * their kind, and their count. */
static void pb_add_handed_event(simple_diagnostic_path *path, struct pb_fn *fn,
				gimple *gen)
{
	tree callee = is_gimple_call(gen) ? gimple_call_fndecl(gen) : NULL_TREE;

	if (callee && DECL_NAME(callee))
		path->add_event(gimple_location(gen), fn->fun->decl, 0,
				"the pages passed to %qs",
				IDENTIFIER_POINTER(DECL_NAME(callee)));
	else
		path->add_event(gimple_location(gen), fn->fun->decl, 0,
				"the pages handed over here");
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
	if (pb_finding_desc(f->kind)->at_exit)
		return pb_exit_location(fn, f, last);
	if (f->stmt && gimple_location(f->stmt) != UNKNOWN_LOCATION)
		return gimple_location(f->stmt);
	return DECL_SOURCE_LOCATION(fn->fun->decl);
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
		if (i > 0 && segs[i - 1].gen && segs[i - 1].gen != s->call &&
		    segs[i - 1].handed)
			pb_add_handed_event(path, fn, segs[i - 1].gen);
		else if (i > 0 && segs[i - 1].gen && segs[i - 1].gen != s->call)
			pb_add_release_event(path, fn, segs[i - 1].gen,
					     f->kind == PB_FINDING_DOUBLE_RELEASE ||
					     f->kind == PB_FINDING_DOUBLE_CONSUMED);
	}
	pb_finding_desc(f->kind)->final_event(path, fn, f, loc, &acq);
	return acq;
}

/* -------------------------------------------------------- reporting */

static void pb_report(struct pb_fn *fn, const struct pb_finding *f)
{
	struct pb_segment *segs;
	location_t loc;
	int nsegs;

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
		if (f->kind == PB_FINDING_MISMATCH ||
		    f->kind == PB_FINDING_REVERSE_MISMATCH)
			pb_fixit_release(&richloc, fn, f);
		pb_finding_emit(fn, f, &richloc);
	}
	XDELETEVEC(segs);
}

/* Report the findings recorded in FN, in the order they were found. */
void pb_diag_report(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < pb_findings_count(); i++)
		pb_report(fn, pb_findings_get(i));
}

/* ------------------------------------------------- struct fields */

static const char *pb_decl_name(tree decl)
{
	return decl && DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : "?";
}

/* "xbuf.pages" for the field 'pages' of 'struct xbuf'; a static variable
 * of the file by its name. */
static const char *pb_field_name(tree field, char *buf, size_t len)
{
	tree type = DECL_CONTEXT(field);
	tree tname = type && TYPE_P(type) ? TYPE_NAME(type) : NULL_TREE;

	if (VAR_P(field)) {
		snprintf(buf, len, "%s", pb_decl_name(field));
		return buf;
	}
	if (tname && TREE_CODE(tname) == TYPE_DECL)
		tname = DECL_NAME(tname);
	snprintf(buf, len, "%s.%s",
		 tname && TREE_CODE(tname) == IDENTIFIER_NODE ?
			 IDENTIFIER_POINTER(tname) : "?",
		 DECL_NAME(field) ? IDENTIFIER_POINTER(DECL_NAME(field)) : "?");
	return buf;
}

/*
 * A release from a struct field of pages of the other kind than every
 * acquire put there (pb_fields.c): the path has the acquire, in its own
 * function, and the release.  The warning is given "in" the releasing
 * function, as one found there would be.
 */
void pb_diag_report_field(tree field, const struct pb_rule *acquire,
			  location_t acquire_loc, tree acquire_fn,
			  const struct pb_rule *release, location_t release_loc,
			  tree release_fn)
{
	tree saved_fn = current_function_decl;
	pretty_printer event_pp;
	simple_diagnostic_path path(&event_pp);
	rich_location richloc(line_table, release_loc);
	diagnostic_event_id_t acq;
	char name[128];

	if (pb_findings_reported_at(release_loc))
		return;
	pb_field_name(field, name, sizeof(name));
	acq = path.add_event(acquire_loc, acquire_fn, 0,
			     "pages %s into %qs here by %qs in %qs",
			     acquire->kind == PB_PIN ? "pinned" : "taken",
			     name, acquire->name, pb_decl_name(acquire_fn));
	path.add_event(release_loc, release_fn, 0,
		       "released with %qs in %qs, which drops %s, but %qs holds %s from %@",
		       release->name, pb_decl_name(release_fn),
		       release->kind == PB_PIN ? "pins" : "get references",
		       name, acquire->kind == PB_PIN ? "pins" : "get references",
		       &acq);
	richloc.set_path(&path);
	/* the call fitted its rule, so it has the rule's arguments */
	pb_fixit_rename(&richloc, release_loc, acquire, release, -1);
	current_function_decl = release_fn;
	pb_finding_emit_field(&richloc, acquire, release);
	current_function_decl = saved_fn;
}

/*
 * A release of a page read from a scatterlist entry (pb_sg.c) of the other
 * kind than the pages the function put into that list: the path has the
 * acquire of the page (or the helper that filled the list), the fill, and
 * the release.
 */
void pb_diag_report_entry(const struct pb_rule *acquire, gimple *acquire_stmt,
			  gimple *fill, const struct pb_rule *release,
			  gimple *release_stmt)
{
	location_t release_loc = gimple_location(release_stmt);
	const char *held = acquire->kind == PB_PIN ? "pins" : "get references";
	pretty_printer event_pp;
	simple_diagnostic_path path(&event_pp);
	rich_location richloc(line_table, release_loc);
	diagnostic_event_id_t acq;
	tree fndecl = current_function_decl;
	const char *filler = gimple_call_fndecl(fill) ?
		IDENTIFIER_POINTER(DECL_NAME(gimple_call_fndecl(fill))) : "?";

	if (pb_findings_reported_at(release_loc))
		return;
	if (acquire_stmt == fill) {
		acq = path.add_event(gimple_location(fill), fndecl, 0,
				     "scatterlist filled with %s here by %qs",
				     held, acquire->name);
	} else {
		acq = path.add_event(gimple_location(acquire_stmt), fndecl, 0,
				     "page %s here by %qs",
				     acquire->kind == PB_PIN ? "pinned" : "taken",
				     acquire->name);
		path.add_event(gimple_location(fill), fndecl, 0,
			       "put into a scatterlist entry here by %qs",
			       filler);
	}
	path.add_event(release_loc, fndecl, 0,
		       "read back from the entry and released with %qs, which drops %s, but the list holds %s from %@",
		       release->name,
		       release->kind == PB_PIN ? "pins" : "get references",
		       held, &acq);
	richloc.set_path(&path);
	/* the call fitted its rule, so it has the rule's arguments */
	pb_fixit_rename(&richloc, release_loc, acquire, release, -1);
	pb_finding_emit_field(&richloc, acquire, release);
}

/*
 * The same, when what FIELD holds is known from a database (FACT): the
 * pages were put there in another file, named in the path.
 */
void pb_diag_report_field_db(tree field, const struct pb_rule *fact,
			     const struct pb_rule *release,
			     location_t release_loc, tree release_fn)
{
	tree saved_fn = current_function_decl;
	pretty_printer event_pp;
	simple_diagnostic_path path(&event_pp);
	rich_location richloc(line_table, release_loc);
	char name[128];

	if (pb_findings_reported_at(release_loc))
		return;
	pb_field_name(field, name, sizeof(name));
	path.add_event(release_loc, release_fn, 0,
		       "%qs holds %s put there in %s:%d (summary database)",
		       name, fact->kind == PB_PIN ? "pins" : "get references",
		       fact->defined_file ? fact->defined_file : "?",
		       fact->defined_line);
	path.add_event(release_loc, release_fn, 0,
		       "released with %qs in %qs, which drops %s",
		       release->name, pb_decl_name(release_fn),
		       release->kind == PB_PIN ? "pins" : "get references");
	richloc.set_path(&path);
	pb_fixit_rename(&richloc, release_loc, fact, release, -1);
	current_function_decl = release_fn;
	pb_finding_emit_field(&richloc, fact, release);
	current_function_decl = saved_fn;
}

/*
 * A release from a struct field whose count, loaded from another field,
 * is the number of pages the acquire asked for, stored where it may have
 * taken fewer (pb_fields.c): the path has the acquire and the store, in
 * their function, and the release.
 */
void pb_diag_report_field_overcount(tree field, tree count_field,
				    const struct pb_rule *acquire,
				    location_t acquire_loc, tree acquire_fn,
				    location_t store_loc,
				    const struct pb_rule *release,
				    location_t release_loc, tree release_fn)
{
	tree saved_fn = current_function_decl;
	pretty_printer event_pp;
	simple_diagnostic_path path(&event_pp);
	rich_location richloc(line_table, release_loc);
	diagnostic_event_id_t acq, store;
	char name[128], count[128];

	if (pb_findings_reported_at(release_loc))
		return;
	pb_field_name(field, name, sizeof(name));
	pb_field_name(count_field, count, sizeof(count));
	acq = path.add_event(acquire_loc, acquire_fn, 0,
			     "pages %s into %qs here by %qs in %qs, possibly "
			     "fewer than asked for",
			     acquire->kind == PB_PIN ? "pinned" : "taken",
			     name, acquire->name, pb_decl_name(acquire_fn));
	store = path.add_event(store_loc, acquire_fn, 0,
			       "%qs set to the number asked for in %qs, not "
			       "the number %qs took at %@",
			       count, pb_decl_name(acquire_fn), acquire->name,
			       &acq);
	path.add_event(release_loc, release_fn, 0,
		       "%qs pages of %qs released with %qs in %qs, the count "
		       "from %@",
		       count, name, release->name, pb_decl_name(release_fn),
		       &store);
	richloc.set_path(&path);
	current_function_decl = release_fn;
	pb_finding_emit_field_overcount(&richloc, acquire, release, count);
	current_function_decl = saved_fn;
}

/*
 * A release of pages that a struct's field keeps, in FN, before a put of
 * the struct whose last reference calls AGAIN_FN, which releases that
 * field (pb_fields.c): the path has the acquire, the store, the release,
 * the put, and the release in AGAIN_FN.
 */
void pb_diag_report_field_double(tree field, const struct pb_rule *acquire,
				 location_t acquire_loc, location_t store_loc,
				 const struct pb_rule *release,
				 location_t release_loc,
				 const struct pb_rule *put, location_t put_loc,
				 tree fn, const struct pb_rule *again,
				 location_t again_loc, tree again_fn)
{
	tree saved_fn = current_function_decl;
	pretty_printer event_pp;
	simple_diagnostic_path path(&event_pp);
	rich_location richloc(line_table, release_loc);
	diagnostic_event_id_t store, rel;
	char name[128];

	if (pb_findings_reported_at(release_loc))
		return;
	pb_field_name(field, name, sizeof(name));
	path.add_event(acquire_loc, fn, 0, "pages %s here by %qs",
		       acquire->kind == PB_PIN ? "pinned" : "taken",
		       acquire->name);
	store = path.add_event(store_loc, fn, 0,
			       "stored into %qs: the struct keeps them",
			       name);
	rel = path.add_event(release_loc, fn, 0,
			     "released here by %qs, though %qs still keeps "
			     "them (from %@)", release->name, name, &store);
	path.add_event(put_loc, fn, 0,
		       "%qs drops the reference; the last one calls %qs",
		       put->name, pb_decl_name(again_fn));
	path.add_event(again_loc, again_fn, 0,
		       "which releases %qs again with %qs (first at %@)",
		       name, again->name, &rel);
	richloc.set_path(&path);
	current_function_decl = fn;
	pb_finding_emit_field_double(&richloc, acquire, name,
				     pb_decl_name(again_fn));
	current_function_decl = saved_fn;
}
