/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pb_gcc.h - the one place that knows which GCC pinbalance is built for.
 *
 * Every plugin source includes this header first.  It pulls in the GCC
 * internals the plugin uses and irons out the differences between the GCC
 * releases whose plugin headers Debian ships (11 and 12), so that no other
 * file needs a version #if.  It also gives the kernel plugins' pass
 * generator shape (PB_GIMPLE_PASS) without depending on the kernel's
 * gcc-common.h, so the plugin builds standalone and inside kbuild alike.
 */
#ifndef PB_GCC_H
#define PB_GCC_H

#include "gcc-plugin.h"
#include "bversion.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "context.h"
#include "ssa.h"
#include "cgraph.h"
#include "tree-cfg.h"
#include "cfganal.h"
#include "gimple-iterator.h"
#include "gimple-pretty-print.h"
#include "tree-pretty-print.h"
#include "tree-ssa-alias.h"
#include "tree-dfa.h"
#include "stringpool.h"
#include "attribs.h"
#include "diagnostic.h"
#include "diagnostic-path.h"
#include "diagnostic-metadata.h"
#include "diagnostic-event-id.h"
#include "dominance.h"
#include "cfgloop.h"
#include "timevar.h"
#include "langhooks.h"
#include "intl.h"

#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 12
#error "pinbalance is tested with the plugin headers of GCC 11 and 12"
#endif

/* GCC 12 takes the function; GCC 11 works on cfun. */
#if BUILDING_GCC_MAJOR >= 12
#define pb_mark_dfs_back_edges(fun) mark_dfs_back_edges(fun)
#else
#define pb_mark_dfs_back_edges(fun) mark_dfs_back_edges()
#endif

#ifndef __visible
#define __visible __attribute__((visibility("default")))
#endif

#ifndef PLUGIN_VERSION
#define PLUGIN_VERSION "0.1"
#endif

/*
 * Declare a GIMPLE pass the way the kernel's gcc-generate-gimple-pass.h
 * does: the plugin's own code provides NAME_execute() and calls
 * make_NAME_pass() to register it.  The pass accounts its time to GCC's
 * plugin timer so that -ftime-report shows it on its own line.
 */
#define PB_GIMPLE_PASS(NAME)						\
namespace {								\
static const pass_data NAME##_pass_data = {				\
	GIMPLE_PASS, #NAME, OPTGROUP_NONE, TV_PLUGIN_RUN,		\
	PROP_cfg | PROP_ssa, 0, 0, 0, 0				\
};									\
class NAME##_pass : public gimple_opt_pass {				\
public:									\
	NAME##_pass() : gimple_opt_pass(NAME##_pass_data, g) {}		\
	opt_pass *clone() { return new NAME##_pass(); }			\
	unsigned int execute(function *fun) { return NAME##_execute(fun); } \
};									\
}									\
static opt_pass *make_##NAME##_pass(void)				\
{									\
	return new NAME##_pass();					\
}

#endif /* PB_GCC_H */
