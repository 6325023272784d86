/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pinbalance.h - what the pinbalance plugin's files share.
 *
 * One file per concern, each calling only the ones below it:
 *
 *   pinbalance.c   options, plugin_init, pass registration, statistics
 *   pb_fields.c    struct fields holding pages, judged per file
 *   pb_census.c    one JSON line per acquire and release (census=FILE)
 *   pb_analyze.c   one function: the steps below, in order
 *   pb_summary.c   what a function does to its callers' pages, as a rule
 *   pb_replace.c   ...a helper that may replace its caller's array
 *   pb_insert.c    ...a helper that links the pages' struct into a container
 *   pb_borrow.c    ...the borrow walk: can the pages it was given leave it?
 *   pb_diag.c      the path of events of each finding, and its warning
 *   pb_solve.c     the engine: worklist dataflow, edge rows, the record
 *                  of what made each facet true (knows nothing of pins)
 *   pb_sm.c        the state machine: one handler per transition
 *                  (acquire, release, free, hand-over, return, edge)
 *   pb_checks.c    the checks a release, a free or a return runs
 *   pb_findings.c  one descriptor per kind of finding; the findings
 *   pb_cond.c      conditions: what a branch says of each site
 *   pb_source.c    the kind of a conditional acquire's iterator: its
 *                  tests and what made it
 *   pb_guards.c    branches on parameters every path to a site took
 *   pb_handover.c  which sites' pages an operand carries
 *   pb_sites.c     the sites (calls taking references), their returns
 *   pb_value.c     value tracking: which array or page an operand is
 *   pb_states.c    the named states of a site, and its word of them
 *   pb_api.c       the API model: the rules, looked up by function
 *   pb_rules.c     the rules language parser (no GCC headers: pb_rules.h)
 *
 * pb_states.h names the states; pb_gcc.h is the one GCC-version header.
 * pinbalance.c holds the options and statistics every file may read or
 * count into (pb_options, pb_stats), as the kernel's plugins do.
 */
#ifndef PINBALANCE_H
#define PINBALANCE_H

#include "pb_rules.h"
#include "pb_states.h"

/* -------------------------------------------- options, statistics */

struct pb_options {
	bool error;		/* findings are errors */
	bool warn_only;		/* findings stay warnings under -Werror */
	bool stats;		/* per-TU summary on stderr */
	bool debug;		/* trace the analysis on stderr */
	bool summaries;		/* print the file's summaries as rules */
	bool summaries_only;	/* stop once the summaries are written */
	bool summaries_out;	/* a database file takes the unit's part */
	bool conversion;	/* warn where get references should be pins */
};
extern struct pb_options pb_options;

enum pb_finding_kind {
	PB_FINDING_MISMATCH,		/* pin released as get */
	PB_FINDING_REVERSE_MISMATCH,	/* get released as pin */
	PB_FINDING_LEAK,		/* pins still held at return */
	PB_FINDING_LEAK_FREE,		/* array freed with pins still held */
	PB_FINDING_DOUBLE_RELEASE,
	PB_FINDING_DOUBLE_CONSUMED,	/* an element released after an
					 * owner that drops it even when it
					 * fails (add_to_pipe()) took it */
	PB_FINDING_OVERCOUNT,		/* requested count unpinned, fewer pinned */
	PB_FINDING_NEGATIVE_COUNT,	/* error code passed as the count */
	PB_FINDING_LEAK_FAILING,	/* an error return with the pages in
					 * the caller's memory */
	PB_FINDING_LEAK_FAILING_STORED,	/* the same, stored there */
	PB_NFINDING_KINDS,
};

/*
 * Why pages still held went quiet: handed to what.  Counted once per site
 * and reason, so that what the checker does not see stays visible.
 */
enum pb_handed {
	PB_HANDED_EXTERN,	/* a function of another file without a rule */
	PB_HANDED_UNSUMMARISED,	/* a function of this file without a summary
				 * (recursion, a cycle, a helper no rule
				 * describes) */
	PB_HANDED_INDIRECT,	/* a call through a pointer */
	PB_HANDED_SUCCESS,	/* a call, on the branch where it succeeded */
	PB_HANDED_OWNER,	/* an owner rule (sg tables, bios, pipes) */
	PB_HANDED_STORE,	/* a store into memory the function does not own */
	PB_HANDED_CALLER_STORE,	/* a store into a parameter's struct: the
				 * caller's, if the function succeeds */
	PB_HANDED_RETURN,	/* returned to the caller */
	PB_HANDED_ASM,
	PB_NHANDED,
};

/* Where a site's iterator comes from, when it is its caller's: the
 * further reaching of its callers' ways (PB_FROM_NONE: not the caller's) */
enum pb_source_from {
	PB_FROM_NONE,
	PB_FROM_UNIT,		/* this file's callers made it */
	PB_FROM_FILES,		/* callers in other files pass it */
	PB_FROM_POINTER,	/* a function pointer's caller passes it */
};

struct pb_stats {
	unsigned long functions;
	unsigned long functions_analyzed;
	unsigned long sites;
	unsigned long sites_untracked;
	unsigned long sites_carried;	/* a loop carries the page to its
					 * next round: followed, the release
					 * of the previous round's page apart */
	unsigned long sites_caller_owned;
	unsigned long functions_given_up;
	unsigned long functions_ignored;
	unsigned long sites_source_told;	/* of those, checked where a
					 * test of their source told */
	unsigned long sites_recorded;		/* of those, checked by the
						 * record of their kind */
	unsigned long sites_unsure_callers;	/* of those, unchecked: the
						 * iterator is the caller's */
	unsigned long sites_unsure_from[PB_FROM_POINTER + 1];	/* of
				 * those, where the caller's come from */
	unsigned long sites_unsure_other;	/* of those, unchecked for
						 * another reason */
	unsigned long sites_conditional;	/* may take no reference: no
					 * leak check */
	unsigned long sites_owned_count_told;	/* caller-owned, unchecked:
						 * the caller told the count */
	unsigned long sites_owned_unchecked;	/* caller-owned, unchecked */
	unsigned long sites_owned_by_field;	/* caller-owned: a struct's field */
	unsigned long sites_owned_summarised;	/* caller-owned: an acquire
						 * summary, checked at callers */
	unsigned long sites_owned_at_errors;	/* caller-owned: a parameter's
						 * memory, checked at the
						 * function's error returns */
	unsigned long summaries;	/* the file's functions summarised */
	unsigned long fields_judged;	/* page fields of one known kind */
	unsigned long fields_unjudged;	/* both kinds, or unknown pages */
	unsigned long findings[PB_NFINDING_KINDS];
	unsigned long handed[PB_NHANDED];	/* sites, per reason */
};
extern struct pb_stats pb_stats;

/* ------------------------------------------------------------- API */

/* -fplugin-arg-pinbalance-rules=FILE may be given this many times. */
#define PB_MAX_RULE_FILES 16

bool pb_api_add_rule_file(const char *path, bool only);
void pb_api_init(void);
const struct pb_rule *pb_api_lookup(tree fndecl);
const struct pb_rule *pb_api_release_named(const char *name);
bool pb_api_free_takes_address(const struct pb_rule *rule, tree type);
const struct pb_rule *pb_api_suggest_release(enum pb_ref_kind kind,
					     bool folio, bool single);
bool pb_api_is_alloc(tree fndecl);
bool pb_api_arg_read_only(gcall *call, unsigned int i);
bool pb_param_unused(function *fun, tree parm);
function *pb_callee_body(gcall *call);
tree pb_callee_param(gcall *call, unsigned int i);
bool pb_api_field_name(tree field, char *buf, size_t len);
const struct pb_rule *pb_api_field_fact(tree field);
bool pb_api_makes_err_ptr(tree fndecl);
bool pb_api_ignored(tree fndecl);
enum tree_code pb_api_test_code(const struct pb_rule *rule);
const struct pb_rule *pb_api_source_rule(gimple *call, enum pb_role role,
					 tree *source);
/* Sets of iterator types, a bit for each type the rules name */
/* every type the rules do not name */
#define PB_ITER_OTHER	(1u << 31)
#define PB_ITER_ALL	(~0u)
unsigned int pb_api_iter_types(const struct pb_rule *rule);
unsigned int pb_api_iter_named(tree ident);
unsigned int pb_api_iter_held(void);
bool pb_api_warns(gimple *stmt);
void pb_api_print_ignored(void);
unsigned int pb_api_nrules(void);
bool pb_api_add_summary(tree fndecl, const char *text);
const struct pb_rule *pb_api_next_case(const struct pb_rule *rule, tree fndecl);
bool pb_api_is_case(const struct pb_rule *rule);
bool pb_api_has_rule(tree fndecl);
const struct pb_rule *pb_api_fact(size_t i);
bool pb_api_passed_by_pointer(const char *name, int arg);
tree pb_api_field_decl(const struct pb_rule *rule, tree ptr_type);
tree pb_api_count_field_decl(const struct pb_rule *rule, tree ptr_type);

/* ------------------------------------------------------ a function */

/* The most pin sites tracked in one function; more are counted unknown. */
#define PB_MAX_SITES 32
/* fills of scatterlists that only map the pages, per function */
#define PB_MAX_LENT 16
/* Branches on invariant values remembered per site, for correlation. */
#define PB_MAX_GUARDS 4

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

/* A call that takes page references. */
struct pb_site {
	gimple *call;
	const struct pb_rule *rule;
	struct pb_val container;	/* pointer to the pages array */
	tree ret;			/* SSA name of the result, if any */
	tree req;			/* requested count, copies stripped */
	bool single;			/* the container holds one page */
	tree carried;			/* the PHI at a loop's head that carries
					 * the page to the next round, whose
					 * release in the loop drops the
					 * previous round's page (NULL_TREE) */
	bool caller_owned;		/* reachable from outside: no leak check */
	bool in_callers_memory;	/* a parameter's array, or one stored into
				 * a parameter's struct before the call */
	bool summarised;		/* an acquire summary: its callers check */
	bool count_told;		/* its count stored for the caller */
	bool checked_at_errors;		/* caller-owned, checked at the
					 * function's error returns */
	tree file_var;			/* the file's static variable the
					 * array was stored into before the
					 * call: its owner (pb_fields.c) */
	bool conditional;		/* may take no reference: kind unsure */
	tree source;			/* 'source=argN': the iterator whose
					 * kind, where a test of it tells,
					 * makes the kind certain (class ZERO:
					 * it took none) */
	unsigned int source_types;	/* the iterator types the callers
					 * pass as the source (PB_ITER_ALL:
					 * any) */
	bool source_told;		/* a check found the kind told */
	bool recorded;			/* a record of its kind is kept (a
					 * bio's BIO_PAGE_PINNED flag): its
					 * rule says the call keeps it, or its
					 * pages reach a 'kind=any' release,
					 * which reads it.  Checked as taken
					 * wherever it took pages */
	const struct pb_rule *record_release;	/* the 'kind=any' release
					 * its pages reach, which made it
					 * recorded: the one to suggest */
	bool record_stored;		/* recorded by the function itself,
					 * a test of the source stored in a
					 * field: see
					 * pb_source_recorded_by_store() */
	tree flag;			/* 'held-if=*argN': the cell whose
					 * address the call was given; the
					 * pages are held where it is not 0 */
	tree total;			/* the loop's running total of its
					 * returns, which indexes its array
					 * ('pages + i', 'i += nr'), or NULL */
	unsigned int classes;		/* classes possible at the call */
	edge guards[PB_MAX_GUARDS];	/* branches on parameters it needs */
	int nguards;
};

/* A release of pages that a struct's field keeps for the function a
 * put of the struct calls with its last reference. */
struct pb_kept {
	gcall *release;
	const struct pb_rule *rule;
	gimple *store;			/* 'req->page_list = page_list' */
	gcall *put;			/* 'kref_put(&req->refcount, ...)' */
};

/*
 * What every file shares about the function being checked: the function
 * and its sites.  Each file keeps its own tables behind a pointer of its
 * own type, defined in that file.
 */
struct pb_fn {
	function *fun;
	struct pb_site sites[PB_MAX_SITES];
	int nsites;
	int untracked_sites;
	struct pb_values *values;	/* pb_value.c */
	struct pb_returns *returns;	/* pb_sites.c */
	struct pb_flow *flow;		/* pb_solve.c */
	struct pb_summary_obs *summary;	/* pb_summary.c */
	unsigned int handed[PB_NHANDED];	/* sites handed over, per
						 * reason (pb_sm.c) */
	gcall *handed_to[PB_MAX_SITES];	/* the first call without a rule
					 * or summary given a site's held
					 * pages, for the census (pb_sm.c) */
	gimple *kept_by[PB_MAX_SITES];	/* the owner that took a get site's
					 * pages first (pb_sm.c) */
	gimple *requested_stored[PB_MAX_SITES];	/* the first store of a
					 * site's requested count into a
					 * struct's field where fewer pages
					 * may have been taken (pb_sm.c) */
	unsigned int partial_returned;	/* sites whose partial pin some
					 * return leaves held (pb_sm.c) */
	struct pb_kept kept[PB_MAX_SITES];	/* the first release of a
					 * site's pages that a struct keeps for
					 * the function its put calls
					 * (pb_checks.c) */
	gcall *lent[PB_MAX_LENT];	/* fills of a scatterlist that only
					 * maps the pages: uses, not hand-overs
					 * (pb_sg.c, read by pb_sm.c) */
	int nlent;
};

/* ---------------------------------------------------------- values */

/* A store of a pointer into memory. */
struct pb_store {
	gimple *stmt;
	tree dest;
	struct pb_val val;
};

void pb_value_init(struct pb_fn *fn);
void pb_value_fini(struct pb_fn *fn);
struct pb_val pb_value_of(struct pb_fn *fn, tree op);
bool pb_value_certain(struct pb_fn *fn, tree op);
tree pb_loaded_ref(tree op);
bool pb_store_of_nothing(gimple *stmt);
bool pb_stmt_dominates(gimple *a, gimple *b);
bool pb_stmt_reaches(function *fun, gimple *from, gimple *to);
edge pb_edge_towards(basic_block up, basic_block bb);
struct pb_val pb_value_of_addr(struct pb_fn *fn, tree ref);
struct pb_val pb_value_deref(struct pb_fn *fn, tree op);
int pb_type_page_levels(tree type, bool *folio);
tree pb_union_arg_pointer(gimple *call, tree op);
tree pb_call_pages_arg(gcall *call, const struct pb_rule *rule);
struct pb_val pb_call_pages_val(struct pb_fn *fn, gcall *call,
				const struct pb_rule *rule);
int pb_value_nstores(struct pb_fn *fn);
const struct pb_store *pb_value_store(struct pb_fn *fn, int i);
bool pb_key_equal(struct pb_fn *fn, tree a, tree b);
tree pb_strip_copies(tree op);
bool pb_same_count(tree a, tree b);
bool pb_value_element(struct pb_fn *fn, tree op, struct pb_val *array,
		      tree *index);
bool pb_value_element_passed(struct pb_fn *fn, gcall *call, tree arg,
			     struct pb_val *array, tree *index);
bool pb_same_cell(tree a, tree b);
bool pb_same_cell_in(struct pb_fn *fn, tree ref, tree cell);
tree pb_call_count_cell(gcall *call, const struct pb_rule *rule);
bool pb_cell_written_between(struct pb_fn *fn, tree cell, gimple *from,
			     gimple *to, gimple *skip);
bool pb_cell_kept_between(struct pb_fn *fn, tree cell, gimple *from,
			  gimple *to);
bool pb_points_into_struct_of(struct pb_fn *fn, tree op, tree cell);
bool pb_key_is_local(struct pb_fn *fn, tree key);
tree pb_alloc_capacity(tree key);
bool pb_key_of_parameter(struct pb_fn *fn, tree key);
tree pb_key_base_decl(tree key);
const char *pb_key_name(tree key);

/* ----------------------------------------------------------- sites */

bool pb_function_acquires(function *fun);
void pb_sites_init(struct pb_fn *fn);
void pb_sites_fini(struct pb_fn *fn);
int pb_param_index(function *fun, tree key);
tree pb_param_decl(function *fun, int p);
int pb_param_number(tree fndecl, tree parm);
tree pb_address_given(tree op);
int pb_param_page_levels(function *fun, int p, bool *folio);
bool pb_points_to_page_array_field(tree type);
bool pb_returns_page_array(function *fun);
bool pb_ref_based_on(tree ref, tree name);
bool pb_operand_mentions(tree op, tree name);
int pb_site_count_param(struct pb_fn *fn, int site);
bool pb_site_checked_at_errors(struct pb_fn *fn, int site);
bool pb_site_kind_unsure(struct pb_site *s, pb_word w);
void pb_sites_note_counts_told(struct pb_fn *fn);
void pb_sites_collect(struct pb_fn *fn);
void pb_sites_note_ret_copies(struct pb_fn *fn);
bool pb_call_fits_rule(gcall *call, const struct pb_rule *rule);
bool pb_is_file_variable(tree decl);
int pb_site_of_call(struct pb_fn *fn, gimple *call);
bool pb_sites_releases_carried(const struct pb_site *s, gcall *call,
			       const struct pb_rule *rule);
int pb_ret_site(struct pb_fn *fn, tree op);
unsigned int pb_ret_sites(struct pb_fn *fn, tree op, int depth);

/* ---------------------------------------------------------- guards */

void pb_guards_collect(struct pb_site *site);
bool pb_guards_contradict(const struct pb_site *site, edge e);
const struct pb_rule *pb_guards_pick_case(const struct pb_site *site,
					  gcall *call, const struct pb_rule *rule);

/* -------------------------------------------------------- handover */

unsigned int pb_handover_operand_sites(struct pb_fn *fn, tree op);
unsigned int pb_handover_argument_sites(struct pb_fn *fn, tree op);
gcall *pb_handover_tested_call(basic_block bb);
bool pb_handover_waits(gcall *call);
bool pb_handover_edge_says_failed(gcall *call, edge e, enum tree_code code);
unsigned int pb_handover_call_sites(struct pb_fn *fn, gcall *call);
unsigned int pb_handover_put_sites(struct pb_fn *fn, gcall *put,
				   const struct pb_rule *rule);
unsigned int pb_handover_store_sites(struct pb_fn *fn, gimple *stmt);
bool pb_handover_store_to_caller(struct pb_fn *fn, gimple *stmt);
bool pb_handover_array_in(struct pb_fn *fn, int site, struct pb_val obj);

/* ------------------------------------------------------ conditions */

/*
 * What leaving an edge says about each site, one byte per site then a
 * summary byte: the classes its branch keeps (PB_FACT_REFINES if it tells
 * anything), PB_FACT_OWNER if it sees the owner of the pages (and
 * PB_FACT_OWNER_RULE if that is a call with an owner rule, on its
 * success), PB_FACT_CONTRADICTS if it contradicts a guard of the site.  The summary
 * is PB_ROW_DEAD if no path takes the edge, PB_ROW_BRANCH if it leaves a
 * branch (else no site is concerned).
 */
#define PB_FACT_OWNER_RULE	0x80u
#define PB_FACT_REFINES		0x40u
#define PB_FACT_OWNER		0x20u
#define PB_FACT_CONTRADICTS	0x10u
#define PB_ROW_DEAD		0x01u
#define PB_ROW_BRANCH		0x02u

tree pb_operand_on_edge(tree op, edge via);
void pb_cond_fill_row(struct pb_fn *fn, edge e, edge via, unsigned char *row);
void pb_cond_note_sources(struct pb_fn *fn);
bool pb_cond_value_fails(struct pb_fn *fn, tree val, edge e);
bool pb_cond_edge_says_call_failed(edge e);
bool pb_cond_row_refines(struct pb_fn *fn, const unsigned char *row, int site,
			 unsigned int *kept);

/* pb_source.c */
const struct pb_rule *pb_source_test_of(const struct pb_site *s, tree op);
unsigned int pb_source_types_classes(unsigned int types);
unsigned int pb_source_compared(const struct pb_site *s, tree op,
				 enum tree_code code, tree rhs);
unsigned int pb_source_edge_classes(const struct pb_site *s, edge e);
unsigned int pb_source_callers_types(const struct pb_site *s);
unsigned int pb_source_made_in(const struct pb_site *s, basic_block bb,
			       gimple *stop);
enum pb_source_from pb_source_from(const struct pb_site *s);

/* Callers up the unit a walk from an iterator parameter may ask. */
#define PB_CALLERS_DEPTH	3

/* An end of the walk up the callers from an iterator parameter: FNDECL's
 * parameter NUMBER (0: FNDECL made the iterator), and why it ends there. */
struct pb_param_end {
	tree fndecl;
	int number;
	enum pb_source_from from;
};
typedef void (*pb_param_end_fn)(const struct pb_param_end *end, void *data);
void pb_source_arg_ends(tree fndecl, tree arg, int depth,
			pb_param_end_fn report, void *data);
bool pb_source_site_ends(const struct pb_site *s, pb_param_end_fn report,
			 void *data);
symtab_node *pb_source_address_taker(cgraph_node *node);
bool pb_source_recorded_by_store(const struct pb_site *s);

/* -------------------------------------------------------- findings */

/* What a check found. */
struct pb_finding {
	enum pb_finding_kind kind;
	int site;
	gimple *stmt;		/* where it happens (the return for a leak) */
	basic_block bb;
	edge exit_edge;		/* for a leak at return: the edge taken */
	const struct pb_rule *release;	/* the release involved */
	unsigned int facet_class;	/* a class the bad path is in */
	gimple *first;		/* the first release its path passes, when
				 * the state does not say which: an owner
				 * that consumed the element */
};

struct pb_emission;

/* A kind of finding. */
struct pb_finding_desc {
	const char *name;	/* tags its warnings; turned off by no-NAME */
	int cwe;
	enum pb_hold hold;	/* the hold of the facet its path is traced by */
	bool once_per_site;	/* a site reports one such finding */
	bool part_fallback;	/* its pages may have been partly released */
	bool handed_fallback;	/* or handed over first: they keep their
				 * kind and count */
	bool at_exit;		/* shown at the return its path took */
	void (*emit)(const struct pb_emission *em);
	void (*final_event)(simple_diagnostic_path *path, struct pb_fn *fn,
			    const struct pb_finding *f, location_t loc,
			    diagnostic_event_id_t *acq);
};

const struct pb_finding_desc *pb_finding_desc(enum pb_finding_kind kind);
bool pb_findings_turn_off(const char *name);
const char *pb_findings_names(void);
void pb_findings_reset(void);
void pb_findings_add(struct pb_fn *fn, const struct pb_finding *f);
int pb_findings_count(void);
const struct pb_finding *pb_findings_get(int i);
void pb_finding_emit(struct pb_fn *fn, const struct pb_finding *f,
		     rich_location *richloc);
bool pb_findings_reported_at(location_t loc);
void pb_finding_emit_conversion(struct pb_fn *fn, int site);
void pb_finding_emit_field(rich_location *richloc,
			   const struct pb_rule *acquire,
			   const struct pb_rule *release);
void pb_finding_emit_field_overcount(rich_location *richloc,
				     const struct pb_rule *acquire,
				     const struct pb_rule *release,
				     const char *count_field);
void pb_finding_emit_field_double(rich_location *richloc,
				  const struct pb_rule *acquire,
				  const char *field, const char *put_fn);

/* -------------------------------------------------------- summaries */

bool pb_summary_wanted(function *fun);
/* shared by pb_summary.c and pb_wrappers.c */
const char *pb_summary_field_name(tree field);
int pb_param_field(function *fun, struct pb_val v, tree *field);
bool pb_returns_no_page(tree retval);
bool pb_nonpositive_const(tree retval);
void pb_summarize_allocator(function *fun);
void pb_summarize_helper(struct pb_fn *fn);

/* pb_replace.c, pb_insert.c: summaries pb_summarize_helper() tries */
bool pb_summarize_replace(struct pb_fn *fn);
bool pb_summarize_inserted(struct pb_fn *fn);

/* pb_borrow.c: the borrow walk */
struct pb_fill_walk;
/* What a walk notes instead of letting the pages go: a release or free
 * met, a store met (a helper replacing its caller's array) */
struct pb_borrow_notes {
	bool (*release)(void *ctx, gcall *call, const struct pb_rule *rule);
	bool (*copy)(void *ctx, gassign *stmt);
	void *ctx;
};
bool pb_borrow_lets_go(tree name, const struct pb_borrow_notes *notes);
bool pb_struct_escapes(tree name, bool freeing);
int pb_borrowed_param(function *fun, struct pb_fill_walk *fill);
bool pb_summarize_borrow(struct pb_fn *fn);
void pb_summary_begin(struct pb_fn *fn);
void pb_summary_note_return(struct pb_fn *fn, greturn *ret, edge via,
			    const pb_word *w);
void pb_summary_finish(struct pb_fn *fn);
void pb_summary_end(struct pb_fn *fn);

/* ---------------------------------------------------------- checks */

void pb_check_release(struct pb_fn *fn, gcall *call, const struct pb_rule *rule,
		      int site, bool whole, pb_word w);
void pb_check_free(struct pb_fn *fn, gcall *call, int site, pb_word w);
tree pb_put_release_fn(gcall *put);
void pb_check_return(struct pb_fn *fn, gimple *ret, edge via, const pb_word *w);

/* --------------------------------------------------- state machine */

void pb_sm_entry(struct pb_fn *fn, pb_word *w);
void pb_sm_transfer(struct pb_fn *fn, gimple *stmt, edge via, pb_word *w,
		    bool check);
void pb_sm_back_edge(struct pb_fn *fn, pb_word *w, const pb_word *entry);
void pb_sm_edge_row(struct pb_fn *fn, edge e, edge via, unsigned char *row);
bool pb_sm_on_edge(struct pb_fn *fn, const unsigned char *row, pb_word *w);

/* ---------------------------------------------------------- engine */

void pb_solve_prepare(struct pb_fn *fn);
void pb_solve_alloc(struct pb_fn *fn);
bool pb_solve(struct pb_fn *fn);
void pb_solve_walk(struct pb_fn *fn);
void pb_solve_fini(struct pb_fn *fn);
bool pb_solve_edge_reached(struct pb_fn *fn, edge e);
const pb_word *pb_solve_edge_words(struct pb_fn *fn, edge e);
const unsigned char *pb_solve_edge_row(struct pb_fn *fn, edge e, edge via,
				       unsigned char *room);
gimple *pb_solve_generator(struct pb_fn *fn, basic_block bb, edge via,
			   gimple *stop, int site, pb_word facet);

/* ----------------------------------------------------- diagnostics */

/* pb_database.c */
bool pb_database_open(const char *path);
void pb_database_note_at(const char *rule, location_t loc);
void pb_database_note(tree fndecl, const char *rule);
void pb_database_finish(void);
void pb_database_note_pointers(void);
void pb_database_note_passes(function *fun);
void pb_database_ask(const struct pb_site *s);
const char *pb_summary_fn_name(function *fun);
bool pb_summary_add(function *fun, const char *line);

/* pb_fixit.c */
void pb_fixit_release(rich_location *richloc, struct pb_fn *fn,
		      const struct pb_finding *f);
const char *pb_fixit_none_reason(const struct pb_finding *f);
void pb_fixit_rename(rich_location *richloc, location_t call_loc,
		     const struct pb_rule *acquire, const struct pb_rule *rel,
		     int nargs);

void pb_diag_report(struct pb_fn *fn);
void pb_diag_report_field_db(tree field, const struct pb_rule *fact,
			     const struct pb_rule *release,
			     location_t release_loc, tree release_fn);
void pb_diag_report_field(tree field, const struct pb_rule *acquire,
			  location_t acquire_loc, tree acquire_fn,
			  const struct pb_rule *release, location_t release_loc,
			  tree release_fn);
void pb_diag_report_entry(const struct pb_rule *acquire, gimple *acquire_stmt,
			  gimple *fill, const struct pb_rule *release,
			  gimple *release_stmt);
void pb_diag_report_field_overcount(tree field, tree count_field,
				    const struct pb_rule *acquire,
				    location_t acquire_loc, tree acquire_fn,
				    location_t store_loc,
				    const struct pb_rule *release,
				    location_t release_loc, tree release_fn);
void pb_diag_report_field_double(tree field, const struct pb_rule *acquire,
				 location_t acquire_loc, location_t store_loc,
				 const struct pb_rule *release,
				 location_t release_loc,
				 const struct pb_rule *put, location_t put_loc,
				 tree fn, const struct pb_rule *again,
				 location_t again_loc, tree again_fn);

/* ---------------------------------------------------------- fields */

void pb_fields_scan(function *fun);
void pb_fields_note_counts(struct pb_fn *fn);
void pb_fields_note_file_vars(struct pb_fn *fn);
void pb_fields_note_kept(struct pb_fn *fn);
void pb_fields_report(void);

/* ----------------------------------------------------- scatterlists */

void pb_sg_note_lent(struct pb_fn *fn);
void pb_sg_check(function *fun);

/* ---------------------------------------------------------- census */

bool pb_census_open(const char *path);
bool pb_census_wanted(void);
void pb_census_untracked(function *fun, gcall *call,
			 const struct pb_rule *rule, const char *why);
void pb_census_sites(struct pb_fn *fn, bool given_up);
void pb_census_releases(struct pb_fn *fn);

/* -------------------------------------------------------- analysis */

unsigned int pb_analyze_function(function *fun);

#endif /* PINBALANCE_H */
