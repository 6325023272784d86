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
 * Each warning carries the path of events that leads to it.
 *
 * Options:
 *   -fplugin-arg-pinbalance-error     report findings as errors
 *   -fplugin-arg-pinbalance-warn-only findings stay warnings under -Werror
 *   -fplugin-arg-pinbalance-stats     print a summary of what was checked
 *   -fplugin-arg-pinbalance-debug     trace the analysis on stderr
 *   -fplugin-arg-pinbalance-disable   do nothing (per-file opt-out)
 *   -fplugin-arg-pinbalance-help      print this list
 *   -fplugin-arg-pinbalance-rules=FILE       add the rules in FILE
 *   -fplugin-arg-pinbalance-rules-only=FILE  use FILE instead of the
 *                                            built-in Linux rules
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

static struct plugin_info pinbalance_plugin_info = {
	.version	= PLUGIN_VERSION,
	.help		= "error\treport findings as errors, not warnings\n"
			  "warn-only\tkeep findings warnings even under -Werror\n"
			  "stats\tprint a summary of the sites checked and the unknowns\n"
			  "debug\ttrace the analysis on stderr\n"
			  "disable\tdo not check this file\n"
			  "help\tprint this list of options\n"
			  "rules=FILE\tread more rules from FILE (repeatable)\n"
			  "rules-only=FILE\tread rules from FILE instead of the built-in Linux rules\n",
};

static unsigned int pinbalance_execute(function *fun)
{
	return pb_analyze_function(fun);
}

PB_GIMPLE_PASS(pinbalance)

static void pinbalance_finish(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	pb_print_stats();
}

static void pinbalance_print_help(void)
{
	printf("pinbalance %s: options (-fplugin-arg-pinbalance-NAME):\n%s",
	       PLUGIN_VERSION, pinbalance_plugin_info.help);
}

/* The options, and whether each takes '=VALUE'. */
static const struct {
	const char *name;
	bool takes_file;
} pinbalance_options[] = {
	{ "error", false }, { "warn-only", false }, { "stats", false },
	{ "debug", false },
	{ "disable", false }, { "help", false },
	{ "rules", true }, { "rules-only", true },
};

static int pinbalance_option_index(const char *key)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pinbalance_options); i++)
		if (!strcmp(key, pinbalance_options[i].name))
			return (int)i;
	return -1;
}

/* An option's value is right for it; reports and returns false if not. */
static bool pinbalance_option_value_ok(const char *plugin_name, int option,
				       const char *key, const char *value)
{
	if (pinbalance_options[option].takes_file && (!value || !*value)) {
		error(G_("option %<-fplugin-arg-%s-%s%> needs a file: "
			 "%<-fplugin-arg-%s-%s=FILE%>"),
		      plugin_name, key, plugin_name, key);
		return false;
	}
	if (!pinbalance_options[option].takes_file && value) {
		error(G_("option %<-fplugin-arg-%s-%s%> takes no value"),
		      plugin_name, key);
		return false;
	}
	return true;
}

static bool pinbalance_apply_option(const char *plugin_name, const char *key,
				    const char *value)
{
	if (!strcmp(key, "error")) {
		pb_options.error = true;
	} else if (!strcmp(key, "warn-only")) {
		pb_options.warn_only = true;
	} else if (!strcmp(key, "stats")) {
		pb_options.stats = true;
	} else if (!strcmp(key, "debug")) {
		pb_options.debug = true;
	} else if (!strcmp(key, "disable")) {
		return false;
	} else if (!strcmp(key, "help")) {
		pinbalance_print_help();
	} else if (!pb_api_add_rule_file(value, !strcmp(key, "rules-only"))) {
		error(G_("too many %<-fplugin-arg-%s-%s%> options (at most %d)"),
		      plugin_name, key, PB_MAX_RULE_FILES);
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
		int option = pinbalance_option_index(key);

		if (option < 0) {
			error(G_("unknown option %<-fplugin-arg-%s-%s%>; valid "
				 "options are: error, warn-only, stats, "
				 "debug, disable, help, rules=FILE, "
				 "rules-only=FILE"),
			      plugin_name, key);
			continue;
		}
		if (!pinbalance_option_value_ok(plugin_name, option, key, value))
			continue;
		if (!pinbalance_apply_option(plugin_name, key, value))
			enable = false;
	}
	return enable;
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
	if (pb_options.stats)
		register_callback(plugin_name, PLUGIN_FINISH,
				  pinbalance_finish, NULL);
	return 0;
}
