// SPDX-License-Identifier: GPL-2.0
/*
 * pb_fixit.c - the repair of a mismatch, as GCC fix-it hints.
 *
 * A mismatch whose repair is mechanical carries fix-its: the caret line
 * shows the replacement, -fdiagnostics-format=json carries it and
 * -fdiagnostics-generate-patch prints it as a unified diff.  Three
 * repairs are written, each only where the call is spelled in the source
 * on one line, outside any macro:
 *
 *   - a rename, when the release of the right kind takes the same
 *     arguments in the same places: 'put_page(p)' and 'unpin_user_page(p)',
 *     'release_pages(pages, n)' and 'unpin_user_pages(pages, n)', a folio
 *     released staying a folio ('folio_put(f)', 'unpin_folio(f)');
 *   - the folio of a page released as the page:
 *     'folio_put(page_folio(p))' becomes 'unpin_user_page(p)';
 *   - the dirty pair: 'set_page_dirty_lock(p); put_page(p);' of a pinned
 *     page becomes one 'unpin_user_pages_dirty_lock(&p, 1, true);', the
 *     first statement replaced and the second removed.
 *
 * A release inside a helper of the file, through a macro, or one whose
 * arguments differ in a way text cannot mend gets none: its message says
 * why (pb_findings.c).
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* The statements looked back over for the set_page_dirty_lock() of a pair:
 * the computation and load of the page between the two calls. */
#define PB_PAIR_LOOKBACK 8

/* A call as spelled in the source: its line, and the 1-based columns of
 * its first character, its '(' and its closing ')'. */
struct pb_call_text {
	location_t start;
	const char *line;
	int len;
	int first, open, last;
};

/* Where the call at LOC is spelled on one line outside any macro. */
static bool pb_call_text(location_t loc, struct pb_call_text *t)
{
	expanded_location s, f;
	const char *buf, *paren;

	if (from_macro_expansion_at(loc))
		return false;
	t->start = get_start(loc);
	s = expand_location(t->start);
	f = expand_location(get_finish(loc));
	if (!s.file || !f.file || strcmp(s.file, f.file) || s.line != f.line ||
	    s.column < 1 || f.column <= s.column)
		return false;
	char_span span = location_get_source_line(s.file, s.line);

	if (!span || (size_t)f.column > span.length())
		return false;
	buf = t->line = span.get_buffer();
	t->len = (int)span.length();
	if (buf[f.column - 1] != ')')
		return false;
	paren = (const char *)memchr(buf + s.column - 1, '(',
				     f.column - s.column);
	if (!paren)
		return false;
	t->first = s.column;
	t->open = paren - buf + 1;
	t->last = f.column;
	return true;
}

/* The location of column COL on the line of AT. */
static location_t pb_column_loc(location_t at, int col)
{
	const line_map_ordinary *map =
		linemap_check_ordinary(linemap_lookup(line_table, at));

	return linemap_position_for_line_and_column(line_table, map,
						    LOCATION_LINE(at), col);
}

/* A location covering columns FIRST to LAST of T's line. */
static location_t pb_text_range(const struct pb_call_text *t, int first,
				int last)
{
	location_t a = pb_column_loc(t->start, first);

	return make_location(a, a, pb_column_loc(t->start, last));
}

/* The text between T's parentheses, trimmed, into BUF; false if empty,
 * too long, or if it has more than one argument. */
static bool pb_call_argument(const struct pb_call_text *t, char *buf,
			     size_t len)
{
	const char *line = t->line;
	int a = t->open, b = t->last - 2, depth = 0, i;

	while (a <= b && ISSPACE(line[a]))
		a++;
	while (b >= a && ISSPACE(line[b]))
		b--;
	if (b < a || (size_t)(b - a + 1) >= len)
		return false;
	for (i = a; i <= b; i++) {
		if (line[i] == '(' || line[i] == '[')
			depth++;
		else if (line[i] == ')' || line[i] == ']')
			depth--;
		else if (line[i] == ',' && depth == 0)
			return false;
	}
	memcpy(buf, line + a, b - a + 1);
	buf[b - a + 1] = '\0';
	return depth == 0;
}

/* Is TEXT an lvalue naming a page without side effects ('page',
 * 'pages[i]', 'buf->pages[j]'), whose address '&TEXT' may be taken? */
static bool pb_plain_lvalue(const char *text)
{
	if (!ISIDST(*text))
		return false;
	for (; *text; text++) {
		if (ISIDNUM(*text) || ISSPACE(*text) || *text == '[' ||
		    *text == ']' || *text == '.' ||
		    (text[0] == '-' && text[1] == '>' && text++))
			continue;
		return false;
	}
	return true;
}

/* ------------------------------------------------------------ rename */

/*
 * Replace the name of the release REL of ACQUIRE's pages by the release
 * the rules prefer for ACQUIRE's kind, when that one takes the same
 * arguments in the same places (NARGS, when known, is the call's count).
 */
void pb_fixit_rename(rich_location *richloc, location_t call_loc,
		     const struct pb_rule *acquire, const struct pb_rule *rel,
		     int nargs)
{
	const struct pb_rule *fix;
	struct pb_call_text t;

	if (!rel || rel->summary)
		return;
	fix = pb_api_suggest_release(acquire->kind, rel->folio,
				     rel->shape == PB_SHAPE_PAGE);
	if (!fix || fix == rel || fix->shape != rel->shape ||
	    fix->pages_arg != rel->pages_arg ||
	    fix->count_arg != rel->count_arg ||
	    (nargs >= 0 && nargs != MAX(rel->pages_arg, rel->count_arg)) ||
	    !pb_call_text(call_loc, &t) ||
	    (size_t)(t.open - t.first) != strlen(rel->name) ||
	    memcmp(t.line + t.first - 1, rel->name,
		   strlen(rel->name)))
		return;
	richloc->add_fixit_replace(pb_text_range(&t, t.first, t.open - 1),
				   fix->name);
}

/* ------------------------------------------------- the folio of a page */

/*
 * 'folio_put(page_folio(p))' of ACQUIRE's page: the page release of the
 * right kind, on the page.  False if the call is not spelled so.
 */
static bool pb_fixit_folio_of_page(rich_location *richloc, gcall *call,
				   const struct pb_rule *acquire,
				   const struct pb_rule *rel)
{
	static const char wrap[] = "page_folio";
	const struct pb_rule *fix;
	struct pb_call_text t;
	char arg[128], page[128], text[160];
	size_t n = strlen(wrap), len;

	if (!rel->folio || rel->shape != PB_SHAPE_PAGE ||
	    gimple_call_num_args(call) != 1 ||
	    !pb_call_text(gimple_location(call), &t) ||
	    !pb_call_argument(&t, arg, sizeof(arg)))
		return false;
	len = strlen(arg);
	if (strncmp(arg, wrap, n) || arg[len - 1] != ')')
		return false;
	for (n = strlen(wrap); ISSPACE(arg[n]); n++)
		;
	if (arg[n] != '(')
		return false;
	memcpy(page, arg + n + 1, len - n - 2);
	page[len - n - 2] = '\0';
	fix = pb_api_suggest_release(acquire->kind, false, true);
	if (!fix || fix->pages_arg != 1 || fix->count_arg > 0 || !page[0])
		return false;
	snprintf(text, sizeof(text), "%s(%s)", fix->name, page);
	richloc->add_fixit_replace(pb_text_range(&t, t.first, t.last), text);
	return true;
}

/* ------------------------------------------------------ the dirty pair */

/* The call before CALL in its block, past the loads between them. */
static gcall *pb_previous_call(gcall *call)
{
	gimple_stmt_iterator gsi = gsi_for_stmt(call);
	int n;

	for (n = 0; n < PB_PAIR_LOOKBACK; n++) {
		gimple *stmt;

		gsi_prev_nondebug(&gsi);
		if (gsi_end_p(gsi))
			return NULL;
		stmt = gsi_stmt(gsi);
		if (gcall *prev = dyn_cast<gcall *>(stmt))
			return prev;
		/* the page's address and load, nothing stored */
		if (!is_gimple_assign(stmt) || gimple_vdef(stmt))
			return NULL;
	}
	return NULL;
}

/*
 * Is T's call the only statement on its line: indentation, the call,
 * ';', perhaps a comment?  Then *FROM and *TO are the columns a removal
 * of the statement covers: the whole line up to its ';', or from the
 * call up to a comment that follows (the comment stays).
 */
static bool pb_statement_alone(const struct pb_call_text *t, int *from,
			       int *to)
{
	const char *line = t->line;
	int len = t->len, i;

	for (i = 0; i < t->first - 1; i++)
		if (!ISSPACE(line[i]))
			return false;
	for (i = t->last; i < len && ISSPACE(line[i]); i++)
		;
	if (i >= len || line[i] != ';')
		return false;
	*to = i + 1;
	*from = 1;
	for (i++; i < len && ISSPACE(line[i]); i++)
		;
	if (i < len && line[i] == '/' && i + 1 < len &&
	    (line[i + 1] == '*' || line[i + 1] == '/')) {
		*from = t->first;
		*to = i;
	}
	else if (i < len && line[i] != '\n')
		return false;
	return true;
}

/*
 * 'set_page_dirty_lock(p); put_page(p);' of a pinned page: the first
 * becomes 'unpin_user_pages_dirty_lock(&p, 1, true)', the release that
 * marks the page dirty and unpins it, and the second statement goes.
 * The two must be spelled on lines of their own, with the same page.
 */
static bool pb_fixit_dirty_pair(rich_location *richloc, gcall *call,
				const struct pb_rule *acquire,
				const struct pb_rule *rel)
{
	const struct pb_rule *fix = pb_api_release_named(
					"unpin_user_pages_dirty_lock");
	gcall *prev;
	tree callee;
	struct pb_call_text dirty, put;
	char page[128], marked[128], text[200];
	int from, to, unused;

	if (acquire->kind != PB_PIN || rel->folio ||
	    rel->shape != PB_SHAPE_PAGE || !fix || fix->kind != PB_PIN ||
	    gimple_call_num_args(call) != 1)
		return false;
	prev = pb_previous_call(call);
	callee = prev ? gimple_call_fndecl(prev) : NULL_TREE;
	if (!callee || !DECL_NAME(callee) ||
	    strcmp(IDENTIFIER_POINTER(DECL_NAME(callee)), "set_page_dirty_lock") ||
	    gimple_call_num_args(prev) != 1 ||
	    !pb_call_text(gimple_location(call), &put) ||
	    !pb_call_text(gimple_location(prev), &dirty) ||
	    !pb_call_argument(&put, page, sizeof(page)) ||
	    !pb_call_argument(&dirty, marked, sizeof(marked)) ||
	    strcmp(page, marked) || !pb_plain_lvalue(page) ||
	    !pb_statement_alone(&put, &from, &to) ||
	    !pb_statement_alone(&dirty, &unused, &unused) ||
	    LOCATION_LINE(put.start) == LOCATION_LINE(dirty.start))
		return false;
	snprintf(text, sizeof(text), "%s(&%s, 1, true)", fix->name, page);
	richloc->add_fixit_replace(pb_text_range(&dirty, dirty.first, dirty.last),
				   text);
	richloc->add_fixit_remove(pb_text_range(&put, from, to));
	return true;
}

/* -------------------------------------------------------------- entry */

/*
 * Why the mismatch F has no fix-it, for its message; NULL when no reason
 * can be told (the release is not a call of the rules).
 */
const char *pb_fixit_none_reason(const struct pb_finding *f)
{
	gcall *call = f->stmt ? dyn_cast<gcall *>(f->stmt) : NULL;

	if (!call || !f->release || f->release->summary)
		return NULL;
	if (from_macro_expansion_at(gimple_location(call)))
		return "the release is spelled through a macro";
	return "the release of the right kind takes other arguments";
}

/* The fix-its of the mismatch F: the first of the repairs that fits. */
void pb_fixit_release(rich_location *richloc, struct pb_fn *fn,
		      const struct pb_finding *f)
{
	const struct pb_rule *acquire = fn->sites[f->site].rule;
	gcall *call = f->stmt ? dyn_cast<gcall *>(f->stmt) : NULL;

	if (!call || !f->release || f->release->summary)
		return;
	if (pb_fixit_dirty_pair(richloc, call, acquire, f->release) ||
	    pb_fixit_folio_of_page(richloc, call, acquire, f->release))
		return;
	pb_fixit_rename(richloc, gimple_location(call), acquire, f->release,
			(int)gimple_call_num_args(call));
}
