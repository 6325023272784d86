// SPDX-License-Identifier: GPL-2.0
/*
 * pb_api.c - the API model: what each known kernel function does to pages.
 *
 * The model is data: rules read by pb_rules.c from rules/linux.rules
 * (compiled in as the default) and from -fplugin-arg-pinbalance-rules=FILE.
 * Everything else in the plugin asks this file "what does a call to FNDECL
 * do", so no C file names a kernel function.  A rule is compared with the
 * function's prototype the first time it matches: a rule that cannot fit
 * (argument out of range, not a pointer where pages are expected) gets one
 * warning and is ignored, since trusting it would misread every call.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* rules/linux.rules as a C string, made by the Makefile. */
static const char pb_linux_rules[] =
#include "pb_linux_rules.inc"
	;

static struct pb_rule_set pb_rules;

/* Identifier -> rule, so a call to an unrelated function costs a hash. */
struct pb_rule_entry {
	tree ident;
	struct pb_rule *rule;
};

static struct pb_rule_entry *pb_rule_entries;
static htab_t pb_rule_by_ident;

static hashval_t pb_rule_entry_hash(const void *p)
{
	return htab_hash_pointer(((const struct pb_rule_entry *)p)->ident);
}

static int pb_rule_entry_eq(const void *p, const void *ident)
{
	return ((const struct pb_rule_entry *)p)->ident == (const_tree)ident;
}

struct pb_rule_files {
	const char *files[PB_MAX_RULE_FILES];
	int nfiles;
	bool builtin;
};

static struct pb_rule_files pb_rule_files = { { NULL }, 0, true };

/* -fplugin-arg-pinbalance-rules=FILE and rules-only=FILE. */
bool pb_api_add_rule_file(const char *path, bool only)
{
	if (pb_rule_files.nfiles == PB_MAX_RULE_FILES)
		return false;
	pb_rule_files.files[pb_rule_files.nfiles++] = path;
	if (only)
		pb_rule_files.builtin = false;
	return true;
}

/* Print a rules error as GCC prints a diagnostic against a source line. */
static void pb_rules_report(void *ctx, const char *file, int line, int column,
			    const char *message)
{
	bool color = pp_show_color(global_dc->printer);

	(void)ctx;
	fnotice(stderr, "%s%s:%d:%d:%s %serror:%s %s\n",
		color ? "\33[01m\33[K" : "", file, line, column,
		color ? "\33[m\33[K" : "",
		color ? "\33[01;31m\33[K" : "",
		color ? "\33[m\33[K" : "", message);
}

static void pb_api_index(void)
{
	size_t i;

	pb_rule_entries = XCNEWVEC(struct pb_rule_entry, pb_rules.nrules + 1);
	pb_rule_by_ident = htab_create(2 * pb_rules.nrules + 1,
				       pb_rule_entry_hash, pb_rule_entry_eq,
				       NULL);
	for (i = 0; i < pb_rules.nrules; i++) {
		struct pb_rule_entry *entry = &pb_rule_entries[i];

		void **slot;

		entry->ident = get_identifier(pb_rules.rules[i].name);
		entry->rule = &pb_rules.rules[i];
		slot = htab_find_slot_with_hash(pb_rule_by_ident, entry->ident,
						htab_hash_pointer(entry->ident),
						INSERT);
		/* a function's first rule: its further cases follow it */
		if (!*slot)
			*slot = entry;
	}
}

/* ----------------------------------------------------- iterator types */

/*
 * The iterator types the rules name ('iter=ITER_UBUF,ITER_IOVEC'), one
 * bit each in a set of types; PB_ITER_OTHER stands for every type they do
 * not name.  The held types are those of the 'means=held' and
 * 'means=held-if-true' rules: a conditional acquire pins an iterator of
 * one of them and takes no reference on one of any other.
 */
#define PB_ITER_MAX	31
static tree pb_iter_names[PB_ITER_MAX];
static int pb_niter_names;
static unsigned int pb_iter_held;

/* The bit of the type named IDENT; ADD: give a new name a bit. */
static unsigned int pb_iter_bit(tree ident, bool add)
{
	int i;

	for (i = 0; i < pb_niter_names; i++)
		if (pb_iter_names[i] == ident)
			return 1u << i;
	if (!add || pb_niter_names == PB_ITER_MAX)
		return PB_ITER_OTHER;
	pb_iter_names[pb_niter_names] = ident;
	return 1u << pb_niter_names++;
}

static unsigned int pb_iter_list(const char *list, bool add)
{
	unsigned int types = 0;
	const char *p = list, *comma;

	while (p && *p) {
		comma = strchr(p, ',');
		types |= pb_iter_bit(get_identifier_with_length(p, comma ?
						(size_t)(comma - p) :
						strlen(p)), add);
		p = comma ? comma + 1 : NULL;
	}
	return types;
}

static void pb_api_index_iter_types(void)
{
	size_t i;

	for (i = 0; i < pb_rules.nrules; i++) {
		const struct pb_rule *rule = &pb_rules.rules[i];
		unsigned int types = pb_iter_list(rule->iter, true);

		if (rule->test == PB_TEST_HELD ||
		    rule->test == PB_TEST_HELD_IF_TRUE)
			pb_iter_held |= types;
	}
}

/* The types of RULE's 'iter=', PB_ITER_ALL without one. */
unsigned int pb_api_iter_types(const struct pb_rule *rule)
{
	return rule->iter ? pb_iter_list(rule->iter, false) : PB_ITER_ALL;
}

/* The type an enumerator named IDENT is ('ITER_KVEC'). */
unsigned int pb_api_iter_named(tree ident)
{
	return pb_iter_bit(ident, false);
}

/* The types on which the conditional acquires take references; 0 if
 * the rules name none. */
unsigned int pb_api_iter_held(void)
{
	return pb_iter_held;
}

/*
 * Load the rules; a file with any error stops the compile, since running
 * with part of the model would report (or hide) the wrong things.
 */
void pb_api_init(void)
{
	int i, errors = 0;

	pb_rule_set_init(&pb_rules);
	if (pb_rule_files.builtin)
		errors += pb_rules_parse(&pb_rules, "linux.rules",
					 pb_linux_rules,
					 sizeof(pb_linux_rules) - 1,
					 pb_rules_report, NULL);
	for (i = 0; i < pb_rule_files.nfiles; i++)
		errors += pb_rules_load(&pb_rules, pb_rule_files.files[i],
					pb_rules_report, NULL);
	if (errors)
		fatal_error(UNKNOWN_LOCATION,
			    "pinbalance: cannot load the rules (%d %s)",
			    errors, errors == 1 ? "error" : "errors");
	/* a database's rules are summaries of functions of other files */
	for (i = 0; i < (int)pb_rules.nrules; i++)
		if (pb_rules.rules[i].defined_file)
			pb_rules.rules[i].summary = true;
	pb_api_index();
	pb_api_index_iter_types();
}

/* ---------------------------------------------------- prototype check */

/* The type of parameter N (1-based) of FNTYPE; NULL if it has none. */
static tree pb_param_type(tree fntype, int n, int *nparams)
{
	tree arg = TYPE_ARG_TYPES(fntype);
	tree found = NULL_TREE;
	int i = 0;

	for (; arg && TREE_VALUE(arg) != void_type_node; arg = TREE_CHAIN(arg)) {
		i++;
		if (i == n)
			found = TREE_VALUE(arg);
	}
	*nparams = i;
	return found;
}

/* A pointer, or a transparent union of pointers as release_pages() takes. */
static bool pb_pointer_like(tree type)
{
	if (POINTER_TYPE_P(type))
		return true;
	if (TREE_CODE(type) == UNION_TYPE && TYPE_TRANSPARENT_AGGR(type)) {
		tree field = TYPE_FIELDS(type);

		while (field && TREE_CODE(field) != FIELD_DECL)
			field = DECL_CHAIN(field);
		return field && POINTER_TYPE_P(TREE_TYPE(field));
	}
	return false;
}

/*
 * Does FUN, in SSA form, never use its parameter PARM: a register with no
 * value on entry (an addressable one lives in memory, used or not)?
 */
bool pb_param_unused(function *fun, tree parm)
{
	return !TREE_ADDRESSABLE(parm) && is_gimple_reg(parm) &&
	       !ssa_default_def(fun, parm);
}

/* The body CALL's callee has in this unit, already in SSA form (callees
 * come first), or NULL: a function of another file, or not yet read. */
function *pb_callee_body(gcall *call)
{
	tree fndecl = gimple_call_fndecl(call);
	function *callee = fndecl ? DECL_STRUCT_FUNCTION(fndecl) : NULL;

	if (!callee || !callee->cfg || !gimple_in_ssa_p(callee))
		return NULL;
	return callee;
}

/* The parameter of CALL's callee that its argument I (0-based) is, or
 * NULL_TREE (a variadic argument, or no declaration). */
tree pb_callee_param(gcall *call, unsigned int i)
{
	tree fndecl = gimple_call_fndecl(call);
	tree parm;

	if (!fndecl)
		return NULL_TREE;
	for (parm = DECL_ARGUMENTS(fndecl); parm && i; parm = DECL_CHAIN(parm))
		i--;
	return parm;
}

/*
 * Does the callee, a function of this unit whose body was already seen
 * (callees come first), never use its parameter I (0-based): a stub
 * empty on this architecture ('flush_cache_page()' on x86, given a pfn)?
 */
static bool pb_callee_ignores_arg(gcall *call, unsigned int i)
{
	function *callee = pb_callee_body(call);
	tree parm = pb_callee_param(call, i);

	return callee && parm && pb_param_unused(callee, parm);
}

/*
 * Does CALL leave its argument I (0-based) alone, or only read it: a
 * callee that ignores it (above), __builtin_constant_p(), or one that
 * declares it read only, a pointer whose innermost pointee is const, and
 * returns no pointer ('const struct folio *' of folio_size(),
 * 'const atomic_t *' of atomic_read(), 'const struct page *' of
 * dump_page())?  Such a callee cannot drop a reference on what it is
 * given: the pages stay the caller's.  'struct page *const *' is not
 * (the pages in the array are not const), nor 'const void *' (kfree()
 * and its kind take what they free as one), nor a variadic argument.
 */
bool pb_api_arg_read_only(gcall *call, unsigned int i)
{
	tree fntype = gimple_call_fntype(call);
	tree type;
	int nparams;

	if (gimple_call_builtin_p(call, BUILT_IN_CONSTANT_P) ||
	    pb_callee_ignores_arg(call, i))
		return true;
	/* what it returns may be the page, seen otherwise (a folio) */
	if (!fntype || i >= INT_MAX - 1 ||
	    POINTER_TYPE_P(TREE_TYPE(fntype)))
		return false;
	type = pb_param_type(fntype, (int)i + 1, &nparams);
	if (!type || !POINTER_TYPE_P(type))
		return false;
	while (POINTER_TYPE_P(type))
		type = TREE_TYPE(type);
	return TYPE_READONLY(type) && !VOID_TYPE_P(type);
}

/*
 * Does RULE, a free, take the buffer as TYPE, an address held in an
 * integer: free_pages(addr, order) frees what __get_free_pages() returned
 * as an unsigned long.
 */
bool pb_api_free_takes_address(const struct pb_rule *rule, tree type)
{
	return rule->role == PB_ROLE_FREE && INTEGRAL_TYPE_P(type) &&
	       TYPE_UNSIGNED(type) &&
	       TYPE_PRECISION(type) == TYPE_PRECISION(ptr_type_node);
}

/* Which argument must be a pointer for this rule, if any. */
static int pb_rule_pointer_arg(const struct pb_rule *rule)
{
	switch (rule->role) {
	case PB_ROLE_ACQUIRE:
	case PB_ROLE_RELEASE:
	case PB_ROLE_DERIVE:
	case PB_ROLE_BORROW:
	case PB_ROLE_FREE:
	case PB_ROLE_OWNER:
	case PB_ROLE_HOLD:
	case PB_ROLE_PUT:
		return rule->pages_arg;
	default:
		return PB_RULE_NO_ARG;
	}
}

/* The field named NAME of the struct PTR_TYPE points to; NULL_TREE. */
static tree pb_record_field(tree ptr_type, const char *name)
{
	tree record, field;

	if (!name[0] || !ptr_type || !POINTER_TYPE_P(ptr_type))
		return NULL_TREE;
	record = TREE_TYPE(ptr_type);
	if (TREE_CODE(record) != RECORD_TYPE && TREE_CODE(record) != UNION_TYPE)
		return NULL_TREE;
	for (field = TYPE_FIELDS(record); field; field = DECL_CHAIN(field))
		if (TREE_CODE(field) == FIELD_DECL && DECL_NAME(field) &&
		    !strcmp(IDENTIFIER_POINTER(DECL_NAME(field)), name))
			return field;
	return NULL_TREE;
}

/*
 * The field of 'pages=argN->field' in the struct PTR_TYPE points to: a
 * pointer (the array) or an array of pages; NULL_TREE if it has none.
 */
tree pb_api_field_decl(const struct pb_rule *rule, tree ptr_type)
{
	tree field = pb_record_field(ptr_type, rule->pages_field);

	return field && (POINTER_TYPE_P(TREE_TYPE(field)) ||
			 TREE_CODE(TREE_TYPE(field)) == ARRAY_TYPE) ?
		       field : NULL_TREE;
}

/* The integer field of 'count=argN->field' in the struct PTR_TYPE points
 * to; NULL_TREE if it has none. */
tree pb_api_count_field_decl(const struct pb_rule *rule, tree ptr_type)
{
	tree field = pb_record_field(ptr_type, rule->count_field);

	return field && INTEGRAL_TYPE_P(TREE_TYPE(field)) ? field : NULL_TREE;
}

/* Why RULE cannot describe FNDECL, or NULL if it can. */
static const char *pb_rule_misfit(const struct pb_rule *rule, tree fndecl,
				  int *bad_arg, int *nparams)
{
	tree fntype = TREE_TYPE(fndecl);
	int args[11] = { pb_rule_pointer_arg(rule), rule->count_arg,
			rule->when_arg, rule->count_out_arg, rule->flags_arg,
			rule->case_arg, rule->count_field_arg,
			rule->release_arg, rule->held_if_arg, rule->entry_arg,
			rule->source_arg };
	int i;

	if (!prototype_p(fntype))
		return NULL;
	pb_param_type(fntype, 0, nparams);
	for (i = 0; i < (int)ARRAY_SIZE(args); i++) {
		*bad_arg = args[i];
		if (args[i] > *nparams && !stdarg_p(fntype))
			return "argument out of range";
	}
	*bad_arg = pb_rule_pointer_arg(rule);
	if (*bad_arg == PB_RULE_RETURN && rule->role == PB_ROLE_ACQUIRE &&
	    !POINTER_TYPE_P(TREE_TYPE(fntype)))
		return "the result is not a pointer";
	if (*bad_arg >= 1) {
		tree type = pb_param_type(fntype, *bad_arg, nparams);

		if (type && !pb_pointer_like(type) &&
		    !pb_api_free_takes_address(rule, type))
			return "not a pointer";
		if (rule->count_out_arg > 0) {
			tree count = pb_param_type(fntype, rule->count_out_arg,
						   nparams);

			if (count && !POINTER_TYPE_P(count)) {
				*bad_arg = rule->count_out_arg;
				return "not a pointer";
			}
		}
		if (rule->held_if_arg > 0) {
			tree flag = pb_param_type(fntype, rule->held_if_arg,
						  nparams);

			if (flag && (!POINTER_TYPE_P(flag) ||
				     !INTEGRAL_TYPE_P(TREE_TYPE(flag)))) {
				*bad_arg = rule->held_if_arg;
				return "not a pointer to an integer";
			}
		}
		if (type && rule->pages_field[0] &&
		    !pb_api_field_decl(rule, type))
			return "no pointer field of that name in the struct "
			       "it points to";
	}
	*bad_arg = rule->count_field_arg;
	if (*bad_arg >= 1) {
		tree type = pb_param_type(fntype, *bad_arg, nparams);

		if (type && !pb_api_count_field_decl(rule, type))
			return "no integer field of that name in the struct "
			       "it points to";
	}
	/* 'entry=argN': the scatterlist entry, a pointer */
	*bad_arg = rule->entry_arg;
	if (*bad_arg >= 1) {
		tree type = pb_param_type(fntype, *bad_arg, nparams);

		if (type && !POINTER_TYPE_P(type))
			return "not a pointer";
	}
	return NULL;
}

/* Compare RULE with FNDECL's prototype once; false if it does not fit. */
static bool pb_rule_fits_decl(struct pb_rule *rule, tree fndecl)
{
	const char *why;
	int arg = 0, nparams = 0;

	if (rule->checked)
		return !rule->unfit;
	rule->checked = true;
	why = pb_rule_misfit(rule, fndecl, &arg, &nparams);
	if (!why)
		return true;
	rule->unfit = true;
	if (arg == PB_RULE_RETURN)
		warning_at(DECL_SOURCE_LOCATION(fndecl), 0,
			   "pinbalance: rule %s:%d for %qD does not fit its "
			   "declaration: %s; rule ignored",
			   rule->file, rule->line, fndecl, why);
	else
		warning_at(DECL_SOURCE_LOCATION(fndecl), 0,
			   "pinbalance: rule %s:%d for %qD does not fit its "
			   "declaration: argument %d: %s (it takes %d); rule "
			   "ignored", rule->file, rule->line, fndecl, arg, why,
			   nparams);
	return false;
}

/* ------------------------------------------------------------ lookups */

static struct pb_rule *pb_api_find(tree fndecl)
{
	const struct pb_rule_entry *found;
	tree ident;

	if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !pb_rule_by_ident)
		return NULL;
	ident = DECL_NAME(fndecl);
	if (!ident)
		return NULL;
	found = (const struct pb_rule_entry *)
		htab_find_with_hash(pb_rule_by_ident, ident,
				    htab_hash_pointer(ident));
	return found ? found->rule : NULL;
}

/* ---------------------------------------------------------- summaries */

/*
 * What the translation unit's own functions do to pages, as rules
 * (pb_summary.c writes them): a rule in the same language, parsed by the
 * same parser, found by the function's declaration.  A function the rules
 * name keeps its rule.  Each parsed rule is copied out of the set, whose
 * array may move as it grows, so that pointers to it stay valid.
 */
static struct pb_rule_set pb_summary_set;
static hash_map<tree, struct pb_rule *> *pb_summaries;

static void pb_summary_report(void *ctx, const char *file, int line,
			      int column, const char *message)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)column;
	/* a summary the parser refuses is a bug of the writer: dropped */
	if (pb_options.debug)
		fprintf(stderr, "pinbalance: summary refused: %s\n", message);
}

/*
 * Add TEXT, FNDECL's rule (or the lines of its release cases, each a
 * 'release' with 'when='); false if the parser refuses it.  The cases are
 * copied together, so that each finds the next one as in the set.
 */
bool pb_api_add_summary(tree fndecl, const char *text)
{
	size_t before = pb_summary_set.nrules, n, i;
	struct pb_rule *rules;

	if (!pb_summary_set.by_name)
		pb_rule_set_init(&pb_summary_set);
	if (!pb_summaries)
		pb_summaries = new hash_map<tree, struct pb_rule *>;
	if (pb_rules_parse(&pb_summary_set, "summary", text, strlen(text),
			   pb_summary_report, NULL) ||
	    pb_summary_set.nrules == before ||
	    pb_rule_set_find(&pb_summary_set,
			     pb_summary_set.rules[before].name) !=
	    &pb_summary_set.rules[before])
		return false;
	n = pb_summary_set.nrules - before;
	rules = XNEWVEC(struct pb_rule, n);
	for (i = 0; i < n; i++) {
		rules[i] = pb_summary_set.rules[before + i];
		rules[i].file = main_input_filename ? main_input_filename
						    : "summary";
		rules[i].line = LOCATION_LINE(DECL_SOURCE_LOCATION(fndecl));
		rules[i].summary = true;
		if (i + (size_t)rules[i].case_next >= n)
			rules[i].case_next = 0;
	}
	pb_summaries->put(fndecl, rules);
	return true;
}

/*
 * Does FNDECL have a rule of the rules files (not a summary, nor a
 * database's rule: the unit that defines the function summarizes it again,
 * so that a database made again from its units stays whole)?
 */
bool pb_api_has_rule(tree fndecl)
{
	const struct pb_rule *rule = pb_api_find(fndecl);

	return rule && !rule->defined_file;
}

static struct pb_rule *pb_api_find_summary(tree fndecl)
{
	struct pb_rule **slot;

	if (!pb_summaries || !fndecl)
		return NULL;
	slot = pb_summaries->get(fndecl);
	return slot ? *slot : NULL;
}

const struct pb_rule *pb_api_lookup(tree fndecl)
{
	struct pb_rule *rule = pb_api_find(fndecl);

	/* the unit's own summary of its function before a database's */
	if (!rule || rule->defined_file) {
		struct pb_rule *own = pb_api_find_summary(fndecl);

		if (own)
			rule = own;
	}

	if (!rule || rule->role == PB_ROLE_IGNORE ||
	    !pb_rule_fits_decl(rule, fndecl))
		return NULL;
	/* a database's rule is of a function other files call: not of a
	 * static function of this unit that has the same name */
	if (rule->defined_file && !TREE_PUBLIC(fndecl))
		return NULL;
	return rule;
}

/* The release case after RULE of FNDECL's ('when='), that fits it; NULL. */
const struct pb_rule *pb_api_next_case(const struct pb_rule *rule, tree fndecl)
{
	struct pb_rule *next = (struct pb_rule *)rule;

	while (next->case_next) {
		next += next->case_next;
		if (pb_rule_fits_decl(next, fndecl))
			return next;
	}
	return NULL;
}

/* Is RULE a release under conditions on the call's arguments? */
bool pb_api_is_case(const struct pb_rule *rule)
{
	return rule->role == PB_ROLE_RELEASE &&
	       (rule->case_arg > 0 || rule->when_arg > 0);
}

/* Is the body of FNDECL excluded by an 'ignore' rule?  Counted. */
bool pb_api_ignored(tree fndecl)
{
	struct pb_rule *rule = pb_api_find(fndecl);

	if (!rule || rule->role != PB_ROLE_IGNORE)
		return false;
	rule->uses++;
	return true;
}

/* The release a message should recommend for pages of KIND. */
const struct pb_rule *pb_api_suggest_release(enum pb_ref_kind kind,
					     bool folio, bool single)
{
	size_t i;

	for (i = 0; i < pb_rules.nrules; i++) {
		const struct pb_rule *rule = &pb_rules.rules[i];

		if (rule->role != PB_ROLE_RELEASE || !rule->preferred ||
		    rule->unfit)
			continue;
		if (rule->kind != kind || rule->folio != folio)
			continue;
		if ((rule->shape == PB_SHAPE_PAGE) == single)
			return rule;
	}
	return NULL;
}

/* The release rule named NAME, for the fix-its that write one. */
const struct pb_rule *pb_api_release_named(const char *name)
{
	size_t i;

	for (i = 0; i < pb_rules.nrules; i++) {
		const struct pb_rule *rule = &pb_rules.rules[i];

		if (rule->role == PB_ROLE_RELEASE && !rule->unfit &&
		    !strcmp(rule->name, name))
			return rule;
	}
	return NULL;
}

/* The comparison with 0 that a test function's true result means;
 * ERROR_MARK for a test of a source's kind. */
enum tree_code pb_api_test_code(const struct pb_rule *rule)
{
	static const enum tree_code codes[] = {
		LT_EXPR, LE_EXPR, EQ_EXPR, NE_EXPR, GT_EXPR, GE_EXPR
	};

	if (rule->test >= (int)ARRAY_SIZE(codes))
		return ERROR_MARK;
	return codes[rule->test];
}

/*
 * The rule of CALL if it tells the kind of the iterator the acquires
 * given its argument as their source take references of, with that
 * argument in *SOURCE; NULL otherwise.  ROLE says how: PB_ROLE_TEST, a
 * test of it ('iov_iter_extract_will_pin(iter)'), or PB_ROLE_MAKES, what
 * made it ('iov_iter_kvec(&iter, ...)').
 */
const struct pb_rule *pb_api_source_rule(gimple *call, enum pb_role role,
					 tree *source)
{
	const struct pb_rule *rule;

	if (!is_gimple_call(call))
		return NULL;
	rule = pb_api_lookup(gimple_call_fndecl(call));
	if (!rule || rule->role != role ||
	    (role == PB_ROLE_TEST && rule->test < PB_TEST_HELD) ||
	    rule->pages_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
		return NULL;
	*source = gimple_call_arg(call, rule->pages_arg - 1);
	return rule;
}

/*
 * Does STMT say the kernel has a bug here: a call to a 'warn' function
 * (WARN()'s __warn_printk()), or the asm of an architecture's WARN_ON()
 * or BUG(), which records its place in the __bug_table section
 * (include/asm-generic/bug.h)?
 */
bool pb_api_warns(gimple *stmt)
{
	const struct pb_rule *rule;
	gasm *as = dyn_cast<gasm *>(stmt);

	if (as)
		return strstr(gimple_asm_string(as), "__bug_table") != NULL;
	if (!is_gimple_call(stmt))
		return false;
	rule = pb_api_lookup(gimple_call_fndecl(stmt));
	return rule && rule->role == PB_ROLE_WARN;
}

bool pb_api_makes_err_ptr(tree fndecl)
{
	const struct pb_rule *rule = pb_api_lookup(fndecl);

	return rule && rule->role == PB_ROLE_ERR_PTR;
}

/*
 * A buffer this function allocates is its own until stored elsewhere.
 * Besides the rules, trust GCC's malloc attribute: the kernel's allocators
 * (kmalloc_array_noprof and friends in 6.12) carry __malloc.
 */
bool pb_api_is_alloc(tree fndecl)
{
	const struct pb_rule *rule = pb_api_lookup(fndecl);

	if (rule)
		return rule->role == PB_ROLE_ALLOC;
	return fndecl && TREE_CODE(fndecl) == FUNCTION_DECL &&
	       DECL_IS_MALLOC(fndecl);
}

/*
 * 'vmci_ctx.notify_page' for FIELD, into BUF; false if its struct has no
 * tag or is not declared in a header, the only structs two files share.
 */
bool pb_api_field_name(tree field, char *buf, size_t len)
{
	tree record = DECL_CONTEXT(field), name;
	const char *file;
	int n;

	if (!record || TREE_CODE(record) != RECORD_TYPE || !DECL_NAME(field))
		return false;
	name = TYPE_NAME(record);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return false;
	file = LOCATION_FILE(DECL_SOURCE_LOCATION(field));
	if (!file || strlen(file) < 2 || strcmp(file + strlen(file) - 2, ".h"))
		return false;
	n = snprintf(buf, len, "%s.%s", IDENTIFIER_POINTER(name),
		     IDENTIFIER_POINTER(DECL_NAME(field)));
	return n > 0 && (size_t)n < len;
}

/* What a database says other files put into FIELD, or NULL. */
const struct pb_rule *pb_api_field_fact(tree field)
{
	const struct pb_rule_entry *found;
	char name[256];
	tree ident;

	if (!pb_rule_by_ident || !pb_api_field_name(field, name, sizeof(name)))
		return NULL;
	/* no rule has a name never interned: do not intern one per field */
	ident = maybe_get_identifier(name);
	if (!ident)
		return NULL;
	found = (const struct pb_rule_entry *)
		htab_find_with_hash(pb_rule_by_ident, ident,
				    htab_hash_pointer(ident));
	if (!found || found->rule->role != PB_ROLE_FIELD)
		return NULL;
	return found->rule;
}

/* For -fplugin-arg-pinbalance-stats: what the ignore rules silenced. */
void pb_api_print_ignored(void)
{
	size_t i;

	for (i = 0; i < pb_rules.nrules; i++) {
		const struct pb_rule *rule = &pb_rules.rules[i];

		if (rule->role == PB_ROLE_IGNORE)
			fnotice(stderr, "pinbalance: ignore rule %s:%d: '%s' "
				"not checked in %lu %s\n", rule->file,
				rule->line, rule->name, rule->uses,
				rule->uses == 1 ? "body" : "bodies");
	}
}

unsigned int pb_api_nrules(void)
{
	return (unsigned int)pb_rules.nrules;
}

/* ------------------------------------------- the callers across files */

/*
 * The database's 'asks' and 'passes' lines, in the order read.  A site
 * whose iterator is a parameter of a function other files call asks
 * where their iterators come from; each file that calls the function, or
 * takes its address, answers (pb_database.c).
 */
const struct pb_rule *pb_api_fact(size_t i)
{
	return i < pb_rules.nfacts ? &pb_rules.facts[i] : NULL;
}

/* Is FACT an answer about the iterators NAME is given as argument ARG? */
static bool pb_passes_to(const struct pb_rule *fact, const char *name,
			 int arg)
{
	return fact->role == PB_ROLE_PASSES && fact->pages_arg == arg &&
	       !strcmp(fact->name, name);
}

/*
 * Does a function pointer's caller give some of the iterators NAME is
 * given as argument ARG: does a file take its address, or that of a
 * function that passes its own parameter on to it, up the answers of the
 * database?  Each answer is followed once, so a cycle ends.
 */
bool pb_api_passed_by_pointer(const char *name, int arg)
{
	size_t n = pb_rules.nfacts, head = 0, tail = 0, i;
	size_t *queue;
	bool *seen, found = false;

	if (!n)
		return false;
	queue = XNEWVEC(size_t, n);
	seen = XCNEWVEC(bool, n);
	for (;;) {
		for (i = 0; i < n && !found; i++) {
			const struct pb_rule *f = &pb_rules.facts[i];

			if (seen[i] || !pb_passes_to(f, name, arg))
				continue;
			seen[i] = true;
			found = f->passed == PB_PASSED_POINTER;
			if (f->passed == PB_PASSED_PARAM)
				queue[tail++] = i;
		}
		if (found || head == tail)
			break;
		name = pb_rules.facts[queue[head]].from_fn;
		arg = pb_rules.facts[queue[head]].from_arg;
		head++;
	}
	XDELETEVEC(queue);
	XDELETEVEC(seen);
	return found;
}
