// SPDX-License-Identifier: GPL-2.0
/*
 * pb_rules.c - the parser of the rules language (docs/rules.md).
 *
 * A rules file is a list of lines, one rule per line:
 *
 *	acquire pin_user_pages kind=pin pages=arg4 count=return requested=arg2
 *	release unpin_user_pages kind=pin pages=arg1 count=arg2 preferred
 *	derive  page_folio from=arg1
 *
 * This file knows no GCC type: it turns text into struct pb_rule and
 * reports every problem as FILE:LINE:COLUMN through a callback, so that
 * the plugin can print GCC-style errors and the unit tests and the fuzzer
 * can run it alone.  A file with any error loads nothing.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* glibc declares basename() in <string.h>; tell libiberty.h not to. */
#define HAVE_DECL_BASENAME 1
#include "libiberty.h"
#include "hashtab.h"

#include "pb_rules.h"

/* Fields a directive may carry; a rule line is 'VERB NAME FIELD...'. */
enum pb_field {
	PB_F_KIND, PB_F_PAGES, PB_F_FOLIOS, PB_F_PAGE, PB_F_FOLIO, PB_F_RANGE,
	PB_F_COUNT, PB_F_REQUESTED, PB_F_WHEN, PB_F_CONDITIONAL,
	PB_F_PREFERRED, PB_F_FROM, PB_F_BUFFER, PB_F_VALUE, PB_F_MEANS,
	PB_F_ON_SUCCESS, PB_F_CONSUMES, PB_F_WHOLE, PB_F_FLAGS, PB_F_DEFINED,
	PB_F_REF, PB_F_RELEASE, PB_F_HELD_IF, PB_F_ENTRY, PB_F_SOURCE,
	PB_F_RECORDED, PB_F_ITER, PB_NFIELDS,
};

#define F(f)	(1u << (f))
#define PB_F_WHERE	(F(PB_F_PAGES) | F(PB_F_FOLIOS) | F(PB_F_PAGE) | \
			 F(PB_F_FOLIO) | F(PB_F_RANGE))

static const struct {
	const char *name;
	bool is_flag;		/* written bare, without '=' */
} pb_fields[PB_NFIELDS] = {
	{ "kind", false },
	{ "pages", false },
	{ "folios", false },
	{ "page", false },
	{ "folio", false },
	{ "range", false },
	{ "count", false },
	{ "requested", false },
	{ "when", false },
	{ "conditional", true },
	{ "preferred", true },
	{ "from", false },
	{ "buffer", false },
	{ "value", false },
	{ "means", false },
	{ "on-success", true },
	{ "consumes", true },
	{ "whole", true },
	{ "flags", false },
	{ "defined", false },
	{ "ref", false },
	{ "release", false },
	{ "held-if", false },
	{ "entry", false },
	{ "source", false },
	{ "recorded", true },
	{ "iter", false },
};

/* Each directive: its role, the fields it allows and those it needs. */
static const struct {
	const char *verb;
	enum pb_role role;
	unsigned int allowed;
	unsigned int required;
	const char *usage;
} pb_verbs[] = {
	{ "acquire", PB_ROLE_ACQUIRE,
	  F(PB_F_KIND) | F(PB_F_PAGES) | F(PB_F_FOLIOS) | F(PB_F_PAGE) |
	  F(PB_F_COUNT) | F(PB_F_REQUESTED) | F(PB_F_WHEN) | F(PB_F_FLAGS) |
	  F(PB_F_CONDITIONAL) | F(PB_F_WHOLE) | F(PB_F_DEFINED) |
	  F(PB_F_HELD_IF) | F(PB_F_SOURCE) | F(PB_F_RECORDED),
	  F(PB_F_KIND) | F(PB_F_COUNT),
	  "kind=, one of pages=/folios=/page=, and count=" },
	{ "release", PB_ROLE_RELEASE,
	  F(PB_F_KIND) | PB_F_WHERE | F(PB_F_COUNT) | F(PB_F_PREFERRED) |
	  F(PB_F_WHEN) | F(PB_F_DEFINED),
	  F(PB_F_KIND),
	  "kind= and one of page=/pages=/folio=/folios=/range=" },
	{ "derive", PB_ROLE_DERIVE, F(PB_F_FROM) | F(PB_F_ENTRY) | F(PB_F_DEFINED),
	  0, "from= or entry=" },
	{ "borrow", PB_ROLE_BORROW,
	  F(PB_F_PAGE) | F(PB_F_PAGES) | F(PB_F_COUNT) | F(PB_F_KIND) |
	  F(PB_F_DEFINED), 0,
	  "page=, pages=argN, or pages=*argN (with count=*argN and kind=)" },
	{ "owner", PB_ROLE_OWNER,
	  F(PB_F_PAGES) | F(PB_F_ON_SUCCESS) | F(PB_F_CONSUMES) |
	  F(PB_F_ENTRY) | F(PB_F_KIND) | F(PB_F_DEFINED), 0,
	  "nothing, or pages=, and on-success or consumes, and entry= with "
	  "pages= or kind=" },
	{ "alloc", PB_ROLE_ALLOC, F(PB_F_DEFINED), 0, "no field" },
	{ "free", PB_ROLE_FREE, F(PB_F_BUFFER) | F(PB_F_DEFINED), F(PB_F_BUFFER),
	  "buffer=" },
	{ "test", PB_ROLE_TEST, F(PB_F_VALUE) | F(PB_F_MEANS) | F(PB_F_ITER),
	  F(PB_F_VALUE) | F(PB_F_MEANS), "value= and means=" },
	{ "errptr", PB_ROLE_ERR_PTR, 0, 0, "no field" },
	{ "ignore", PB_ROLE_IGNORE, 0, 0, "no field" },
	{ "warn", PB_ROLE_WARN, 0, 0, "no field" },
	{ "makes", PB_ROLE_MAKES, F(PB_F_VALUE) | F(PB_F_MEANS) | F(PB_F_ITER),
	  F(PB_F_VALUE) | F(PB_F_MEANS), "value= and means=" },
	{ "hold", PB_ROLE_HOLD, F(PB_F_PAGE), F(PB_F_PAGE), "page=" },
	{ "put", PB_ROLE_PUT, F(PB_F_REF) | F(PB_F_RELEASE),
	  F(PB_F_REF) | F(PB_F_RELEASE), "ref= and release=" },
	{ "field", PB_ROLE_FIELD, F(PB_F_KIND) | F(PB_F_DEFINED), F(PB_F_KIND),
	  "kind=" },
	{ "asks", PB_ROLE_ASKS, F(PB_F_VALUE) | F(PB_F_DEFINED), F(PB_F_VALUE),
	  "value=" },
	{ "passes", PB_ROLE_PASSES,
	  F(PB_F_VALUE) | F(PB_F_FROM) | F(PB_F_DEFINED),
	  F(PB_F_VALUE) | F(PB_F_FROM), "value= and from=" },
};

#define PB_NVERBS (sizeof(pb_verbs) / sizeof(pb_verbs[0]))

const char *pb_role_name(enum pb_role role)
{
	size_t i;

	for (i = 0; i < PB_NVERBS; i++)
		if (pb_verbs[i].role == role)
			return pb_verbs[i].verb;
	return "?";
}

/* ------------------------------------------------------------ errors */

/* Where the parser is, and how to complain from there. */
struct pb_cursor {
	const char *file;
	int line;
	int errors;
	pb_rules_error_fn report;
	void *ctx;
};

static void pb_rules_error(struct pb_cursor *cur, int column,
			   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void pb_rules_error(struct pb_cursor *cur, int column,
			   const char *fmt, ...)
{
	char message[PB_RULES_MAX_LINE + 256];
	va_list ap;

	cur->errors++;
	if (cur->errors > PB_RULES_MAX_ERRORS || !cur->report)
		return;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	cur->report(cur->ctx, cur->file, cur->line, column, message);
}

/* ------------------------------------------------------------ tokens */

struct pb_token {
	const char *text;	/* not NUL-terminated */
	size_t len;
	int column;		/* 1-based */
};

#define PB_MAX_TOKENS	(PB_RULES_MAX_LINE / 2 + 1)

static bool pb_token_is(const struct pb_token *t, const char *s)
{
	return t->len == strlen(s) && !memcmp(t->text, s, t->len);
}

static bool pb_is_identifier(const struct pb_token *t)
{
	size_t i;

	if (!t->len || isdigit((unsigned char)t->text[0]))
		return false;
	for (i = 0; i < t->len; i++)
		if (!isalnum((unsigned char)t->text[i]) && t->text[i] != '_')
			return false;
	return true;
}

/* A printable quote of a token for a message. */
static const char *pb_token_quote(const struct pb_token *t, char *buf,
				  size_t size)
{
	size_t n = t->len < size - 1 ? t->len : size - 1;

	memcpy(buf, t->text, n);
	buf[n] = '\0';
	return buf;
}

static int pb_tokenize(const char *line, size_t len, struct pb_token *tokens)
{
	int ntokens = 0;
	size_t i = 0;

	while (i < len) {
		size_t start;

		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && line[i] != ' ' && line[i] != '\t')
			i++;
		tokens[ntokens].text = line + start;
		tokens[ntokens].len = i - start;
		tokens[ntokens].column = (int)start + 1;
		ntokens++;
	}
	return ntokens;
}

/* ------------------------------------------------------------ values */

/* 'argN' (1 <= N <= PB_RULE_MAX_ARG), or 'return' where allowed. */
static bool pb_parse_arg(struct pb_cursor *cur, const char *v, size_t len,
			 int column, bool allow_return, int *out)
{
	long n = 0;
	size_t i;

	if (allow_return && len == 6 && !memcmp(v, "return", 6)) {
		*out = PB_RULE_RETURN;
		return true;
	}
	if (len < 4 || memcmp(v, "arg", 3)) {
		pb_rules_error(cur, column, "expected an argument 'argN'%s",
			       allow_return ? " or 'return'" : "");
		return false;
	}
	for (i = 3; i < len; i++) {
		if (!isdigit((unsigned char)v[i]) || n > PB_RULE_MAX_ARG) {
			pb_rules_error(cur, column + (int)i,
				       "expected a decimal argument number");
			return false;
		}
		n = n * 10 + (v[i] - '0');
	}
	if (n < 1 || n > PB_RULE_MAX_ARG) {
		pb_rules_error(cur, column + 3,
			       "argument number must be between 1 and %d",
			       PB_RULE_MAX_ARG);
		return false;
	}
	*out = (int)n;
	return true;
}

/* A C integer constant, decimal or 0x hexadecimal. */
static bool pb_parse_number(struct pb_cursor *cur, const char *v, size_t len,
			    int column, const char *what,
			    unsigned long long *out)
{
	unsigned long long m = 0;
	bool hex = len > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X');
	size_t i = hex ? 2 : 0;

	if (i >= len)
		goto bad;
	for (; i < len; i++) {
		int d;

		if (isdigit((unsigned char)v[i]))
			d = v[i] - '0';
		else if (hex && isxdigit((unsigned char)v[i]))
			d = tolower((unsigned char)v[i]) - 'a' + 10;
		else
			goto bad;
		if (m > (~0ULL >> 4))
			goto bad;
		m = m * (hex ? 16 : 10) + (unsigned int)d;
	}
	*out = m;
	return true;
bad:
	pb_rules_error(cur, column, "expected %s (decimal or 0x...)", what);
	return false;
}

/* A bit mask: a number, not 0. */
static bool pb_parse_mask(struct pb_cursor *cur, const char *v, size_t len,
			  int column, unsigned long long *out)
{
	if (!pb_parse_number(cur, v, len, column, "a bit mask", out))
		return false;
	if (!*out) {
		pb_rules_error(cur, column, "a 'when=' mask of 0 never holds");
		return false;
	}
	return true;
}

/* 'argN==V|W|...': a release case's values of argument N. */
static bool pb_parse_when_values(struct pb_cursor *cur, const char *v,
				 size_t len, int column, struct pb_rule *rule)
{
	const char *eq = strstr(v, "==");
	size_t alen = (size_t)(eq - v), pos;

	if (rule->case_arg != PB_RULE_NO_ARG) {
		pb_rules_error(cur, column, "one 'argN==' per 'when='");
		return false;
	}
	if (!pb_parse_arg(cur, v, alen, column, false, &rule->case_arg))
		return false;
	for (pos = alen + 2; pos <= len; pos++) {
		const char *bar = (const char *)memchr(v + pos, '|', len - pos);
		size_t vlen = bar ? (size_t)(bar - v) - pos : len - pos;

		if (rule->ncase_values == PB_RULE_MAX_VALUES) {
			pb_rules_error(cur, column + (int)pos, "at most %d "
				       "values after '=='", PB_RULE_MAX_VALUES);
			return false;
		}
		if (!pb_parse_number(cur, v + pos, vlen, column + (int)pos,
				     "a value",
				     &rule->case_values[rule->ncase_values++]))
			return false;
		pos += vlen;
	}
	return true;
}

/* 'argN&MASK', or for a release '!argN&MASK'. */
static bool pb_parse_when_mask(struct pb_cursor *cur, const char *v,
			       size_t len, int column, struct pb_rule *rule)
{
	const char *amp = (const char *)memchr(v, '&', len);
	size_t alen = amp ? (size_t)(amp - v) : len;
	bool clear = len && v[0] == '!' && rule->role == PB_ROLE_RELEASE;

	if (!amp || rule->when_arg != PB_RULE_NO_ARG) {
		pb_rules_error(cur, column + (int)len,
			       rule->role == PB_ROLE_RELEASE ?
			       "expected 'when=argN&MASK', '!argN&MASK' or "
			       "'argN==V|W', one of each at most, joined by ','" :
			       "expected 'when=argN&MASK'");
		return false;
	}
	rule->when_clear = clear;
	return pb_parse_arg(cur, v + clear, alen - clear, column + clear,
			    false, &rule->when_arg) &&
	       pb_parse_mask(cur, amp + 1, len - alen - 1,
			     column + (int)alen + 1, &rule->when_mask);
}

/*
 * 'when=COND[,COND]': an acquire's 'argN&MASK'; a release's case, the
 * conditions under which it releases ('arg1==6,!arg4&0x1').
 */
static bool pb_parse_when(struct pb_cursor *cur, const struct pb_token *v,
			  struct pb_rule *rule)
{
	size_t pos = 0;

	while (pos <= v->len) {
		const char *comma = (const char *)memchr(v->text + pos, ',',
							 v->len - pos);
		size_t clen = comma ? (size_t)(comma - v->text) - pos
				    : v->len - pos;
		const char *c = v->text + pos;
		char cond[PB_RULES_MAX_LINE + 1];
		bool ok;

		memcpy(cond, c, clen);
		cond[clen] = '\0';
		if (rule->role == PB_ROLE_RELEASE && strstr(cond, "=="))
			ok = pb_parse_when_values(cur, cond, clen,
						  v->column + (int)pos, rule);
		else if (rule->role == PB_ROLE_ACQUIRE && comma)
			ok = pb_parse_when_mask(cur, c, v->len - pos,
						v->column + (int)pos, rule);
		else
			ok = pb_parse_when_mask(cur, c, clen,
						v->column + (int)pos, rule);
		if (!ok)
			return false;
		pos += clen + 1;
	}
	return true;
}

/* A keyword from a list; its index, or -1 after reporting. */
static int pb_parse_keyword(struct pb_cursor *cur, const char *v, size_t len,
			    int column, const char *what,
			    const char *const *words, int nwords)
{
	char list[128] = "";
	int i;

	for (i = 0; i < nwords; i++)
		if (strlen(words[i]) == len && !memcmp(v, words[i], len))
			return i;
	for (i = 0; i < nwords; i++) {
		strncat(list, i ? ", " : "", sizeof(list) - strlen(list) - 1);
		strncat(list, words[i], sizeof(list) - strlen(list) - 1);
	}
	pb_rules_error(cur, column, "expected %s: %s", what, list);
	return -1;
}

/* ------------------------------------------------------------ fields */

/* The fields of one rule line as written, before they are checked. */
struct pb_written {
	const struct pb_token *value[PB_NFIELDS];	/* NULL: absent */
	const struct pb_token *token[PB_NFIELDS];	/* whole 'key=value' */
	int value_column[PB_NFIELDS];
};

static int pb_field_lookup(const char *key, size_t len)
{
	int f;

	for (f = 0; f < PB_NFIELDS; f++)
		if (strlen(pb_fields[f].name) == len &&
		    !memcmp(key, pb_fields[f].name, len))
			return f;
	return -1;
}

/* Split 'key=value' (or a bare flag) and file it under its field. */
static bool pb_read_field(struct pb_cursor *cur, const struct pb_token *t,
			  struct pb_token *value, unsigned int allowed,
			  const char *verb, struct pb_written *w)
{
	const char *eq = (const char *)memchr(t->text, '=', t->len);
	size_t klen = eq ? (size_t)(eq - t->text) : t->len;
	char quoted[64];
	int f = pb_field_lookup(t->text, klen);

	if (f < 0 || !(allowed & F(f))) {
		struct pb_token key = { t->text, klen, t->column };

		pb_rules_error(cur, t->column, "unexpected field '%s' for '%s'",
			       pb_token_quote(&key, quoted, sizeof(quoted)),
			       verb);
		return false;
	}
	if (w->token[f]) {
		pb_rules_error(cur, t->column,
			       "field '%s' given twice (first at column %d)",
			       pb_fields[f].name, w->token[f]->column);
		return false;
	}
	if (pb_fields[f].is_flag && eq) {
		pb_rules_error(cur, t->column + (int)klen,
			       "'%s' is a flag and takes no value",
			       pb_fields[f].name);
		return false;
	}
	if (!pb_fields[f].is_flag && (!eq || klen + 1 == t->len)) {
		pb_rules_error(cur, t->column + (int)t->len,
			       "expected a value after '%s='",
			       pb_fields[f].name);
		return false;
	}
	w->token[f] = t;
	if (eq) {
		value->text = eq + 1;
		value->len = t->len - klen - 1;
		value->column = t->column + (int)klen + 1;
		w->value[f] = value;
	}
	return true;
}

/* ------------------------------------------------------------ rules */

/* the words of the kinds, by enum pb_kind: summaries are written with them */
const char *const pb_kind_words[] = { "pin", "get", "any" };
static const char *const pb_count_words[] = {
	"return", "bytes", "one", "status"
};
static const char *const pb_means_words[] = {
	"<0", "<=0", "==0", "!=0", ">0", ">=0",
	"held", "held-if-true", "none-if-true", "type"
};
/* 'makes F value=argN means=...': the iterator's pages are pinned by the
 * 'source=' acquires, or taken without a reference */
static const char *const pb_made_words[] = { "held", "none" };

/*
 * 'argN->field' in V: the argument, into *ARG, and the field of the
 * struct it points to, into FIELD (PB_RULE_MAX_FIELD bytes).
 */
static bool pb_parse_field_ref(struct pb_cursor *cur, const struct pb_token *v,
			       int *arg, char *field)
{
	const char *arrow = (const char *)memchr(v->text, '-', v->len);
	size_t alen = (size_t)(arrow - v->text), flen, i;
	const char *name = arrow + 2;
	int column = v->column + (int)alen;

	if (alen + 2 > v->len || arrow[1] != '>') {
		pb_rules_error(cur, column, "expected 'argN->field'");
		return false;
	}
	flen = v->len - alen - 2;
	if (!flen || !(isalpha((unsigned char)name[0]) || name[0] == '_')) {
		pb_rules_error(cur, column + 2, "expected a field name after '->'");
		return false;
	}
	if (flen >= PB_RULE_MAX_FIELD) {
		pb_rules_error(cur, column + 2, "a field name has at most %d "
			       "characters", PB_RULE_MAX_FIELD - 1);
		return false;
	}
	for (i = 0; i < flen; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '_') {
			pb_rules_error(cur, column + 2 + (int)i,
				       "expected a field name");
			return false;
		}
	if (!pb_parse_arg(cur, v->text, alen, v->column, false, arg))
		return false;
	memcpy(field, name, flen);
	field[flen] = '\0';
	return true;
}

/*
 * 'argN->field': the array is in a field of the struct the argument
 * points to, as a helper that pins into 'region->pages' or releases
 * 'umem->pgs' for its caller, or an accessor returns it
 * ('derive frame_vector_pages from=arg1->ptrs').  For arrays only.
 */
static bool pb_parse_arg_field(struct pb_cursor *cur, const struct pb_token *v,
			       struct pb_rule *rule)
{
	const char *arrow = (const char *)memchr(v->text, '-', v->len);

	if (rule->shape != PB_SHAPE_ARRAY ||
	    (rule->role != PB_ROLE_ACQUIRE && rule->role != PB_ROLE_RELEASE &&
	     rule->role != PB_ROLE_DERIVE)) {
		pb_rules_error(cur, v->column + (int)(arrow - v->text),
			       "a field ('argN->field') is for "
			       "the pages= or folios= of an acquire or a "
			       "release, or the from= of a derive, only");
		return false;
	}
	return pb_parse_field_ref(cur, v, &rule->pages_arg, rule->pages_field);
}

static bool pb_rule_where(struct pb_cursor *cur, const struct pb_written *w,
			  struct pb_rule *rule, int end_column)
{
	static const int order[] = {
		PB_F_PAGES, PB_F_FOLIOS, PB_F_PAGE, PB_F_FOLIO, PB_F_RANGE
	};
	const struct pb_token *v = NULL;
	int field = -1;
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		int f = order[i];

		if (!w->value[f])
			continue;
		if (v) {
			/* complain at the later of the two on the line */
			bool later = w->token[f]->column > w->token[field]->column;

			pb_rules_error(cur, w->token[later ? f : field]->column,
				       "the pages are already given by '%s='",
				       pb_fields[later ? field : f].name);
			return false;
		}
		v = w->value[f];
		field = f;
	}
	if (!v) {
		pb_rules_error(cur, end_column,
			       "expected where the pages are: one of "
			       "page=, pages=, folio=, folios=, range=");
		return false;
	}
	rule->folio = field == PB_F_FOLIOS || field == PB_F_FOLIO;
	if (field == PB_F_PAGE || field == PB_F_FOLIO)
		rule->shape = PB_SHAPE_PAGE;
	else if (field == PB_F_RANGE)
		rule->shape = PB_SHAPE_RANGE;
	else
		rule->shape = PB_SHAPE_ARRAY;
	/* 'pages=*argN': the argument points to the array pointer, which an
	 * acquire may allocate ('iov_iter_extract_pages(i, &pages, ...)')
	 * and a release reads ('io_pages_free(&pages, n)') */
	if (v->len > 0 && v->text[0] == '*' && rule->shape == PB_SHAPE_ARRAY) {
		rule->shape = PB_SHAPE_ARRAY_PTR;
		return pb_parse_arg(cur, v->text + 1, v->len - 1, v->column + 1,
				    false, &rule->pages_arg);
	}
	if (memchr(v->text, '-', v->len))
		return pb_parse_arg_field(cur, v, rule);
	/* an acquire may return the page, or the array, it took */
	return pb_parse_arg(cur, v->text, v->len, v->column,
			    rule->role == PB_ROLE_ACQUIRE &&
			    (rule->shape == PB_SHAPE_PAGE ||
			     rule->shape == PB_SHAPE_ARRAY), &rule->pages_arg);
}

/*
 * 'held-if=*argN': the call tells in the integer ARG points to whether it
 * took the references (p9_get_mapped_pages()'s 'need_drop', 0 for a
 * kvec's pages); an array acquire returning a count or a status only.
 */
static bool pb_parse_held_if(struct pb_cursor *cur, const struct pb_token *v,
			     struct pb_rule *rule)
{
	if (v->len < 2 || v->text[0] != '*') {
		pb_rules_error(cur, v->column, "expected '*argN': the "
			       "argument points to the flag");
		return false;
	}
	if ((rule->shape != PB_SHAPE_ARRAY && rule->shape != PB_SHAPE_ARRAY_PTR) ||
	    rule->pages_arg < 1 || rule->count == PB_COUNT_STORED) {
		pb_rules_error(cur, v->column, "'held-if=' is for an array "
			       "('pages=argN' or 'pages=*argN') whose count is "
			       "the result");
		return false;
	}
	if (!pb_parse_arg(cur, v->text + 1, v->len - 1, v->column + 1, false,
			  &rule->held_if_arg))
		return false;
	if (rule->held_if_arg == rule->pages_arg) {
		pb_rules_error(cur, v->column + 1, "the flag and the pages are "
			       "different arguments");
		return false;
	}
	return true;
}

/*
 * 'source=argN' on a conditional acquire: whether the call takes
 * references depends on the kind of its argument N (an iterator: a
 * user-backed one is pinned, a kernel one is not), which the test
 * functions of 'means=held...' tell on the paths that call them.
 */
static bool pb_parse_source(struct pb_cursor *cur, const struct pb_token *v,
			    struct pb_rule *rule)
{
	if (!rule->conditional) {
		pb_rules_error(cur, v->column, "'source=' is for a "
			       "'conditional' acquire");
		return false;
	}
	if (!pb_parse_arg(cur, v->text, v->len, v->column, false,
			  &rule->source_arg))
		return false;
	if (rule->source_arg == rule->pages_arg) {
		pb_rules_error(cur, v->column, "the source and the pages are "
			       "different arguments");
		return false;
	}
	return true;
}

static bool pb_rule_acquire(struct pb_cursor *cur, const struct pb_written *w,
			    struct pb_rule *rule)
{
	const struct pb_token *c = w->value[PB_F_COUNT];
	int k;

	if (c->len > 1 && c->text[0] == '*') {
		/* 'count=*argN': the count is added to *argN */
		if (!pb_parse_arg(cur, c->text + 1, c->len - 1, c->column + 1,
				  false, &rule->count_out_arg))
			return false;
		k = PB_COUNT_STORED;
	} else {
		k = pb_parse_keyword(cur, c->text, c->len, c->column,
				     "a count", pb_count_words, 4);
		if (k < 0)
			return false;
	}
	rule->count = (enum pb_count)k;
	if (k == PB_COUNT_STORED && rule->shape != PB_SHAPE_ARRAY) {
		pb_rules_error(cur, c->column, "'count=*argN' is for an array "
			       "('pages=argN') only");
		return false;
	}
	if ((rule->count == PB_COUNT_ONE) !=
	    (rule->pages_arg == PB_RULE_RETURN)) {
		pb_rules_error(cur, c->column,
			       "'count=one' goes with 'page=return' or "
			       "'pages=return', and only with them");
		return false;
	}
	if (w->value[PB_F_REQUESTED] &&
	    !pb_parse_arg(cur, w->value[PB_F_REQUESTED]->text,
			  w->value[PB_F_REQUESTED]->len,
			  w->value[PB_F_REQUESTED]->column, false,
			  &rule->count_arg))
		return false;
	rule->conditional = w->token[PB_F_CONDITIONAL] != NULL;
	rule->recorded = w->token[PB_F_RECORDED] != NULL;
	/* 'recorded': the call notes in what receives the pages whether it
	 * took references, for the releases that read the note */
	if (rule->recorded && !rule->conditional) {
		pb_rules_error(cur, w->token[PB_F_RECORDED]->column,
			       "'recorded' is for a 'conditional' acquire");
		return false;
	}
	rule->whole = w->token[PB_F_WHOLE] != NULL;
	/* 'flags=argN': the gup flags, reported by the census */
	if (w->value[PB_F_FLAGS] &&
	    !pb_parse_arg(cur, w->value[PB_F_FLAGS]->text,
			  w->value[PB_F_FLAGS]->len,
			  w->value[PB_F_FLAGS]->column, false,
			  &rule->flags_arg))
		return false;
	if (w->value[PB_F_WHEN] && !pb_parse_when(cur, w->value[PB_F_WHEN], rule))
		return false;
	if (w->value[PB_F_SOURCE] &&
	    !pb_parse_source(cur, w->value[PB_F_SOURCE], rule))
		return false;
	if (w->value[PB_F_HELD_IF])
		return pb_parse_held_if(cur, w->value[PB_F_HELD_IF], rule);
	return true;
}

static bool pb_rule_release(struct pb_cursor *cur, const struct pb_written *w,
			    struct pb_rule *rule, int end_column)
{
	const struct pb_token *c = w->value[PB_F_COUNT];

	rule->preferred = w->token[PB_F_PREFERRED] != NULL;
	/* 'when=': a case, released only under its conditions */
	if (w->value[PB_F_WHEN] && !pb_parse_when(cur, w->value[PB_F_WHEN], rule))
		return false;
	/* 'count=all': whatever the object holds, as bio_release_pages() */
	if (c && c->len == 3 && !memcmp(c->text, "all", 3))
		return true;
	/* 'count=argN->field': the count the struct keeps beside the
	 * array, as xdp_umem_unpin_pages() releases 'umem->npgs' pages */
	if (c && memchr(c->text, '-', c->len)) {
		if (rule->shape != PB_SHAPE_ARRAY) {
			pb_rules_error(cur, c->column, "a count in a field "
				       "('count=argN->field') is for an "
				       "array ('pages=' or 'folios=') only");
			return false;
		}
		return pb_parse_field_ref(cur, c, &rule->count_field_arg,
					  rule->count_field);
	}
	if (!c) {
		if (rule->shape != PB_SHAPE_PAGE) {
			pb_rules_error(cur, end_column,
				       "expected 'count=argN' or 'count=all': "
				       "an array or range needs its count");
			return false;
		}
		return true;
	}
	return pb_parse_arg(cur, c->text, c->len, c->column, false,
			    &rule->count_arg);
}

/*
 * An owner's 'entry=argN': it keeps a page in the scatterlist entry ARG
 * points to, the page of 'pages=' (sg_set_page(sg, page, len, off)), or,
 * without 'pages=', pages of the kind 'kind=' says that it took itself (a
 * helper's summary); 'kind=' goes with 'entry=' and without 'pages='.
 */
static bool pb_rule_owner_entry(struct pb_cursor *cur,
				const struct pb_written *w,
				struct pb_rule *rule, int end_column)
{
	const struct pb_token *v = w->value[PB_F_KIND];
	int k;

	if (!w->value[PB_F_ENTRY]) {
		if (!v)
			return true;
		pb_rules_error(cur, v->column, "an owner's 'kind=' goes with "
			       "'entry=' (the scatterlist it fills)");
		return false;
	}
	if (!pb_parse_arg(cur, w->value[PB_F_ENTRY]->text,
			  w->value[PB_F_ENTRY]->len,
			  w->value[PB_F_ENTRY]->column, false,
			  &rule->entry_arg))
		return false;
	if (!v == !w->value[PB_F_PAGES]) {
		pb_rules_error(cur, v ? v->column : end_column,
			       "an owner with 'entry=' needs one of 'pages=' "
			       "(the page it is given) or 'kind=' (of the "
			       "pages it takes itself)");
		return false;
	}
	if (!v)
		return true;
	k = pb_parse_keyword(cur, v->text, v->len, v->column, "a kind",
			     pb_kind_words, 2);
	if (k < 0)
		return false;
	rule->kind = (enum pb_ref_kind)k;
	return true;
}

/* '*argN' in V, into *ARG: the argument points to what F may write. */
static bool pb_parse_out_arg(struct pb_cursor *cur, const struct pb_token *v,
			     const char *what, int *arg)
{
	if (v->len < 2 || v->text[0] != '*') {
		pb_rules_error(cur, v->column, "expected '*argN': the "
			       "argument points to %s", what);
		return false;
	}
	return pb_parse_arg(cur, v->text + 1, v->len - 1, v->column + 1,
			    false, arg);
}

/*
 * 'borrow F page=argN': F only uses the page.  'borrow F pages=*argN
 * count=*argM kind=K': F uses the array the caller's pointer ARGN points
 * to, and may replace it (and the count *argM) by an array holding the
 * same references to the same memory, having dropped in kind K those it
 * does not keep (io_uring's io_try_coalesce_buffer()): the references
 * stay the caller's, in its variables.
 */
static bool pb_rule_borrow(struct pb_cursor *cur, const struct pb_written *w,
			   struct pb_rule *rule, int end_column)
{
	const struct pb_token *v = w->value[PB_F_PAGE];
	const struct pb_token *c = w->value[PB_F_COUNT];
	const struct pb_token *k = w->value[PB_F_KIND];
	int kind;

	if (!v == !w->value[PB_F_PAGES]) {
		pb_rules_error(cur, v ? w->token[PB_F_PAGES]->column : end_column,
			       "'borrow' needs one of page=, pages=argN or pages=*argN");
		return false;
	}
	if (v) {
		if (c || k) {
			pb_rules_error(cur, (c ? c : k)->column, "count= and "
				       "kind= go with 'pages=*argN'");
			return false;
		}
		return pb_parse_arg(cur, v->text, v->len, v->column, false,
				    &rule->pages_arg);
	}
	/* 'pages=argN': F reads the pages an array or a bio holds, and
	 * keeps none (submit_bio_wait()) */
	if (w->value[PB_F_PAGES]->text[0] != '*' && !c && !k) {
		rule->shape = PB_SHAPE_ARRAY;
		return pb_parse_arg(cur, w->value[PB_F_PAGES]->text,
				    w->value[PB_F_PAGES]->len,
				    w->value[PB_F_PAGES]->column, false,
				    &rule->pages_arg);
	}
	rule->shape = PB_SHAPE_ARRAY_PTR;
	if (!pb_parse_out_arg(cur, w->value[PB_F_PAGES], "the array pointer",
			      &rule->pages_arg) ||
	    (c && !pb_parse_out_arg(cur, c, "the count", &rule->count_out_arg)))
		return false;
	if (rule->count_out_arg == rule->pages_arg) {
		pb_rules_error(cur, c->column + 1, "the count and the pages "
			       "are different arguments");
		return false;
	}
	if (!k)
		return true;
	kind = pb_parse_keyword(cur, k->text, k->len, k->column, "a kind",
				pb_kind_words, 2);
	if (kind < 0)
		return false;
	rule->kind = (enum pb_ref_kind)kind;
	rule->drops = true;
	return true;
}

/* The fields a role needs besides where the pages are. */
/*
 * 'iter=ITER_UBUF,ITER_IOVEC': the iterator types a test is true for, or
 * the type a maker makes, as the enumerators the kernel names them by
 * (a 'switch (iov_iter_type(iter))' is read through the same names).
 * Identifiers separated by ','; not with 'means=type', whose result is
 * the type itself.
 */
static bool pb_rule_iter(struct pb_cursor *cur, const struct pb_token *v,
			 struct pb_rule *rule)
{
	size_t i;

	if (!v)
		return true;
	if (rule->test == PB_TEST_TYPE) {
		pb_rules_error(cur, v->column,
			       "'means=type' takes no 'iter=': its result is "
			       "the type");
		return false;
	}
	for (i = 0; i < v->len; i++) {
		char c = v->text[i];
		bool first = i == 0 || v->text[i - 1] == ',';

		if (c == ',' && !first && i + 1 < v->len)
			continue;
		if (c == '_' || isalpha((unsigned char)c) ||
		    (!first && isdigit((unsigned char)c)))
			continue;
		pb_rules_error(cur, v->column + (int)i,
			       "expected iterator types 'ITER_A,ITER_B'");
		return false;
	}
	rule->iter = xstrndup(v->text, v->len);
	return true;
}

/*
 * A 'passes' line's 'from=': 'pointer', 'here', or 'G:argM', the function
 * whose parameter the file passes on.
 */
static bool pb_rule_passed_from(struct pb_cursor *cur,
				const struct pb_token *v, struct pb_rule *rule)
{
	const char *colon = (const char *)memchr(v->text, ':', v->len);
	struct pb_token fn = *v;

	if (pb_token_is(v, "pointer") || pb_token_is(v, "here")) {
		rule->passed = pb_token_is(v, "pointer") ? PB_PASSED_POINTER :
							   PB_PASSED_HERE;
		return true;
	}
	fn.len = colon ? (size_t)(colon - v->text) : 0;
	if (!colon || !pb_is_identifier(&fn)) {
		pb_rules_error(cur, v->column, "expected 'from=pointer', "
			       "'from=here' or 'from=FUNCTION:argN'");
		return false;
	}
	if (!pb_parse_arg(cur, colon + 1, v->len - fn.len - 1,
			  v->column + (int)fn.len + 1, false,
			  &rule->from_arg))
		return false;
	rule->passed = PB_PASSED_PARAM;
	rule->from_fn = xstrndup(fn.text, fn.len);
	return true;
}

static bool pb_rule_fields(struct pb_cursor *cur, const struct pb_written *w,
			   struct pb_rule *rule, int end_column)
{
	const struct pb_token *v;
	int k;

	switch (rule->role) {
	case PB_ROLE_ACQUIRE:
	case PB_ROLE_RELEASE:
		v = w->value[PB_F_KIND];
		k = pb_parse_keyword(cur, v->text, v->len, v->column, "a kind",
				     pb_kind_words,
				     rule->role == PB_ROLE_RELEASE ? 3 : 2);
		if (k < 0)
			return false;
		rule->kind = (enum pb_ref_kind)k;
		if (!pb_rule_where(cur, w, rule, end_column))
			return false;
		if (rule->role == PB_ROLE_ACQUIRE)
			return pb_rule_acquire(cur, w, rule);
		return pb_rule_release(cur, w, rule, end_column);
	case PB_ROLE_DERIVE:
		/* 'entry=argN': the page kept in a scatterlist entry */
		if (!w->value[PB_F_FROM] == !w->value[PB_F_ENTRY]) {
			pb_rules_error(cur, end_column, "'derive' needs one of "
				       "from= or entry=");
			return false;
		}
		v = w->value[PB_F_ENTRY];
		if (v)
			return pb_parse_arg(cur, v->text, v->len, v->column,
					    false, &rule->entry_arg);
		v = w->value[PB_F_FROM];
		/* an accessor: the array in a field of the struct */
		if (memchr(v->text, '-', v->len)) {
			rule->shape = PB_SHAPE_ARRAY;
			return pb_parse_arg_field(cur, v, rule);
		}
		return pb_parse_arg(cur, v->text, v->len, v->column, false,
				    &rule->pages_arg);
	case PB_ROLE_FIELD:
		v = w->value[PB_F_KIND];
		k = pb_parse_keyword(cur, v->text, v->len, v->column, "a kind",
				     pb_kind_words, 3);
		if (k < 0)
			return false;
		rule->kind = (enum pb_ref_kind)k;
		return true;
	case PB_ROLE_BORROW:
		return pb_rule_borrow(cur, w, rule, end_column);
	case PB_ROLE_HOLD:
		v = w->value[PB_F_PAGE];
		return pb_parse_arg(cur, v->text, v->len, v->column, false,
				    &rule->pages_arg);
	case PB_ROLE_OWNER:
		rule->on_success = w->token[PB_F_ON_SUCCESS] != NULL;
		rule->consumes = w->token[PB_F_CONSUMES] != NULL;
		/* a failure leaves the pages, or drops them: not both */
		if (rule->on_success && rule->consumes) {
			pb_rules_error(cur, w->token[PB_F_CONSUMES]->column,
				       "'consumes' and 'on-success' say "
				       "opposite things of a failure");
			return false;
		}
		if (!pb_rule_owner_entry(cur, w, rule, end_column))
			return false;
		v = w->value[PB_F_PAGES];
		return !v || pb_parse_arg(cur, v->text, v->len, v->column,
					  false, &rule->pages_arg);
	case PB_ROLE_PUT:
		v = w->value[PB_F_REF];
		if (!pb_parse_arg(cur, v->text, v->len, v->column, false,
				  &rule->pages_arg))
			return false;
		v = w->value[PB_F_RELEASE];
		return pb_parse_arg(cur, v->text, v->len, v->column, false,
				    &rule->release_arg);
	case PB_ROLE_FREE:
		v = w->value[PB_F_BUFFER];
		return pb_parse_arg(cur, v->text, v->len, v->column, false,
				    &rule->pages_arg);
	case PB_ROLE_TEST:
	case PB_ROLE_MAKES:
		v = w->value[PB_F_VALUE];
		if (!pb_parse_arg(cur, v->text, v->len, v->column, false,
				  &rule->pages_arg))
			return false;
		v = w->value[PB_F_MEANS];
		if (rule->role == PB_ROLE_MAKES) {
			k = pb_parse_keyword(cur, v->text, v->len, v->column,
					     "held or none", pb_made_words, 2);
			rule->test = k == 1 ? PB_TEST_NONE : PB_TEST_HELD;
		} else {
			k = pb_parse_keyword(cur, v->text, v->len, v->column,
					     "a comparison with 0, or held, "
					     "held-if-true, none-if-true "
					     "or type",
					     pb_means_words, 10);
			/* 'type' is no kind taken: after PB_TEST_NONE */
			rule->test = k == 9 ? PB_TEST_TYPE :
					      (enum pb_test)(k < 0 ? 0 : k);
		}
		return k >= 0 && pb_rule_iter(cur, w->value[PB_F_ITER], rule);
	case PB_ROLE_ASKS:
	case PB_ROLE_PASSES:
		v = w->value[PB_F_VALUE];
		if (!pb_parse_arg(cur, v->text, v->len, v->column, false,
				  &rule->pages_arg))
			return false;
		v = w->value[PB_F_FROM];
		return !v || pb_rule_passed_from(cur, v, rule);
	default:
		return true;
	}
}

/*
 * 'defined=drivers/media/vbuf.c:41': the rule is the summary of a function
 * of another file (a summary database, -fplugin-arg-pinbalance-summaries-
 * out), defined there.  A path without blanks, ':', a line number.
 */
static bool pb_rule_defined(struct pb_cursor *cur, const struct pb_token *v,
			    struct pb_rule *rule)
{
	const char *colon;
	size_t i, plen;
	long line = 0;

	if (!v)
		return true;
	colon = NULL;
	for (i = 0; i < v->len; i++)
		if (v->text[i] == ':')
			colon = v->text + i;
	plen = colon ? (size_t)(colon - v->text) : 0;
	if (!colon || !plen || colon + 1 == v->text + v->len) {
		pb_rules_error(cur, v->column,
			       "expected 'defined=FILE:LINE', the place of the "
			       "function's definition");
		return false;
	}
	for (i = plen + 1; i < v->len; i++) {
		if (!isdigit((unsigned char)v->text[i]) || line > 100000000) {
			pb_rules_error(cur, v->column + (int)i,
				       "expected a line number after ':'");
			return false;
		}
		line = line * 10 + (v->text[i] - '0');
	}
	rule->defined_file = xstrndup(v->text, plen);
	rule->defined_line = (int)line;
	return true;
}

/* 'vmci_ctx.notify_page': a struct's tag and a field's name. */
static bool pb_is_field_name(const struct pb_token *t)
{
	const char *dot = (const char *)memchr(t->text, '.', t->len);
	struct pb_token tag = *t, field = *t;

	if (!dot)
		return false;
	tag.len = dot - t->text;
	field.text = dot + 1;
	field.len = t->len - tag.len - 1;
	return pb_is_identifier(&tag) && pb_is_identifier(&field);
}

static int pb_find_verb(const struct pb_token *t)
{
	size_t i;

	for (i = 0; i < PB_NVERBS; i++)
		if (pb_token_is(t, pb_verbs[i].verb))
			return (int)i;
	return -1;
}

/* Free what a rule owns (not the rule: it lives in a set's array). */
static void pb_rule_release_strings(struct pb_rule *rule)
{
	free((void *)rule->name);
	free((void *)rule->defined_file);
	free((void *)rule->iter);
	free((void *)rule->from_fn);
	rule->name = NULL;
	rule->defined_file = NULL;
	rule->iter = NULL;
	rule->from_fn = NULL;
}

/* Parse the tokens of one non-empty line into RULE. */
static bool pb_parse_rule(struct pb_cursor *cur, const struct pb_token *tok,
			  int ntok, int end_column, struct pb_rule *rule)
{
	struct pb_token values[PB_MAX_TOKENS];
	struct pb_written w;
	char quoted[64];
	int verb = pb_find_verb(&tok[0]);
	unsigned int missing;
	int i, f;

	if (verb < 0) {
		pb_rules_error(cur, tok[0].column,
			       "unknown directive '%s'; expected acquire, "
			       "release, derive, borrow, owner, alloc, free, "
			       "test, errptr, ignore, hold, put, field, "
			       "warn, makes, asks or passes",
			       pb_token_quote(&tok[0], quoted, sizeof(quoted)));
		return false;
	}
	if (ntok < 2) {
		pb_rules_error(cur, end_column,
			       "expected a function name after '%s'",
			       pb_verbs[verb].verb);
		return false;
	}
	if (pb_verbs[verb].role == PB_ROLE_FIELD ? !pb_is_field_name(&tok[1]) :
	    !pb_is_identifier(&tok[1])) {
		pb_rules_error(cur, tok[1].column,
			       pb_verbs[verb].role == PB_ROLE_FIELD ?
			       "expected STRUCT.FIELD, not '%s'" :
			       "expected a function name, not '%s'",
			       pb_token_quote(&tok[1], quoted, sizeof(quoted)));
		return false;
	}
	memset(&w, 0, sizeof(w));
	for (i = 2; i < ntok; i++)
		if (!pb_read_field(cur, &tok[i], &values[i],
				   pb_verbs[verb].allowed,
				   pb_verbs[verb].verb, &w))
			return false;
	missing = pb_verbs[verb].required;
	for (f = 0; f < PB_NFIELDS; f++)
		if (w.token[f])
			missing &= ~F(f);
	if (missing) {
		for (f = 0; !(missing & F(f)); f++)
			;
		pb_rules_error(cur, end_column,
			       "missing '%s='; '%s' needs %s",
			       pb_fields[f].name, pb_verbs[verb].verb,
			       pb_verbs[verb].usage);
		return false;
	}
	memset(rule, 0, sizeof(*rule));
	rule->role = pb_verbs[verb].role;
	rule->name = xstrndup(tok[1].text, tok[1].len);
	rule->pages_arg = PB_RULE_NO_ARG;
	rule->count_arg = PB_RULE_NO_ARG;
	rule->count_field_arg = PB_RULE_NO_ARG;
	rule->when_arg = PB_RULE_NO_ARG;
	rule->case_arg = PB_RULE_NO_ARG;
	rule->flags_arg = PB_RULE_NO_ARG;
	rule->held_if_arg = PB_RULE_NO_ARG;
	rule->source_arg = PB_RULE_NO_ARG;
	rule->entry_arg = PB_RULE_NO_ARG;
	rule->file = cur->file;
	rule->line = cur->line;
	if (pb_rule_fields(cur, &w, rule, end_column) &&
	    pb_rule_defined(cur, w.value[PB_F_DEFINED], rule))
		return true;
	pb_rule_release_strings(rule);
	return false;
}

/* ------------------------------------------------------------ the set */

static hashval_t pb_rule_name_hash(const void *p)
{
	return htab_hash_string(((const struct pb_rule *)p)->name);
}

static int pb_rule_name_eq(const void *a, const void *b)
{
	return !strcmp(((const struct pb_rule *)a)->name,
		       ((const struct pb_rule *)b)->name);
}

void pb_rule_set_init(struct pb_rule_set *set)
{
	memset(set, 0, sizeof(*set));
	set->by_name = htab_create_alloc(64, pb_rule_name_hash,
					 pb_rule_name_eq, NULL, xcalloc, free);
}

void pb_rule_set_free(struct pb_rule_set *set)
{
	size_t i;

	for (i = 0; i < set->nrules; i++)
		pb_rule_release_strings(&set->rules[i]);
	free(set->rules);
	for (i = 0; i < set->nfacts; i++)
		pb_rule_release_strings(&set->facts[i]);
	free(set->facts);
	for (i = 0; i < set->nfiles; i++)
		free(set->files[i]);
	free(set->files);
	if (set->by_name)
		htab_delete((htab_t)set->by_name);
	memset(set, 0, sizeof(*set));
}

const struct pb_rule *pb_rule_set_find(const struct pb_rule_set *set,
				       const char *name)
{
	struct pb_rule key;
	size_t index;
	void *found;

	if (!set->by_name)
		return NULL;
	key.name = name;
	found = htab_find((htab_t)set->by_name, &key);
	if (!found)
		return NULL;
	/* the table holds names; rules move when the array grows */
	index = (size_t)((const struct pb_rule *)found - set->rules);
	return index < set->nrules ? &set->rules[index] : NULL;
}

/* Same meaning, whatever the file and line. */
static bool pb_rule_same(const struct pb_rule *a, const struct pb_rule *b)
{
	return a->role == b->role && a->kind == b->kind &&
	       a->shape == b->shape && a->count == b->count &&
	       a->pages_arg == b->pages_arg && a->count_arg == b->count_arg &&
	       a->when_arg == b->when_arg && a->when_mask == b->when_mask &&
	       a->folio == b->folio && a->conditional == b->conditional &&
	       a->recorded == b->recorded &&
	       a->preferred == b->preferred && a->test == b->test &&
	       a->on_success == b->on_success && a->consumes == b->consumes &&
	       a->whole == b->whole && a->drops == b->drops &&
	       a->count_out_arg == b->count_out_arg &&
	       a->release_arg == b->release_arg &&
	       a->held_if_arg == b->held_if_arg &&
	       a->source_arg == b->source_arg &&
	       a->when_clear == b->when_clear && a->case_arg == b->case_arg &&
	       a->ncase_values == b->ncase_values &&
	       !memcmp(a->case_values, b->case_values,
		       sizeof(a->case_values[0]) * (size_t)a->ncase_values) &&
	       a->count_field_arg == b->count_field_arg &&
	       !strcmp(a->pages_field, b->pages_field) &&
	       !strcmp(a->count_field, b->count_field) &&
	       !strcmp(a->iter ? a->iter : "", b->iter ? b->iter : "");
}

/* A release under conditions on its arguments ('when='): one case. */
static bool pb_rule_is_case(const struct pb_rule *r)
{
	return r->role == PB_ROLE_RELEASE && (r->case_arg > 0 || r->when_arg > 0);
}

/* Cases of one function release the same pages, counted the same way. */
static bool pb_rule_same_pages(const struct pb_rule *a, const struct pb_rule *b)
{
	return a->shape == b->shape && a->pages_arg == b->pages_arg &&
	       a->folio == b->folio && !strcmp(a->pages_field, b->pages_field);
}


/* Rehash after the array moved: entries point into it. */
static void pb_rule_set_rehash(struct pb_rule_set *set)
{
	size_t i;

	htab_empty((htab_t)set->by_name);
	/* a function's first rule; its further cases follow it */
	for (i = 0; i < set->nrules; i++) {
		void **slot = htab_find_slot((htab_t)set->by_name,
					     &set->rules[i], INSERT);

		if (!*slot)
			*slot = &set->rules[i];
	}
}

/* Add RULE, found by its name unless it is a further CASE. */
static void pb_rule_set_add(struct pb_rule_set *set, struct pb_rule *rule,
			    bool is_case)
{
	if (set->nrules == set->capacity) {
		set->capacity = set->capacity ? 2 * set->capacity : 64;
		set->rules = XRESIZEVEC(struct pb_rule, set->rules,
					set->capacity);
		set->rules[set->nrules] = *rule;
		set->nrules++;
		pb_rule_set_rehash(set);
		return;
	}
	set->rules[set->nrules] = *rule;
	if (!is_case)
		*htab_find_slot((htab_t)set->by_name, &set->rules[set->nrules],
				INSERT) = &set->rules[set->nrules];
	set->nrules++;
}

/*
 * RULE is another case of FIRST's function: a release of the same pages
 * under other conditions.  The same case again is harmless; true if RULE
 * was added or was one already.
 */
static bool pb_rule_add_case(struct pb_rule_set *set, struct pb_rule *first,
			     struct pb_rule *rule)
{
	struct pb_rule *last = first;

	if (!pb_rule_is_case(first) || !pb_rule_is_case(rule) ||
	    !pb_rule_same_pages(first, rule))
		return false;
	for (;;) {
		if (pb_rule_same(last, rule)) {
			pb_rule_release_strings(rule);
			return true;
		}
		if (!last->case_next)
			break;
		last = last + last->case_next;
	}
	last->case_next = (int)(set->nrules - (size_t)(last - set->rules));
	pb_rule_set_add(set, rule, true);
	return true;
}

/*
 * A database's 'asks' and 'passes' lines are facts about the calls of many
 * files: a function has any number of them, and none is its rule.
 */
static bool pb_rule_is_fact(const struct pb_rule *rule)
{
	return rule->role == PB_ROLE_ASKS || rule->role == PB_ROLE_PASSES;
}

static void pb_rule_set_add_fact(struct pb_rule_set *set, struct pb_rule *rule)
{
	if (set->nfacts == set->facts_capacity) {
		set->facts_capacity = set->facts_capacity ?
				      2 * set->facts_capacity : 16;
		set->facts = XRESIZEVEC(struct pb_rule, set->facts,
					set->facts_capacity);
	}
	set->facts[set->nfacts++] = *rule;
}

/*
 * Add RULE unless the function already has one: the same rule again is
 * harmless, a different one is an error naming the first.
 */
static void pb_rule_keep(struct pb_cursor *cur, struct pb_rule_set *set,
			 struct pb_rule *rule, int column)
{
	struct pb_rule *first;

	if (pb_rule_is_fact(rule)) {
		pb_rule_set_add_fact(set, rule);
		return;
	}
	first = (struct pb_rule *)pb_rule_set_find(set, rule->name);
	if (!first) {
		pb_rule_set_add(set, rule, false);
		return;
	}
	if (pb_rule_add_case(set, first, rule))
		return;
	if (!pb_rule_same(first, rule))
		pb_rules_error(cur, column,
			       "conflicting rule for '%s'; first given at "
			       "%s:%d", rule->name, first->file, first->line);
	pb_rule_release_strings(rule);
}

/* Forget the rules from index KEEP on: a file with errors loads nothing. */
static void pb_rule_set_truncate(struct pb_rule_set *set, size_t keep,
				 size_t keep_facts)
{
	size_t i;

	while (set->nfacts > keep_facts)
		pb_rule_release_strings(&set->facts[--set->nfacts]);
	while (set->nrules > keep) {
		struct pb_rule *rule = &set->rules[--set->nrules];
		void **slot = htab_find_slot((htab_t)set->by_name, rule,
					     NO_INSERT);

		/* a further case is not in the table: its first is */
		if (slot && *slot == rule)
			htab_clear_slot((htab_t)set->by_name, slot);
		pb_rule_release_strings(rule);
	}
	/* cases kept before lose the ones dropped */
	for (i = 0; i < keep; i++)
		if (set->rules[i].case_next &&
		    i + (size_t)set->rules[i].case_next >= keep)
			set->rules[i].case_next = 0;
}

/* --------------------------------------------------------- the text */

/* A byte a rules file may hold: printable ASCII, tab, CR before LF. */
static int pb_check_bytes(struct pb_cursor *cur, const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];

		if (c == '\t' || (c >= 0x20 && c < 0x7f))
			continue;
		if (c == '\r' && i + 1 == len)
			continue;
		pb_rules_error(cur, (int)i + 1,
			       "unexpected byte 0x%02x; a rules file is "
			       "printable ASCII text", c);
		return -1;
	}
	return 0;
}

/* Length of LINE without its comment and a trailing CR. */
static size_t pb_line_content(const char *line, size_t len)
{
	const char *hash = (const char *)memchr(line, '#', len);

	if (hash)
		return (size_t)(hash - line);
	if (len && line[len - 1] == '\r')
		return len - 1;
	return len;
}

/* One physical line: at most one rule. */
static void pb_parse_line(struct pb_cursor *cur, struct pb_rule_set *set,
			  const char *line, size_t len)
{
	struct pb_token tokens[PB_MAX_TOKENS];
	struct pb_rule rule;
	size_t content;
	int ntok;

	if (len > PB_RULES_MAX_LINE) {
		pb_rules_error(cur, PB_RULES_MAX_LINE + 1,
			       "line longer than %d characters",
			       PB_RULES_MAX_LINE);
		return;
	}
	if (pb_check_bytes(cur, line, len))
		return;
	content = pb_line_content(line, len);
	ntok = pb_tokenize(line, content, tokens);
	if (ntok && pb_parse_rule(cur, tokens, ntok, (int)content + 1, &rule))
		pb_rule_keep(cur, set, &rule, tokens[1].column);
}

static const char *pb_rule_set_file(struct pb_rule_set *set, const char *file)
{
	set->files = XRESIZEVEC(char *, set->files, set->nfiles + 1);
	set->files[set->nfiles] = xstrdup(file);
	return set->files[set->nfiles++];
}

/*
 * Parse TEXT (LEN bytes, named FILE in messages) into SET.  Returns the
 * number of errors; SET gains no rule unless it is 0.
 */
int pb_rules_parse(struct pb_rule_set *set, const char *file,
		   const char *text, size_t len,
		   pb_rules_error_fn report, void *ctx)
{
	struct pb_cursor cur = { NULL, 0, 0, report, ctx };
	size_t keep = set->nrules, keep_facts = set->nfacts, pos = 0;

	cur.file = pb_rule_set_file(set, file);
	while (pos < len && cur.errors <= PB_RULES_MAX_ERRORS) {
		const char *nl = (const char *)memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;

		cur.line++;
		pb_parse_line(&cur, set, text + pos, end - pos);
		pos = end + 1;
	}
	if (!cur.errors && set->nrules == keep && set->nfacts == keep_facts) {
		cur.line = 1;
		pb_rules_error(&cur, 1, "no rules in file; expected at least "
			       "one line 'DIRECTIVE FUNCTION FIELD...'");
	}
	if (cur.errors)
		pb_rule_set_truncate(set, keep, keep_facts);
	return cur.errors;
}

/* Read PATH whole, refusing what cannot be a rules file. */
static char *pb_read_file(struct pb_cursor *cur, const char *path,
			  size_t *len)
{
	struct stat st;
	char *text;
	FILE *f;

	cur->line = 1;
	f = fopen(path, "rb");
	if (!f) {
		pb_rules_error(cur, 1, "cannot open rules file: %s",
			       strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
		pb_rules_error(cur, 1, "cannot read rules file: %s",
			       S_ISDIR(st.st_mode) ? "is a directory" :
			       "not a regular file");
		fclose(f);
		return NULL;
	}
	if (st.st_size > PB_RULES_MAX_BYTES) {
		pb_rules_error(cur, 1, "rules file larger than %d bytes",
			       PB_RULES_MAX_BYTES);
		fclose(f);
		return NULL;
	}
	text = XNEWVEC(char, (size_t)st.st_size + 1);
	*len = fread(text, 1, (size_t)st.st_size, f);
	if (ferror(f) || *len != (size_t)st.st_size) {
		pb_rules_error(cur, 1, "cannot read rules file: %s",
			       strerror(errno ? errno : EIO));
		free(text);
		fclose(f);
		return NULL;
	}
	fclose(f);
	return text;
}

int pb_rules_load(struct pb_rule_set *set, const char *path,
		  pb_rules_error_fn report, void *ctx)
{
	struct pb_cursor cur = { path, 0, 0, report, ctx };
	size_t len = 0;
	char *text = pb_read_file(&cur, path, &len);
	int errors;

	if (!text)
		return cur.errors;
	errors = pb_rules_parse(set, path, text, len, report, ctx);
	free(text);
	return errors;
}
