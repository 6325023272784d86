// SPDX-License-Identifier: GPL-2.0
/*
 * pb_findings.c - the kinds of finding, one descriptor each, and the
 * findings of the function being checked.
 *
 * As a GCC analyzer checker has a class per diagnostic (sm-fd.cc's
 * fd_leak, fd_double_close), each kind here is one descriptor: the name
 * that tags its warnings and turns it off
 * (-fplugin-arg-pinbalance-no-NAME), its CWE, the hold whose facet its
 * path is traced by, whether a site reports it once, and the functions
 * that word its message and the last event of its path.  The checks
 * (pb_checks.c) record findings here during the solver's last walk;
 * diagnostics (pb_diag.c) report them, with their paths, once the walk is
 * over.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* Findings recorded in one function, at most. */
#define PB_MAX_FINDINGS 256

/* A finding's warning, its message worded by its kind. */
struct pb_emission {
	struct pb_fn *fn;
	const struct pb_finding *f;
	rich_location *richloc;
};

/* The tag a finding's message ends with: its kind's name. */
#define PB_TAG(name) " [pinbalance-" name "]"

static void pb_emit(const struct pb_emission *em, int cwe, const char *gmsgid,
		    ...) ATTRIBUTE_GCC_DIAG(3, 4);

static void pb_emit(const struct pb_emission *em, int cwe, const char *gmsgid,
		    ...)
{
	diagnostic_metadata meta;
	diagnostic_info diagnostic;
	va_list ap;
	bool werror = global_dc->warning_as_error_requested;

	if (cwe)
		meta.add_cwe(cwe);
	va_start(ap, gmsgid);
	diagnostic_set_info(&diagnostic, gmsgid, &ap, em->richloc,
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

/* The release to suggest for pages ACQUIRE took, one or an array; the
 * one that reads the record of their kind where the call keeps one. */
static const char *pb_suggest_for(const struct pb_rule *acquire, bool single)
{
	const struct pb_rule *r = pb_api_suggest_release(
		acquire->recorded ? PB_ANY : acquire->kind, acquire->folio,
		single);

	return r ? r->name : "?";
}


/* -------------------------------------------------------- messages */

static const struct pb_site *pb_em_site(const struct pb_emission *em)
{
	return &em->fn->sites[em->f->site];
}

static const char *pb_em_release(const struct pb_finding *f)
{
	return f->release ? f->release->name : "?";
}

static bool pb_em_single_release(const struct pb_finding *f)
{
	return f->release && f->release->shape == PB_SHAPE_PAGE;
}

/*
 * A page of an array released one by one in a loop: 'for (i = 0; i < got;
 * i++) put_page(pages[i]);'.  The message also names the release of the
 * whole array, which the conversion usually makes of such a loop.
 */
static bool pb_em_release_in_loop(const struct pb_emission *em)
{
	const struct pb_finding *f = em->f;

	return pb_em_single_release(f) && !pb_em_site(em)->single &&
	       f->stmt && gimple_bb(f->stmt) && current_loops &&
	       bb_loop_depth(gimple_bb(f->stmt)) > 0;
}

/*
 * Pages ACQUIRE took released with RELEASE, of the other kind: worded the
 * same whether the two meet in a function or through a struct field.
 * NOTE, when not empty, says more about the repair: where the release to
 * change is, the release of a whole array, or why there is no fix-it.
 */
static void pb_word_mismatch(const struct pb_emission *em,
			     const struct pb_rule *acquire,
			     const char *release, bool single, const char *note)
{
	/* a database's fact: the field, filled in another file */
	if (acquire->role == PB_ROLE_FIELD && acquire->kind == PB_PIN)
		pb_emit(em, 763,
			"pinned page released with %qs; pages pinned into %qs must be released with %qs%s"
			PB_TAG("mismatch"),
			release, acquire->name, pb_suggest_for(acquire, single),
			note);
	else if (acquire->kind == PB_PIN)
		pb_emit(em, 763,
			"pinned page released with %qs; pages pinned by %qs must be released with %qs%s"
			PB_TAG("mismatch"),
			release, acquire->name, pb_suggest_for(acquire, single),
			note);
	else
		pb_emit(em, 763,
			"page reference from %qs released with %qs; release it with %qs%s"
			PB_TAG("reverse-mismatch"),
			acquire->name, release, pb_suggest_for(acquire, single),
			note);
}

/* " (TEXT 'NAME' TAIL)", quoted as %qs would quote NAME. */
static void pb_note(char *buf, size_t len, const char *text, const char *name,
		    const char *tail)
{
	snprintf(buf, len, " (%s %s%s%s%s)", text, open_quote, name, close_quote,
		 tail);
}

static void pb_msg_mismatch(const struct pb_emission *em)
{
	const struct pb_rule *rel = em->f->release;
	const struct pb_rule *acq = pb_em_site(em)->rule;
	bool single = pb_em_single_release(em->f);
	const char *why;
	char note[256] = "";

	if (rel && rel->summary) {
		char defined[300] = "";

		/* no fix-it at the call: the release to change is in the
		 * helper, in another file for a database's */
		if (rel->defined_file)
			snprintf(defined, sizeof(defined), ", %s:%d",
				 rel->defined_file, rel->defined_line);
		pb_note(note, sizeof(note), "the release to change is inside",
			rel->name, defined);
	}
	else if (pb_em_release_in_loop(em))
		pb_note(note, sizeof(note), "the loop can be one",
			pb_suggest_for(acq, false), " of the array");
	else if (!em->richloc->get_num_fixit_hints() &&
		 (why = pb_fixit_none_reason(em->f)))
		snprintf(note, sizeof(note), " (no fix-it: %s)", why);
	pb_word_mismatch(em, acq, pb_em_release(em->f), single, note);
}

/* The release to suggest for a leak of SITE's pages: the record-reading
 * release its pages reach elsewhere in the function (block/bio.c's
 * bio_release_page()), where that made it recorded. */
static const char *pb_suggest_for_site(const struct pb_site *s)
{
	if (s->record_release && !s->rule->recorded)
		return s->record_release->name;
	return pb_suggest_for(s->rule, s->single);
}

static void pb_msg_leak(const struct pb_emission *em)
{
	const struct pb_site *s = pb_em_site(em);

	if (s->rule->kind == PB_PIN)
		pb_emit(em, 772,
			"leak of pages pinned by %qs; release them with %qs"
			PB_TAG("leak"),
			s->rule->name, pb_suggest_for_site(s));
	else
		pb_emit(em, 772,
			"leak of page references taken by %qs; release them with %qs"
			PB_TAG("leak"),
			s->rule->name, pb_suggest_for_site(s));
}

static void pb_msg_leak_failing(const struct pb_emission *em)
{
	const struct pb_site *s = pb_em_site(em);

	pb_emit(em, 772,
		"leak of pages %s by %qs: the function fails with them in the "
		"memory of its caller; release them with %qs before returning the "
		"error" PB_TAG("leak"),
		s->rule->kind == PB_PIN ? "pinned" : "taken", s->rule->name,
		pb_suggest_for_site(s));
}

static void pb_msg_double_release(const struct pb_emission *em)
{
	const struct pb_site *s = pb_em_site(em);

	pb_emit(em, 1341, "double release of pages %s by %qs"
		PB_TAG("double-release"),
		s->rule->kind == PB_PIN ? "pinned" : "taken", s->rule->name);
}

/* The name of a running total ('i') as the source spells it, or NULL. */
static const char *pb_total_name(tree total)
{
	tree var = total ? SSA_NAME_VAR(total) : NULL_TREE;

	return var && DECL_NAME(var) ? IDENTIFIER_POINTER(DECL_NAME(var)) : NULL;
}

static void pb_msg_overcount(const struct pb_emission *em)
{
	const struct pb_site *s = pb_em_site(em);

	/* 'lock_pages(..., &pinned)': the count is where it was added */
	if (s->rule->count == PB_COUNT_STORED)
		pb_emit(em, 763,
			"%qs may release more pages than %qs took; pass the "
			"count it added to argument %d" PB_TAG("overcount"),
			pb_em_release(em->f), s->rule->name,
			s->rule->count_out_arg);
	/* 'xdp_umem_unpin_pages(umem)' reads the count from 'umem->npgs' */
	else if (em->f->release && em->f->release->count_field[0])
		pb_emit(em, 763,
			"%qs may release more pages than %qs took: it releases "
			"the count in %qs, still the number requested; store "
			"the number it returned there first"
			PB_TAG("overcount"),
			pb_em_release(em->f), s->rule->name,
			em->f->release->count_field);
	/* 'i += nr' in the loop that pins into 'pages + i' */
	else if (pb_total_name(s->total))
		pb_emit(em, 763,
			"%qs may release more pages than the calls to %qs took; "
			"pass their running total %qs" PB_TAG("overcount"),
			pb_em_release(em->f), s->rule->name,
			pb_total_name(s->total));
	else
		pb_emit(em, 763,
			"%qs may release more pages than %qs took; pass the "
			"number it returned" PB_TAG("overcount"),
			pb_em_release(em->f), s->rule->name);
}

static void pb_msg_negative_count(const struct pb_emission *em)
{
	pb_emit(em, 763,
		"%qs may be passed a negative error code from %qs as its count"
		PB_TAG("overcount"),
		pb_em_release(em->f), pb_em_site(em)->rule->name);
}

/* ---------------------------------------------------- final events */

/* What the finding's statement calls, for its last event. */
static const char *pb_callee_name(const struct pb_finding *f)
{
	tree callee = f->stmt && is_gimple_call(f->stmt) ?
		      gimple_call_fndecl(f->stmt) : NULL_TREE;

	return callee ? IDENTIFIER_POINTER(DECL_NAME(callee)) : "?";
}

static void pb_event_leak(simple_diagnostic_path *path, struct pb_fn *fn,
			  const struct pb_finding *f, location_t loc,
			  diagnostic_event_id_t *acq)
{
	if (fn->sites[f->site].rule->kind == PB_PIN)
		path->add_event(loc, fn->fun->decl, 0,
				"returning with the pages from %@ still pinned",
				acq);
	else
		path->add_event(loc, fn->fun->decl, 0,
				"returning with the references from %@ still held",
				acq);
}

static void pb_event_leak_failing(simple_diagnostic_path *path,
				  struct pb_fn *fn, const struct pb_finding *f,
				  location_t loc, diagnostic_event_id_t *acq)
{
	path->add_event(loc, fn->fun->decl, 0,
			"returning an error with the pages from %@ still %s",
			acq, fn->sites[f->site].rule->kind == PB_PIN ?
			"pinned" : "held");
}

static void pb_event_leak_free(simple_diagnostic_path *path, struct pb_fn *fn,
			       const struct pb_finding *f, location_t loc,
			       diagnostic_event_id_t *acq)
{
	const struct pb_val *c = &fn->sites[f->site].container;
	bool pin = fn->sites[f->site].rule->kind == PB_PIN;

	/* 'kfree(region)' with the array in 'region->pages' */
	if (TREE_CODE(c->key) == COMPONENT_REF && c->level == -1 &&
	    pb_key_name(c->key))
		path->add_event(loc, fn->fun->decl, 0,
				pin ? "%qs frees the struct holding %qs while "
				      "the pages from %@ are still pinned" :
				      "%qs frees the struct holding %qs while "
				      "the references from %@ are still held",
				pb_callee_name(f), pb_key_name(c->key), acq);
	else
		path->add_event(loc, fn->fun->decl, 0,
				pin ? "%qs frees the array while the pages "
				      "from %@ are still pinned" :
				      "%qs frees the array while the references "
				      "from %@ are still held",
				pb_callee_name(f), acq);
}

static void pb_event_mismatch(simple_diagnostic_path *path, struct pb_fn *fn,
			      const struct pb_finding *f, location_t loc,
			      diagnostic_event_id_t *acq)
{
	path->add_event(loc, fn->fun->decl, 0,
			"%qs drops a get reference, but %@ took pins",
			pb_em_release(f), acq);
}

static void pb_event_reverse_mismatch(simple_diagnostic_path *path,
				      struct pb_fn *fn,
				      const struct pb_finding *f, location_t loc,
				      diagnostic_event_id_t *acq)
{
	path->add_event(loc, fn->fun->decl, 0,
			"%qs drops pins, but %@ took get references",
			pb_em_release(f), acq);
}

static void pb_event_double_release(simple_diagnostic_path *path,
				    struct pb_fn *fn,
				    const struct pb_finding *f, location_t loc,
				    diagnostic_event_id_t *acq)
{
	(void)acq;
	path->add_event(loc, fn->fun->decl, 0, "second release here by %qs",
			pb_em_release(f));
}

static void pb_event_overcount(simple_diagnostic_path *path, struct pb_fn *fn,
			       const struct pb_finding *f, location_t loc,
			       diagnostic_event_id_t *acq)
{
	if (f->release && f->release->count_field[0])
		path->add_event(loc, fn->fun->decl, 0,
				"%qs releases the count in %qs, the number "
				"requested at %@", pb_em_release(f),
				f->release->count_field, acq);
	else if (fn->sites[f->site].total)
		path->add_event(loc, fn->fun->decl, 0,
				"%qs releases the count the loop was to reach, "
				"more than the calls at %@ took", pb_em_release(f),
				acq);
	else
		path->add_event(loc, fn->fun->decl, 0,
				"%qs releases the number requested at %@",
				pb_em_release(f), acq);
}

static void pb_event_negative_count(simple_diagnostic_path *path,
				    struct pb_fn *fn,
				    const struct pb_finding *f, location_t loc,
				    diagnostic_event_id_t *acq)
{
	path->add_event(loc, fn->fun->decl, 0,
			"%qs is passed the error code returned at %@",
			pb_em_release(f), acq);
}

/* ----------------------------------------------------- descriptors */

/* In the order of enum pb_finding_kind. */
static const struct pb_finding_desc pb_finding_descs[PB_NFINDING_KINDS] = {
	{	/* PB_FINDING_MISMATCH */
		"mismatch", 763, PB_HOLD_HELD, false, true, true, false,
		pb_msg_mismatch, pb_event_mismatch,
	},
	{	/* PB_FINDING_REVERSE_MISMATCH */
		"reverse-mismatch", 763, PB_HOLD_HELD, false, true, true, false,
		pb_msg_mismatch, pb_event_reverse_mismatch,
	},
	{	/* PB_FINDING_LEAK */
		"leak", 772, PB_HOLD_HELD, true, false, false, true,
		pb_msg_leak, pb_event_leak,
	},
	{	/* PB_FINDING_LEAK_FREE */
		"leak", 772, PB_HOLD_HELD, true, false, false, false,
		pb_msg_leak, pb_event_leak_free,
	},
	{	/* PB_FINDING_DOUBLE_RELEASE */
		"double-release", 1341, PB_HOLD_RELEASED, false, false, false, false,
		pb_msg_double_release, pb_event_double_release,
	},
	{	/* PB_FINDING_DOUBLE_CONSUMED: traced back to the owner,
		 * which the state saw hand the pages over */
		"double-release", 1341, PB_HOLD_HANDED, false, false, false, false,
		pb_msg_double_release, pb_event_double_release,
	},
	{	/* PB_FINDING_OVERCOUNT */
		"overcount", 763, PB_HOLD_HELD, false, false, true, false,
		pb_msg_overcount, pb_event_overcount,
	},
	{	/* PB_FINDING_NEGATIVE_COUNT */
		"overcount", 763, PB_HOLD_HELD, false, false, false, false,
		pb_msg_negative_count, pb_event_negative_count,
	},
	{	/* PB_FINDING_LEAK_FAILING */
		"leak", 772, PB_HOLD_HELD, true, true, false, true,
		pb_msg_leak_failing, pb_event_leak_failing,
	},
	{	/* PB_FINDING_LEAK_FAILING_STORED */
		"leak", 772, PB_HOLD_HANDED, true, false, false, true,
		pb_msg_leak_failing, pb_event_leak_failing,
	},
};

/* Kinds turned off by -fplugin-arg-pinbalance-no-NAME. */
static bool pb_finding_off[PB_NFINDING_KINDS];

const struct pb_finding_desc *pb_finding_desc(enum pb_finding_kind kind)
{
	return &pb_finding_descs[kind];
}

/* Turn off every kind called NAME; false if none is. */
bool pb_findings_turn_off(const char *name)
{
	bool any = false;
	int k;

	for (k = 0; k < PB_NFINDING_KINDS; k++)
		if (!strcmp(pb_finding_descs[k].name, name)) {
			pb_finding_off[k] = true;
			any = true;
		}
	return any;
}

/* The kinds' names, each once, as "mismatch, reverse-mismatch, ...". */
const char *pb_findings_names(void)
{
	static char names[128];
	size_t used = 0;
	int k, j;

	if (names[0])
		return names;
	for (k = 0; k < PB_NFINDING_KINDS; k++) {
		for (j = 0; j < k; j++)
			if (!strcmp(pb_finding_descs[j].name,
				    pb_finding_descs[k].name))
				break;
		if (j == k && used < sizeof(names))
			used += snprintf(names + used, sizeof(names) - used,
					 "%s%s", used ? ", " : "",
					 pb_finding_descs[k].name);
	}
	return names;
}

/* ---------------------------------------- the function's findings */

static struct pb_finding pb_findings[PB_MAX_FINDINGS];
static int pb_nfindings;

void pb_findings_reset(void)
{
	pb_nfindings = 0;
}

/* Is F the same bug as one recorded before: same kind, site and
 * statement, or a second leak of a site (one per site, like the
 * analyzer's one per value)? */
static bool pb_finding_repeats(struct pb_fn *fn, const struct pb_finding *f)
{
	const struct pb_finding_desc *d = pb_finding_desc(f->kind);
	gimple *site_call = fn->sites[f->site].call;
	int i;

	for (i = 0; i < pb_nfindings; i++) {
		const struct pb_finding *r = &pb_findings[i];

		if (fn->sites[r->site].call != site_call)
			continue;
		if (d->once_per_site && pb_finding_desc(r->kind)->once_per_site)
			return true;
		if (r->kind == f->kind && r->stmt == f->stmt)
			return true;
	}
	return false;
}

/* Record F, unless its kind is off or it repeats one recorded before. */
void pb_findings_add(struct pb_fn *fn, const struct pb_finding *f)
{
	if (pb_finding_off[f->kind] || pb_finding_repeats(fn, f) ||
	    pb_nfindings == PB_MAX_FINDINGS)
		return;
	pb_findings[pb_nfindings++] = *f;
	pb_stats.findings[f->kind]++;
}

int pb_findings_count(void)
{
	return pb_nfindings;
}

const struct pb_finding *pb_findings_get(int i)
{
	return &pb_findings[i];
}

/* Where findings were reported in this translation unit: a release seen
 * again from another angle (a struct field) is not reported twice. */
static vec<location_t> pb_reported;

bool pb_findings_reported_at(location_t loc)
{
	unsigned int i;

	for (i = 0; i < pb_reported.length(); i++)
		if (pb_reported[i] == loc)
			return true;
	return false;
}

/* Emit F's warning at RICHLOC, which carries its path. */
void pb_finding_emit(struct pb_fn *fn, const struct pb_finding *f,
		     rich_location *richloc)
{
	struct pb_emission em = { fn, f, richloc };

	pb_reported.safe_push(richloc->get_loc());
	pb_finding_desc(f->kind)->emit(&em);
}

/*
 * A release of the wrong kind of pages loaded from a struct field that
 * only ACQUIRE's kind of pages ever went into (pb_fields.c): a mismatch
 * or a reverse mismatch, worded as one found within a function.
 */
/*
 * The conversion option: a get site whose pages an owner keeps.  Not a
 * finding of the five kinds (the code is balanced); a warning of its own
 * kind, off unless asked for, so that a subsystem can refuse new get
 * references for DMA.
 */
void pb_finding_emit_conversion(struct pb_fn *fn, int site)
{
	const struct pb_site *s = &fn->sites[site];
	tree owner = gimple_call_fndecl(fn->kept_by[site]);
	rich_location richloc(line_table, gimple_location(s->call));
	struct pb_emission em = { fn, NULL, &richloc };

	richloc.add_range(gimple_location(fn->kept_by[site]));
	pb_emit(&em, 0,
		"pages taken by %qs are kept by %qs beyond the call: take "
		"them with the pin API (%<FOLL_PIN%>) instead"
		PB_TAG("conversion"),
		s->rule->name,
		owner ? IDENTIFIER_POINTER(DECL_NAME(owner)) : "?");
}

void pb_finding_emit_field(rich_location *richloc,
			   const struct pb_rule *acquire,
			   const struct pb_rule *release)
{
	enum pb_finding_kind kind = acquire->kind == PB_PIN ?
		PB_FINDING_MISMATCH : PB_FINDING_REVERSE_MISMATCH;
	struct pb_emission em = { NULL, NULL, richloc };

	if (pb_finding_off[kind])
		return;
	pb_stats.findings[kind]++;
	pb_reported.safe_push(richloc->get_loc());
	pb_word_mismatch(&em, acquire, release->name,
			 release->shape == PB_SHAPE_PAGE, "");
}

/* A release from a field counted by a field holding the number of pages
 * asked for (pb_diag_report_field_overcount()). */
void pb_finding_emit_field_overcount(rich_location *richloc,
				     const struct pb_rule *acquire,
				     const struct pb_rule *release,
				     const char *count_field)
{
	struct pb_emission em = { NULL, NULL, richloc };

	if (pb_finding_off[PB_FINDING_OVERCOUNT])
		return;
	pb_stats.findings[PB_FINDING_OVERCOUNT]++;
	pb_reported.safe_push(richloc->get_loc());
	pb_emit(&em, 763, "%qs may release more pages than %qs took; store "
		"the number it returned in %qs" PB_TAG("overcount"),
		release->name, acquire->name, count_field);
}

/* A release of pages a struct keeps for the function its put calls,
 * which releases them again (pb_fields.c). */
void pb_finding_emit_field_double(rich_location *richloc,
				  const struct pb_rule *acquire,
				  const char *field, const char *put_fn)
{
	struct pb_emission em = { NULL, NULL, richloc };

	if (pb_finding_off[PB_FINDING_DOUBLE_RELEASE])
		return;
	pb_stats.findings[PB_FINDING_DOUBLE_RELEASE]++;
	pb_reported.safe_push(richloc->get_loc());
	pb_emit(&em, 1341, "double release of pages %s by %qs: %qs keeps "
		"them, and %qs releases them again" PB_TAG("double-release"),
		acquire->kind == PB_PIN ? "pinned" : "taken", acquire->name,
		field, put_fn);
}
