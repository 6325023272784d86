// SPDX-License-Identifier: GPL-2.0
/*
 * noop_plugin.c - a GCC plugin that does nothing: the floor of the
 * compile-time benchmark (the cost of loading any plugin at all).
 */
#include "gcc-plugin.h"
#include "plugin-version.h"

int plugin_is_GPL_compatible;

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	(void)info;
	return plugin_default_version_check(version, &gcc_version) ? 0 : 1;
}
