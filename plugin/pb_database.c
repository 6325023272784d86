// SPDX-License-Identifier: GPL-2.0
/*
 * pb_database.c - the translation unit's part of a summary database.
 *
 * -fplugin-arg-pinbalance-summaries-out=FILE appends to FILE the summaries
 * of the unit's functions that other files can call (not static, not
 * inline), as rules with the place of their definition:
 *
 *   release vbuf_put_pages kind=get pages=arg1 count=arg2 defined=drivers/media/vbuf.c:41
 *
 * Loaded with -fplugin-arg-pinbalance-rules=FILE (after merging the files
 * of many units: kernel-integration/merge-summaries.py), a call to such a
 * function from another file is checked as a call to the API is, and its
 * messages name the other file.  All the unit's lines go out in one
 * write() on a descriptor opened with O_APPEND at the end of the unit, so
 * that the compiles of a parallel build never interleave.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

static int pb_database_fd = -1;
static char *pb_database_text;
static size_t pb_database_len, pb_database_cap;
/* the arguments the database asks about, by function identifier */
static hash_map<tree, unsigned int> *pb_database_asked;

/* Open FILE for the unit's summaries; false (with errno) if it cannot be. */
bool pb_database_open(const char *path)
{
	pb_database_fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
	return pb_database_fd >= 0;
}

/* Can other files call FNDECL, so that its summary is theirs too? */
static bool pb_database_visible(tree fndecl)
{
	return TREE_PUBLIC(fndecl) && !DECL_DECLARED_INLINE_P(fndecl) &&
	       !DECL_EXTERNAL(fndecl) && DECL_NAME(fndecl);
}

static void pb_database_append(const char *text, size_t len)
{
	if (pb_database_len + len + 1 > pb_database_cap) {
		pb_database_cap = MAX(2 * pb_database_cap,
				      pb_database_len + len + 1024);
		pb_database_text = XRESIZEVEC(char, pb_database_text,
					      pb_database_cap);
	}
	memcpy(pb_database_text + pb_database_len, text, len);
	pb_database_len += len;
}

/* Keep RULE for the database, with LOC as its 'defined=' place. */
void pb_database_note_at(const char *rule, location_t loc)
{
	expanded_location x;
	char line[1024];
	int n;

	if (pb_database_fd < 0)
		return;
	x = expand_location(loc);
	if (!x.file || strpbrk(x.file, " \t\n:"))
		return;
	n = snprintf(line, sizeof(line), "%s defined=%s:%d\n", rule, x.file,
		     x.line);
	if (n > 0 && (size_t)n < sizeof(line))
		pb_database_append(line, n);
}

/* Keep RULE, FNDECL's summary, for the database, if it is wanted there. */
void pb_database_note(tree fndecl, const char *rule)
{
	if (pb_database_visible(fndecl))
		pb_database_note_at(rule, DECL_SOURCE_LOCATION(fndecl));
}

/* At the end of the unit: its lines, in one write. */
void pb_database_finish(void)
{
	if (pb_database_fd < 0)
		return;
	if (pb_database_len)
		(void)!write(pb_database_fd, pb_database_text, pb_database_len);
	close(pb_database_fd);
	pb_database_fd = -1;
	XDELETEVEC(pb_database_text);
	pb_database_text = NULL;
	pb_database_len = pb_database_cap = 0;
	delete pb_database_asked;
	pb_database_asked = NULL;
}

/* ---------------------------------- where callers' iterators come from */

/*
 * The database's questions: 'asks F value=argN', and each answer 'passes
 * F value=argN from=G:argM', which asks about G's parameter M in turn.
 * The arguments asked, one bit each, by function identifier; read once
 * per unit, before its first function.  A function nobody asks about
 * costs a hash.
 */
static void pb_database_ask_arg(const char *name, int arg)
{
	bool existed;
	unsigned int *args = &pb_database_asked->get_or_insert(
		get_identifier(name), &existed);

	if (!existed)
		*args = 0;
	*args |= 1u << arg;
}

/* The questions, read from the database's facts the first time. */
static hash_map<tree, unsigned int> *pb_database_questions(void)
{
	const struct pb_rule *f;
	size_t i;

	if (pb_database_asked)
		return pb_database_asked;
	pb_database_asked = new hash_map<tree, unsigned int>;
	for (i = 0; (f = pb_api_fact(i)); i++) {
		if (f->role == PB_ROLE_ASKS)
			pb_database_ask_arg(f->name, f->pages_arg);
		else if (f->passed == PB_PASSED_PARAM)
			pb_database_ask_arg(f->from_fn, f->from_arg);
	}
	return pb_database_asked;
}

/* The arguments of FNDECL, a function other files can define or call,
 * that the database asks about; 0 if none. */
static unsigned int pb_database_asked_args(tree fndecl)
{
	unsigned int *args;

	if (!TREE_PUBLIC(fndecl) || !DECL_NAME(fndecl))
		return 0;
	args = pb_database_questions()->get(DECL_NAME(fndecl));
	return args ? *args : 0;
}

/* An answer, 'passes F value=argN from=...', kept with PLACE. */
struct pb_answer {
	tree callee;
	int arg;
	location_t place;
};

static void pb_database_answer(const struct pb_param_end *end, void *data)
{
	const struct pb_answer *a = (const struct pb_answer *)data;
	char line[512], from[256];

	if (end->from == PB_FROM_POINTER)
		snprintf(from, sizeof(from), "pointer");
	else if (end->from == PB_FROM_FILES && DECL_NAME(end->fndecl) &&
		 end->number > 0)
		snprintf(from, sizeof(from), "%s:arg%d",
			 IDENTIFIER_POINTER(DECL_NAME(end->fndecl)),
			 end->number);
	else if (end->from == PB_FROM_UNIT && !end->number)
		snprintf(from, sizeof(from), "here");
	else	/* the walk went no further: no telling */
		return;
	snprintf(line, sizeof(line), "passes %s value=arg%d from=%s",
		 IDENTIFIER_POINTER(DECL_NAME(a->callee)), a->arg, from);
	pb_database_note_at(line, a->place);
}

/*
 * Functions asked about whose address the unit takes: a function pointer
 * may call them with anything.  Once per unit, as the interprocedural
 * passes start: every reference is in the call graph, the unit's
 * variables' initializers ('.sendmsg = tcp_sendmsg') too.
 */
void pb_database_note_pointers(void)
{
	cgraph_node *node;

	if (pb_database_fd < 0)
		return;
	FOR_EACH_FUNCTION(node) {
		unsigned int args = pb_database_asked_args(node->decl);
		struct pb_param_end end = { node->decl, 0, PB_FROM_POINTER };
		symtab_node *taker;
		struct pb_answer a;

		if (!args || !(taker = pb_source_address_taker(node)))
			continue;
		a.callee = node->decl;
		a.place = DECL_SOURCE_LOCATION(taker->decl);
		for (a.arg = 1; a.arg <= PB_RULE_MAX_ARG; a.arg++)
			if (args & (1u << a.arg))
				pb_database_answer(&end, &a);
	}
}

/*
 * The answers FUN's calls give: for each call of a function the database
 * asks about, where the iterator it passes comes from.
 */
void pb_database_note_passes(function *fun)
{
	cgraph_node *node;
	cgraph_edge *cs;

	if (pb_database_fd < 0 || pb_database_questions()->is_empty())
		return;
	node = cgraph_node::get(fun->decl);
	for (cs = node ? node->callees : NULL; cs; cs = cs->next_callee) {
		unsigned int args = pb_database_asked_args(cs->callee->decl);
		struct pb_answer a = { cs->callee->decl, 0,
				       DECL_SOURCE_LOCATION(fun->decl) };

		for (a.arg = 1; args && cs->call_stmt &&
		     a.arg <= (int)gimple_call_num_args(cs->call_stmt); a.arg++)
			if (args & (1u << a.arg))
				pb_source_arg_ends(fun->decl,
					gimple_call_arg(cs->call_stmt,
							a.arg - 1),
					PB_CALLERS_DEPTH, pb_database_answer,
					&a);
	}
}

static void pb_database_question(const struct pb_param_end *end, void *data)
{
	char line[512];

	(void)data;
	if (end->from != PB_FROM_FILES || !DECL_NAME(end->fndecl) ||
	    end->number <= 0)
		return;
	snprintf(line, sizeof(line), "asks %s value=arg%d",
		 IDENTIFIER_POINTER(DECL_NAME(end->fndecl)), end->number);
	pb_database_note_at(line, DECL_SOURCE_LOCATION(end->fndecl));
}

/*
 * SITE may take no reference, as the iterator its function's callers
 * pass says: ask the other files that call the functions up the way
 * (whose parameter it is) where theirs come from.
 */
void pb_database_ask(const struct pb_site *s)
{
	if (pb_database_fd >= 0)
		pb_source_site_ends(s, pb_database_question, NULL);
}

const char *pb_summary_fn_name(function *fun)
{
	return IDENTIFIER_POINTER(DECL_NAME(fun->decl));
}

/* Register LINE as FUN's summary; print it with the summaries option. */
bool pb_summary_add(function *fun, const char *line)
{
	if (!pb_api_add_summary(fun->decl, line))
		return false;
	pb_stats.summaries++;
	pb_database_note(fun->decl, line);
	if (pb_options.summaries)
		fprintf(stderr, "%s\t# %s:%d\n", line,
			LOCATION_FILE(DECL_SOURCE_LOCATION(fun->decl)),
			LOCATION_LINE(DECL_SOURCE_LOCATION(fun->decl)));
	return true;
}
