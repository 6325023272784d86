// SPDX-License-Identifier: GPL-2.0
/*
 * pb_census.c - the census: one JSON object per line for every acquire
 * and every release the plugin sees, with what became of its pages.
 *
 * -fplugin-arg-pinbalance-census=FILE appends to FILE.  Each line is
 * written with one write() on a descriptor opened with O_APPEND, so that
 * the compiles of a parallel build append whole lines that never
 * interleave (kernel-integration/census.sh collects and reports them).
 *
 * An acquire's verdict is the first that applies of: a finding (its
 * kind), the caller's array ("caller-owned", or "caller-checked" when the
 * function is an acquire for its callers), handed over (the reasons of
 * the stats), "kind-unsure" (a conditional acquire), "balanced" (released
 * on every path the function has).  Sites the plugin does not follow are
 * "untracked", functions it gave up "given-up".
 */
#include "pb_gcc.h"
#include "pinbalance.h"

static int pb_census_fd = -1;

/* Open FILE for the census; false (with errno) if it cannot be. */
bool pb_census_open(const char *path)
{
	pb_census_fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
	return pb_census_fd >= 0;
}

bool pb_census_wanted(void)
{
	return pb_census_fd >= 0;
}

/* A JSON string: quotes and backslashes escaped, controls dropped. */
static size_t pb_json_string(char *out, size_t len, const char *s)
{
	size_t used = 0;

	if (len < 3)
		return 0;
	out[used++] = '"';
	for (; s && *s && used + 3 < len; s++) {
		if (*s == '"' || *s == '\\')
			out[used++] = '\\';
		if ((unsigned char)*s >= 0x20)
			out[used++] = *s;
	}
	out[used++] = '"';
	out[used] = '\0';
	return used;
}

/* One line: where STMT is, in FUN, calling RULE, then the rest. */
static void pb_census_write(function *fun, gimple *stmt,
			    const struct pb_rule *rule, const char *what,
			    const char *rest)
{
	expanded_location x = expand_location(gimple_location(stmt));
	char line[1024], file[512], func[256];
	int n;

	/* a header's inline function: counted where it is defined, not in
	 * every file that includes it */
	if (x.file && main_input_filename && strcmp(x.file, main_input_filename))
		return;

	pb_json_string(file, sizeof(file), x.file ? x.file : main_input_filename);
	pb_json_string(func, sizeof(func), function_name(fun));
	n = snprintf(line, sizeof(line),
		     "{\"site\":\"%s\",\"file\":%s,\"line\":%d,"
		     "\"function\":%s,\"call\":\"%s\",\"kind\":\"%s\"%s}\n",
		     what, file, x.line, func, rule->name,
		     rule->kind == PB_PIN ? "pin" :
		     rule->kind == PB_GET ? "get" : "any", rest);
	if (n > 0 && (size_t)n < sizeof(line))
		(void)!write(pb_census_fd, line, n);
}

/* ',"flags":N' when the acquire's gup flags are a constant. */
static void pb_census_flags(gcall *call, const struct pb_rule *rule,
			    char *out, size_t len)
{
	tree flags;

	out[0] = '\0';
	if (rule->flags_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->flags_arg)
		return;
	flags = pb_strip_copies(gimple_call_arg(call, rule->flags_arg - 1));
	if (flags && TREE_CODE(flags) == INTEGER_CST && tree_fits_uhwi_p(flags))
		snprintf(out, len, ",\"flags\":" HOST_WIDE_INT_PRINT_UNSIGNED,
			 tree_to_uhwi(flags));
}

/* An acquire the plugin does not follow, and why. */
void pb_census_untracked(function *fun, gcall *call,
			 const struct pb_rule *rule, const char *why)
{
	char rest[256], flags[64];

	if (pb_census_fd < 0)
		return;
	pb_census_flags(call, rule, flags, sizeof(flags));
	snprintf(rest, sizeof(rest), "%s,\"verdict\":\"untracked\","
		 "\"detail\":\"%s\"", flags, why);
	pb_census_write(fun, call, rule, "acquire", rest);
}

static const char *const pb_handed_words[PB_NHANDED] = {
	"another file's function", "this file's function without a summary",
	"a function pointer", "a call that succeeded", "an owner",
	"a store", "a store into a caller's struct", "the caller", "an asm",
};

/*
 * A caller's array: "caller-checked" when the function's summary makes
 * its callers check it, else "caller-owned", DETAIL saying what of it is
 * checked: a struct's field (the field check), the function's error
 * returns, or nothing.
 */
static const char *pb_census_caller_owned(struct pb_fn *fn, int site,
					  const struct pb_rule *own,
					  char *detail, size_t len)
{
	const struct pb_site *s = &fn->sites[site];

	if (own && own->summary && own->role == PB_ROLE_ACQUIRE)
		return "caller-checked";
	if (TREE_CODE(s->container.key) == COMPONENT_REF)
		snprintf(detail, len, "a struct's field");
	else if (s->file_var)
		snprintf(detail, len, "a static variable of the file");
	else if (s->checked_at_errors)
		snprintf(detail, len, "checked at error returns");
	else if (s->count_told)
		snprintf(detail, len, "count stored for the caller");
	else
		snprintf(detail, len, "unchecked");
	return "caller-owned";
}

/* The name of the function CALL calls, "" through a pointer. */
static const char *pb_callee_name(gcall *call)
{
	tree fndecl = call ? gimple_call_fndecl(call) : NULL_TREE;

	return fndecl && DECL_NAME(fndecl) ?
		IDENTIFIER_POINTER(DECL_NAME(fndecl)) : "";
}

/*
 * "reason, reason" of the site's hand-overs, then "(to F)": the first
 * function without a rule or summary it gave the pages to, so that a
 * census names the functions a database still lacks; false if none.
 */
static bool pb_census_handed(struct pb_fn *fn, int site, char *out,
			     size_t len)
{
	size_t used = 0;
	int why;

	out[0] = '\0';
	for (why = 0; why < PB_NHANDED && used < len; why++)
		if (fn->handed[why] & (1u << site))
			used += snprintf(out + used, len - used, "%s%s",
					 used ? ", " : "", pb_handed_words[why]);
	if (used && used < len && fn->handed_to[site] &&
	    *pb_callee_name(fn->handed_to[site]))
		used += snprintf(out + used, len - used, " (to %s)",
				 pb_callee_name(fn->handed_to[site]));
	return used > 0;
}

/* Why SITE's kind stays unsure ("the caller's iterator, through a
 * function pointer", or "no telling"), then, after ": ", what it hands
 * over. */
static void pb_census_unsure(struct pb_fn *fn, int site, char *out,
			     size_t len)
{
	static const char *const whys[] = {
		"no telling",
		"the caller's iterator, from this file's callers",
		"the caller's iterator, from other files",
		"the caller's iterator, through a function pointer",
	};
	const char *why = whys[pb_source_from(&fn->sites[site])];
	size_t used = (size_t)snprintf(out, len, "%s", why);
	char handed[200];

	if (used < len && pb_census_handed(fn, site, handed, sizeof(handed)))
		snprintf(out + used, len - used, ": %s", handed);
}

/* The findings of SITE, as "kind kind"; false if none. */
static bool pb_census_findings(int site, char *out, size_t len)
{
	size_t used = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < pb_findings_count() && used < len; i++) {
		const struct pb_finding *f = pb_findings_get(i);

		if (f->site == site)
			used += snprintf(out + used, len - used, "%s%s",
					 used ? " " : "",
					 pb_finding_desc(f->kind)->name);
	}
	return used > 0;
}

/* Every tracked site of a function checked (GIVEN_UP: the engine gave
 * up on it). */
void pb_census_sites(struct pb_fn *fn, bool given_up)
{
	const struct pb_rule *own = pb_api_lookup(fn->fun->decl);
	int i;

	if (pb_census_fd < 0)
		return;
	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		char detail[256], rest[512], flags[64];
		const char *verdict;

		pb_census_flags(as_a<gcall *>(s->call), s->rule, flags,
				sizeof(flags));
		detail[0] = '\0';
		if (given_up)
			verdict = "given-up";
		else if (pb_census_findings(i, detail, sizeof(detail)))
			verdict = "finding";
		else if (s->caller_owned)
			verdict = pb_census_caller_owned(fn, i, own, detail,
							 sizeof(detail));
		else if (s->conditional && !s->source_told && !s->recorded) {
			/* no leak check; the detail: why, and what it hands
			 * over */
			pb_census_unsure(fn, i, detail, sizeof(detail));
			verdict = "kind-unsure";
		}
		else if (pb_census_handed(fn, i, detail, sizeof(detail)))
			verdict = "handed";
		else
			verdict = "balanced";
		snprintf(rest, sizeof(rest), "%s,\"verdict\":\"%s\","
			 "\"detail\":\"%s\"", flags, verdict, detail);
		pb_census_write(fn->fun, s->call, s->rule, "acquire", rest);
	}
}

/* Every release of FUN, and whether its pages were taken in FUN. */
void pb_census_releases(struct pb_fn *fn)
{
	basic_block bb;

	if (pb_census_fd < 0)
		return;
	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			struct pb_val v;
			bool local = false;
			int i;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_RELEASE || rule->summary ||
			    rule->pages_arg < 1 ||
			    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
				continue;
			v = pb_call_pages_val(fn, call, rule);
			for (i = 0; i < fn->nsites && v.key; i++)
				local |= pb_key_equal(fn, v.key,
						      fn->sites[i].container.key);
			pb_census_write(fn->fun, call, rule, "release",
					local ? ",\"pages\":\"taken here\"" :
					",\"pages\":\"from elsewhere\"");
		}
	}
}
