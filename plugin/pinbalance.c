// SPDX-License-Identifier: GPL-2.0
/*
 * pinbalance - check that every page reference taken by the pin API is
 * dropped by the matching release.
 *
 * pin_user_pages*() take pins (FOLL_PIN), which only unpin_user_page(s)*()
 * may drop; get_user_pages*() take ordinary references (FOLL_GET), dropped
 * by put_page() and friends.  Mixing the two corrupts the mm's counts
 * silently.  This plugin follows the pages each such call produces through
 * the function's control flow graph, before inlining, and warns when:
 *
 *   - a pinned page reaches a FOLL_GET release (put_page, folio_put, ...),
 *   - a FOLL_GET page reaches an unpin function,
 *   - pinned pages are released twice on one path,
 *   - the requested count is unpinned where fewer may have been pinned,
 *   - a path returns with pages still pinned in storage that dies with
 *     the function (or frees the array holding them).
 *
 * Each warning carries the path of events that leads to it, and ends with
 * its kind ("[pinbalance-leak]").
 *
 * Options (-fplugin-arg-pinbalance-NAME; -fplugin-arg-pinbalance-help
 * lists them): error, warn-only, stats, debug, disable, help, rules=FILE,
 * rules-only=FILE, and no-KIND to turn one kind of finding off.  The
 * table pinbalance_options below is the one list.
 *
 * The kernel API the plugin knows is data: rules/linux.rules, compiled
 * in, in the language described in docs/rules.md.
 *
 * Usage:
 *   make
 *   gcc -O2 -fplugin=plugin/pinbalance.so -c driver.c
 */
#include "pb_gcc.h"
#include "plugin-version.h"
#include "pinbalance.h"

__visible int plugin_is_GPL_compatible;

struct pb_options pb_options;
struct pb_stats pb_stats;

/* An option: NAME, or NAME=VALUE if it takes one (VALUE_NAME says what),
 * its help line, and what it does; false from APPLY turns the plugin off. */
struct pinbalance_option {
	const char *name;
	const char *value_name;
	const char *help;
	bool (*apply)(const char *plugin_name, const char *name,
		      const char *value);
};

static bool pinbalance_set_error(const char *p, const char *n, const char *v)
{
	(void)p, (void)n, (void)v;
	pb_options.error = true;
	return true;
}

static bool pinbalance_set_warn_only(const char *p, const char *n,
				     const char *v)
{
	(void)p, (void)n, (void)v;
	pb_options.warn_only = true;
	return true;
}

static bool pinbalance_set_stats(const char *p, const char *n, const char *v)
{
	(void)p, (void)n, (void)v;
	pb_options.stats = true;
	return true;
}

static bool pinbalance_set_debug(const char *p, const char *n, const char *v)
{
	(void)p, (void)n, (void)v;
	pb_options.debug = true;
	return true;
}

static bool pinbalance_set_summaries(const char *p, const char *n,
				     const char *v)
{
	(void)p, (void)n, (void)v;
	pb_options.summaries = true;
	return true;
}

static bool pinbalance_set_conversion(const char *p, const char *n,
				      const char *v)
{
	(void)p, (void)n, (void)v;
	pb_options.conversion = true;
	return true;
}

static bool pinbalance_census(const char *plugin_name, const char *name,
			      const char *value)
{
	if (!pb_census_open(value))
		error(G_("%<-fplugin-arg-%s-%s=%s%>: cannot open: %m"),
		      plugin_name, name, value);
	return true;
}

static bool pinbalance_summaries_out(const char *plugin_name,
				     const char *name, const char *value)
{
	if (!pb_database_open(value))
		error(G_("%<-fplugin-arg-%s-%s=%s%>: cannot open: %m"),
		      plugin_name, name, value);
	else
		pb_options.summaries_out = true;
	return true;
}

static bool pinbalance_set_summaries_only(const char *p, const char *n,
					  const char *v)
{
	(void)p, (void)n, (void)v;
	pb_options.summaries_only = true;
	return true;
}

static bool pinbalance_disable(const char *p, const char *n, const char *v)
{
	(void)p, (void)n, (void)v;
	return false;
}

static bool pinbalance_help(const char *p, const char *n, const char *v);

static bool pinbalance_add_rules(const char *plugin_name, const char *name,
				 const char *value)
{
	if (!pb_api_add_rule_file(value, !strcmp(name, "rules-only")))
		error(G_("too many %<-fplugin-arg-%s-%s%> options (at most %d)"),
		      plugin_name, name, PB_MAX_RULE_FILES);
	return true;
}

/* no-KIND: NAME is "no-KIND" */
static bool pinbalance_turn_off(const char *plugin_name, const char *name,
				const char *value)
{
	(void)value;
	if (!pb_findings_turn_off(name + 3))
		error(G_("unknown kind of finding in %<-fplugin-arg-%s-%s%>; "
			 "the kinds are: %s"),
		      plugin_name, name, pb_findings_names());
	return true;
}

static const struct pinbalance_option pinbalance_options[] = {
	{ "error", NULL, "report findings as errors, not warnings",
	  pinbalance_set_error },
	{ "warn-only", NULL, "keep findings warnings even under -Werror",
	  pinbalance_set_warn_only },
	{ "stats", NULL, "print a summary of the sites checked and the unknowns",
	  pinbalance_set_stats },
	{ "debug", NULL, "trace the analysis on stderr", pinbalance_set_debug },
	{ "summaries", NULL,
	  "print what the file's functions do to pages, as rules",
	  pinbalance_set_summaries },
	{ "conversion", NULL,
	  "warn where get references are kept by an owner (pin them instead)",
	  pinbalance_set_conversion },
	{ "census", "FILE",
	  "append a JSON line per acquire and release, with its verdict",
	  pinbalance_census },
	{ "summaries-out", "FILE",
	  "append the summaries of the functions other files call, as rules",
	  pinbalance_summaries_out },
	{ "summaries-only", NULL,
	  "stop once the summaries are written: no code (a database's first phase)",
	  pinbalance_set_summaries_only },
	{ "disable", NULL, "do not check this file", pinbalance_disable },
	{ "help", NULL, "print this list of options", pinbalance_help },
	{ "rules", "FILE", "read more rules from FILE (repeatable)",
	  pinbalance_add_rules },
	{ "rules-only", "FILE",
	  "read rules from FILE instead of the built-in Linux rules",
	  pinbalance_add_rules },
	{ "no-", "KIND", NULL, pinbalance_turn_off },
};

/* The help text, made from the table: "NAME[=VALUE]\tHELP" per line. */
static const char *pinbalance_help_text(void)
{
	static char text[2048];
	size_t used = 0, i;

	if (text[0])
		return text;
	for (i = 0; i < ARRAY_SIZE(pinbalance_options); i++) {
		const struct pinbalance_option *o = &pinbalance_options[i];

		if (!o->help)	/* no-KIND */
			used += snprintf(text + used, sizeof(text) - used,
					 "no-KIND\tdo not report KIND (%s)\n",
					 pb_findings_names());
		else
			used += snprintf(text + used, sizeof(text) - used,
					 "%s%s%s\t%s\n", o->name,
					 o->value_name ? "=" : "",
					 o->value_name ? o->value_name : "",
					 o->help);
		if (used >= sizeof(text))
			break;
	}
	return text;
}

/* The valid options, for the error on an unknown one. */
static const char *pinbalance_option_names(void)
{
	static char names[512];
	size_t used = 0, i;

	if (names[0])
		return names;
	for (i = 0; i < ARRAY_SIZE(pinbalance_options); i++) {
		const struct pinbalance_option *o = &pinbalance_options[i];

		used += snprintf(names + used, sizeof(names) - used, "%s%s%s%s",
				 i ? ", " : "", o->name,
				 o->value_name && o->help ? "=" : "",
				 o->value_name ? o->value_name : "");
		if (used >= sizeof(names))
			break;
	}
	return names;
}

static struct plugin_info pinbalance_plugin_info = {
	.version	= PLUGIN_VERSION,
	.help		= NULL,
};

static bool pinbalance_help(const char *p, const char *n, const char *v)
{
	(void)p, (void)n, (void)v;
	printf("pinbalance %s: options (-fplugin-arg-pinbalance-NAME):\n%s",
	       PLUGIN_VERSION, pinbalance_help_text());
	return true;
}

/* The table's entry for KEY: by name, or by prefix for "no-". */
static const struct pinbalance_option *pinbalance_find_option(const char *key)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pinbalance_options); i++) {
		const struct pinbalance_option *o = &pinbalance_options[i];

		if (o->help ? !strcmp(key, o->name)
			    : !strncmp(key, o->name, strlen(o->name)))
			return o;
	}
	return NULL;
}

/* An option's value is right for it; reports and returns false if not. */
static bool pinbalance_option_value_ok(const char *plugin_name,
				       const struct pinbalance_option *o,
				       const char *key, const char *value)
{
	bool takes_value = o->value_name && o->help;

	if (takes_value && (!value || !*value)) {
		error(G_("option %<-fplugin-arg-%s-%s%> needs a file: "
			 "%<-fplugin-arg-%s-%s=FILE%>"),
		      plugin_name, key, plugin_name, key);
		return false;
	}
	if (!takes_value && value) {
		error(G_("option %<-fplugin-arg-%s-%s%> takes no value"),
		      plugin_name, key);
		return false;
	}
	return true;
}

/* Parse the -fplugin-arg-pinbalance-* arguments; false to stay off. */
static bool pinbalance_parse_args(const char *plugin_name,
				  struct plugin_name_args *info)
{
	bool enable = true;
	int i;

	for (i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key;
		const char *value = info->argv[i].value;
		const struct pinbalance_option *o = pinbalance_find_option(key);

		if (!o) {
			error(G_("unknown option %<-fplugin-arg-%s-%s%>; valid "
				 "options are: %s"),
			      plugin_name, key, pinbalance_option_names());
			continue;
		}
		if (!pinbalance_option_value_ok(plugin_name, o, key, value))
			continue;
		if (!o->apply(plugin_name, key, value))
			enable = false;
	}
	return enable;
}

/* set once the pass has seen a function: see pinbalance_stop_early() */
static bool pinbalance_pass_ran;

static unsigned int pinbalance_execute(function *fun)
{
	pinbalance_pass_ran = true;
	return pb_analyze_function(fun);
}

PB_GIMPLE_PASS(pinbalance)

static void pinbalance_finish_unit(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	pb_fields_report();
	pb_database_finish();
}

static void pinbalance_print_stats(void *gcc_data, void *user_data)
{
	unsigned long total = 0;
	int i;

	(void)gcc_data;
	(void)user_data;
	for (i = 0; i < PB_NFINDING_KINDS; i++)
		total += pb_stats.findings[i];
	fprintf(stderr,
		"pinbalance: %s: %lu functions, %lu analyzed, %lu pin/get sites "
		"(%lu untracked, %lu caller-owned: no leak check, %lu that "
		"may take no reference: no leak check), %lu given up, "
		"%lu findings, %lu bodies ignored by rules, %lu summaries, "
		"%lu page fields judged (%lu not: both kinds or pages of "
		"unknown origin), caller-owned sites: %lu in struct fields, "
		"%lu in wrappers checked at their callers, %lu in a "
		"parameter's memory checked at error returns, %lu unchecked "
		"with their count stored for the caller, %lu unchecked; "
		"sites whose page a loop carries to its next round: %lu, "
		"followed; sites that may take no reference: %lu checked where "
		"a test of their iterator tells, %lu checked by the record "
		"of their kind, %lu unchecked whose iterator is their "
		"caller's, %lu unchecked otherwise; of the caller's "
		"iterators unchecked: %lu come through function pointers, "
		"%lu from other files, %lu from this file's callers; "
		"sites whose held pages were handed over: "
		"%lu to functions of other files without a rule, %lu to "
		"functions of this file without a summary, %lu through "
		"function pointers, %lu to a call on the branch where it "
		"succeeded, %lu to owners, %lu by stores, %lu by stores "
		"into a caller's struct, %lu returned, "
		"%lu to asm\n",
		main_input_filename ? main_input_filename : "-",
		pb_stats.functions, pb_stats.functions_analyzed, pb_stats.sites,
		pb_stats.sites_untracked, pb_stats.sites_caller_owned,
		pb_stats.sites_conditional,
		pb_stats.functions_given_up, total, pb_stats.functions_ignored,
		pb_stats.summaries,
		pb_stats.fields_judged, pb_stats.fields_unjudged,
		pb_stats.sites_owned_by_field, pb_stats.sites_owned_summarised,
		pb_stats.sites_owned_at_errors,
		pb_stats.sites_owned_count_told, pb_stats.sites_owned_unchecked,
		pb_stats.sites_carried, pb_stats.sites_source_told,
		pb_stats.sites_recorded, pb_stats.sites_unsure_callers,
		pb_stats.sites_unsure_other,
		pb_stats.sites_unsure_from[PB_FROM_POINTER],
		pb_stats.sites_unsure_from[PB_FROM_FILES],
		pb_stats.sites_unsure_from[PB_FROM_UNIT],
		pb_stats.handed[PB_HANDED_EXTERN],
		pb_stats.handed[PB_HANDED_UNSUMMARISED],
		pb_stats.handed[PB_HANDED_INDIRECT],
		pb_stats.handed[PB_HANDED_SUCCESS],
		pb_stats.handed[PB_HANDED_OWNER],
		pb_stats.handed[PB_HANDED_STORE],
		pb_stats.handed[PB_HANDED_CALLER_STORE],
		pb_stats.handed[PB_HANDED_RETURN],
		pb_stats.handed[PB_HANDED_ASM]);
	pb_api_print_ignored();
}

/*
 * summaries-only: the pass runs in the pipeline that builds SSA, which
 * GCC runs over every function of the unit (callees first) before the
 * early optimizations start; a database's first phase needs nothing
 * after it, and what it skips (early inlining and optimizations, the
 * interprocedural passes, code generation) is most of a compile.  The
 * end of the first early GIMPLE pipeline in which the pass ran is that
 * moment; a unit without a function body stops where the interprocedural
 * passes end instead.  The unit's summaries are written, and the compiler
 * leaves with success: the driver assembles the empty assembly file it
 * had opened.
 */
static void pinbalance_stop_early(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	/* what the unit puts into struct fields goes into the database too */
	pb_fields_report();
	pb_database_finish();
	if (pb_options.stats)
		pinbalance_print_stats(NULL, NULL);
	exit(seen_error() ? FATAL_EXIT_CODE : SUCCESS_EXIT_CODE);
}

static void pinbalance_ipa_start(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	pb_database_note_pointers();
}

static void pinbalance_early_passes_end(void *gcc_data, void *user_data)
{
	if (pinbalance_pass_ran)
		pinbalance_stop_early(gcc_data, user_data);
}

__visible int plugin_init(struct plugin_name_args *plugin_info,
			  struct plugin_gcc_version *version)
{
	const char * const plugin_name = plugin_info->base_name;
	struct register_pass_info pass_info;

	if (!plugin_default_version_check(version, &gcc_version)) {
		error(G_("incompatible gcc/plugin versions"));
		return 1;
	}
	pinbalance_plugin_info.help = pinbalance_help_text();
	register_callback(plugin_name, PLUGIN_INFO, NULL,
			  &pinbalance_plugin_info);
	if (!pinbalance_parse_args(plugin_name, plugin_info))
		return 0;

	pb_api_init();

	/* After SSA is built, before the early inliner turns put_page() and
	 * friends into plain memory operations. */
	pass_info.pass = make_pinbalance_pass();
	pass_info.reference_pass_name = "ssa";
	pass_info.ref_pass_instance_number = 1;
	pass_info.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL,
			  &pass_info);
	/* struct fields are judged once every function has been seen */
	register_callback(plugin_name, PLUGIN_FINISH_UNIT,
			  pinbalance_finish_unit, NULL);
	if (pb_options.stats)
		register_callback(plugin_name, PLUGIN_FINISH,
				  pinbalance_print_stats, NULL);
	/* the database's questions about function pointers, answered once
	 * the unit's references are known */
	if (pb_options.summaries_out)
		register_callback(plugin_name, PLUGIN_ALL_IPA_PASSES_START,
				  pinbalance_ipa_start, NULL);
	if (pb_options.summaries_only) {
		register_callback(plugin_name, PLUGIN_EARLY_GIMPLE_PASSES_END,
				  pinbalance_early_passes_end, NULL);
		register_callback(plugin_name, PLUGIN_ALL_IPA_PASSES_END,
				  pinbalance_stop_early, NULL);
	}
	return 0;
}
