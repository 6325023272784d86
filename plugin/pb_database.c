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
