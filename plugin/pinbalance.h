/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pinbalance.h - declarations shared by the pinbalance plugin's files.
 *
 *   pb_rules.c    the rules language parser (no GCC headers: pb_rules.h)
 *   pb_api.c      the API model: the rules, looked up by function
 *   pb_value.c    value tracking: which array or page an operand denotes
 *   pb_state.c    the abstract state and the per-function dataflow
 *   pb_checks.c   the five checks, run as the state flows through a call
 *   pb_diag.c     diagnostics: messages, CWE, event paths
 *   pinbalance.c  plugin_init, options and pass registration
 */
#ifndef PINBALANCE_H
#define PINBALANCE_H

/* ---------------------------------------------------------------- API */

#include "pb_rules.h"

/* -fplugin-arg-pinbalance-rules=FILE may be given this many times. */
#define PB_MAX_RULE_FILES 16

bool pb_api_add_rule_file(const char *path, bool only);
void pb_api_init(void);
const struct pb_rule *pb_api_lookup(tree fndecl);
const struct pb_rule *pb_api_suggest_release(enum pb_ref_kind kind,
					     bool folio, bool single);
bool pb_api_is_alloc(tree fndecl);
bool pb_api_makes_err_ptr(tree fndecl);
bool pb_api_ignored(tree fndecl);
enum tree_code pb_api_test_code(const struct pb_rule *rule);
void pb_api_print_ignored(void);
unsigned int pb_api_nrules(void);

/* ------------------------------------------------------------- values */

/*
 * A pointer value seen as a place in memory: KEY names the storage
 * (a local or global decl, an SSA pointer root such as a kmalloc result,
 * or a memory cell such as 'r->pages'), LEVEL counts dereferences from
 * the address of that storage (0 is the address, -1 what is stored there,
 * -2 what that points to).  OFFSET is set when the pointer may not point
 * at the start of the storage.  In an array of arrays such as
 * 'struct page *pages[4][16]', where each row is pinned on its own, ROW is
 * one more than the constant index of the row ('pages[1]': 2), and OFFSET
 * is then within that row; 0 if there is no row or it is not known.
 */
struct pb_val {
	tree key;
	int level;
	bool offset;
	int row;
};

struct pb_fn;

void pb_value_init(struct pb_fn *fn);
void pb_value_fini(struct pb_fn *fn);
struct pb_val pb_value_of(struct pb_fn *fn, tree op);
struct pb_val pb_value_of_addr(struct pb_fn *fn, tree ref);
struct pb_val pb_value_deref(struct pb_fn *fn, tree op);
bool pb_key_equal(struct pb_fn *fn, tree a, tree b);
tree pb_strip_copies(tree op);
bool pb_same_count(tree a, tree b);
bool pb_key_is_local(struct pb_fn *fn, tree key);
tree pb_key_base_decl(tree key);
int pb_ret_site(struct pb_fn *fn, tree op);
unsigned int pb_ret_sites(struct pb_fn *fn, tree op, int depth);
void pb_value_note_ret_copies(struct pb_fn *fn);
const char *pb_key_name(tree key);

/* ----------------------------------------------------------- sites */

/* The most pin sites tracked in one function; more are counted unknown. */
#define PB_MAX_SITES 32
/* Branches on invariant values remembered per site, for correlation. */
#define PB_MAX_GUARDS 4

/* Classes of the acquire's return value, and what happened to the pages. */
enum pb_class { PB_ERR, PB_ZERO, PB_PARTIAL, PB_FULL, PB_NCLASSES };
enum pb_hold { PB_HELD, PB_RELEASED, PB_SOME, PB_HANDED, PB_NHOLDS };

/* One state word per site: bit 0 "not acquired on this path", then one
 * bit per (class, hold) pair that some path may be in. */
typedef unsigned int pb_word;
#define PB_ABSENT		1u
#define PB_FACET(c, h)		(1u << (1 + (c) * PB_NHOLDS + (h)))
#define PB_CLASS_BITS(c)	(0xfu << (1 + (c) * PB_NHOLDS))
#define PB_LIVE_CLASSES		((1u << PB_PARTIAL) | (1u << PB_FULL))

struct pb_site {
	gimple *call;
	const struct pb_rule *rule;
	struct pb_val container;	/* pointer to the pages array */
	tree ret;			/* SSA name of the result, if any */
	tree req;			/* requested count, copies stripped */
	bool single;			/* the container holds one page */
	bool caller_owned;		/* reachable from outside: no leak check */
	bool conditional;		/* may take no reference: kind unsure */
	unsigned int classes;		/* classes possible at the call */
	edge guards[PB_MAX_GUARDS];	/* branches on parameters it needs */
	int nguards;
};

/* A memory cell known to hold a copy of a site's return value. */
struct pb_ret_cell {
	int site;
	tree ref;
	gimple *store;
};

/* A store of a tracked pointer into memory. */
struct pb_store {
	gimple *stmt;
	tree dest;
	struct pb_val val;
};

#define PB_MAX_RET_CELLS 32

struct pb_fn {
	function *fun;
	struct pb_site sites[PB_MAX_SITES];
	int nsites;
	int untracked_sites;

	/* pb_value.c memo tables, indexed by SSA version */
	unsigned int nssa;
	struct pb_val *ssa_val;
	unsigned char *ssa_val_done;
	int *ssa_depth;
	int value_depth;
	int min_hit_depth;
	int *ssa_ret;
	struct pb_ret_cell ret_cells[PB_MAX_RET_CELLS];
	int nret_cells;
	struct pb_store *stores;
	int nstores;
	tree *call_written;	/* cells whose address a call receives */
	int ncall_written;

	/* pb_state.c dataflow */
	int nedges;
	pb_word *edge_state;		/* nedges x nsites */
	unsigned char *edge_reached;
	unsigned char *edge_facts;	/* pb_edge_row(): nedges x (nsites + 1) */
	unsigned char *via_facts;	/* per edge in: nedges x 2 x (nsites + 1) */
	basic_block *rpo;
	int *rpo_index;
	int nrpo;
	bool reporting;
	edge via;		/* edge into the block being evaluated */
	bool gave_up;
};

/* ----------------------------------------------------------- state */

unsigned int pb_analyze_function(function *fun);
pb_word *pb_edge_words(struct pb_fn *fn, edge e);
bool pb_edge_is_reached(struct pb_fn *fn, edge e);
pb_word pb_move_hold(pb_word w, unsigned int from_mask, enum pb_hold to);
void pb_edge_in_words(struct pb_fn *fn, edge e, pb_word *out);
bool pb_block_per_edge(basic_block bb);
void pb_block_in_state(struct pb_fn *fn, basic_block bb, pb_word *out);
void pb_transfer_stmt(struct pb_fn *fn, gimple *stmt, pb_word *w);
bool pb_cond_refines(struct pb_fn *fn, edge e, int site, unsigned int *kept);

/* ----------------------------------------------------------- checks */

/* What a check found, handed to pb_diag.c to be reported. */
enum pb_finding_kind {
	PB_MISMATCH,		/* pin released as get */
	PB_REVERSE_MISMATCH,	/* get released as pin */
	PB_LEAK,		/* pins still held at return */
	PB_LEAK_FREE,		/* array freed with pins still held */
	PB_DOUBLE_RELEASE,
	PB_OVERCOUNT,		/* requested count unpinned, fewer pinned */
	PB_NEGATIVE_COUNT,	/* error code passed as the count */
	PB_NFINDINGS,
};

struct pb_finding {
	enum pb_finding_kind kind;
	int site;
	gimple *stmt;		/* where it happens (NULL: at return) */
	basic_block bb;
	edge exit_edge;		/* for a leak at return: the edge taken */
	const struct pb_rule *release;	/* the release involved */
	unsigned int facet_class;	/* a class the bad path is in */
};

void pb_check_release(struct pb_fn *fn, gimple *call,
		      const struct pb_rule *rule, pb_word *w);
void pb_check_free(struct pb_fn *fn, gimple *call,
		   const struct pb_rule *rule, pb_word *w);
void pb_check_return(struct pb_fn *fn, basic_block bb, edge via,
		     const pb_word *w);

/* ------------------------------------------------------------- diag */

struct pb_options {
	bool error;		/* findings are errors */
	bool warn_only;		/* findings stay warnings under -Werror */
	bool stats;		/* per-TU summary on stderr */
	bool debug;		/* trace the analysis on stderr */
};
extern struct pb_options pb_options;

struct pb_stats {
	unsigned long functions;
	unsigned long functions_analyzed;
	unsigned long sites;
	unsigned long sites_untracked;
	unsigned long sites_caller_owned;
	unsigned long functions_given_up;
	unsigned long functions_ignored;
	unsigned long findings[PB_NFINDINGS];
};
extern struct pb_stats pb_stats;

void pb_report(struct pb_fn *fn, const struct pb_finding *f);
void pb_diag_reset(void);
void pb_print_stats(void);

#endif /* PINBALANCE_H */
