// SPDX-License-Identifier: GPL-2.0
/*
 * rules-unit.c - unit tests of the rules parser (plugin/pb_rules.c), built
 * without GCC's headers.  Prints one "PASS: name" or "FAIL: name (why)"
 * line per check; testsuite/pinbalance.unit/unit.exp turns them into
 * DejaGnu results.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pb_rules.h"

static int failures;

static void check(int ok, const char *name, const char *why)
{
	if (ok)
		printf("PASS: %s\n", name);
	else
		printf("FAIL: %s (%s)\n", name, why);
	failures += !ok;
}

/* The first error the parser reported, as "LINE:COLUMN: message". */
struct seen {
	int count;
	char first[1024];
};

static void record(void *ctx, const char *file, int line, int column,
		   const char *message)
{
	struct seen *seen = ctx;

	(void)file;
	if (!seen->count++)
		snprintf(seen->first, sizeof(seen->first), "%d:%d: %s", line,
			 column, message);
}

/* Parse TEXT into a fresh set; the set is returned for inspection. */
static int parse(struct pb_rule_set *set, const char *text, struct seen *seen)
{
	memset(seen, 0, sizeof(*seen));
	pb_rule_set_init(set);
	return pb_rules_parse(set, "t.rules", text, strlen(text), record, seen);
}

static void expect_error(const char *name, const char *text,
			 const char *where_and_what)
{
	struct pb_rule_set set;
	struct seen seen;
	int errors = parse(&set, text, &seen);

	check(errors > 0 && set.nrules == 0 &&
	      !strncmp(seen.first, where_and_what, strlen(where_and_what)),
	      name, seen.count ? seen.first : "no error");
	pb_rule_set_free(&set);
}

static void test_acquire_fields(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *r;

	parse(&set, "acquire pin_user_pages_remote kind=pin pages=arg5 "
		    "count=return requested=arg3\n", &seen);
	r = pb_rule_set_find(&set, "pin_user_pages_remote");
	check(r && r->role == PB_ROLE_ACQUIRE && r->kind == PB_PIN &&
	      r->shape == PB_SHAPE_ARRAY && r->count == PB_COUNT_RETURN &&
	      r->pages_arg == 5 && r->count_arg == 3 && !r->folio &&
	      !r->conditional && r->when_arg == PB_RULE_NO_ARG && r->line == 1,
	      "acquire: every field lands", seen.first);
	pb_rule_set_free(&set);
}

static void test_shapes(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *a, *b, *c, *d, *e;

	parse(&set, "acquire x kind=pin pages=*arg2 count=bytes conditional\n"
		    "acquire y kind=get page=return count=one\n"
		    "acquire z kind=pin folios=arg4 count=return\n"
		    "release u kind=pin range=arg1 count=arg2\n"
		    "release v kind=any pages=arg1 count=all\n", &seen);
	a = pb_rule_set_find(&set, "x");
	b = pb_rule_set_find(&set, "y");
	c = pb_rule_set_find(&set, "z");
	d = pb_rule_set_find(&set, "u");
	e = pb_rule_set_find(&set, "v");
	check(a && a->shape == PB_SHAPE_ARRAY_PTR && a->pages_arg == 2 &&
	      a->count == PB_COUNT_BYTES && a->conditional,
	      "pages=*argN is a callee-allocated array", seen.first);
	check(b && b->shape == PB_SHAPE_PAGE && b->pages_arg == PB_RULE_RETURN &&
	      b->count == PB_COUNT_ONE, "page=return with count=one", seen.first);
	check(c && c->folio && c->shape == PB_SHAPE_ARRAY,
	      "folios= sets the folio flag", seen.first);
	check(d && d->shape == PB_SHAPE_RANGE && d->count_arg == 2,
	      "range= with a count", seen.first);
	check(e && e->kind == PB_ANY && e->count_arg == PB_RULE_NO_ARG,
	      "kind=any and count=all", seen.first);
	pb_rule_set_free(&set);
}

/* The shapes of the file's own helpers: a field of a struct argument, an
 * array returned, a release through a pointer, a count in memory. */
static void test_helper_shapes(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *a, *b, *c, *d, *e, *f, *g;

	parse(&set, "acquire pinf kind=pin pages=arg2->pages count=status\n"
		    "release unpf kind=get folios=arg1->pgs count=all\n"
		    "acquire pinr kind=pin pages=return count=one\n"
		    "release freep kind=pin pages=*arg1 count=arg2\n"
		    "acquire lock kind=pin pages=arg3 count=*arg5\n"
		    "release unpn kind=pin pages=arg1->pgs count=arg1->npgs\n"
		    "acquire mapd kind=get pages=*arg2 count=bytes held-if=*arg6\n",
	      &seen);
	a = pb_rule_set_find(&set, "pinf");
	b = pb_rule_set_find(&set, "unpf");
	c = pb_rule_set_find(&set, "pinr");
	d = pb_rule_set_find(&set, "freep");
	e = pb_rule_set_find(&set, "lock");
	f = pb_rule_set_find(&set, "unpn");
	check(a && a->pages_arg == 2 && !strcmp(a->pages_field, "pages") &&
	      a->count == PB_COUNT_STATUS, "pages=argN->field", seen.first);
	check(b && b->folio && !strcmp(b->pages_field, "pgs") &&
	      b->role == PB_ROLE_RELEASE, "folios=argN->field on a release",
	      seen.first);
	check(c && c->shape == PB_SHAPE_ARRAY && c->pages_arg == PB_RULE_RETURN &&
	      c->count == PB_COUNT_ONE, "pages=return with count=one",
	      seen.first);
	check(d && d->shape == PB_SHAPE_ARRAY_PTR && d->pages_arg == 1 &&
	      d->count_arg == 2, "pages=*argN on a release", seen.first);
	check(e && e->count == PB_COUNT_STORED && e->count_out_arg == 5 &&
	      e->pages_arg == 3, "count=*argN", seen.first);
	check(f && f->count_field_arg == 1 && !strcmp(f->count_field, "npgs") &&
	      f->count_arg == PB_RULE_NO_ARG && !strcmp(f->pages_field, "pgs"),
	      "count=argN->field", seen.first);
	g = pb_rule_set_find(&set, "mapd");
	check(g && g->shape == PB_SHAPE_ARRAY_PTR && g->pages_arg == 2 &&
	      g->count == PB_COUNT_BYTES && g->held_if_arg == 6,
	      "held-if=*argN", seen.first);
	pb_rule_set_free(&set);
}

static void test_other_roles(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *t, *w;
	int errors;

	errors = parse(&set, "derive _compound_head from=arg1\n"
			     "derive frame_vector_pages from=arg1->ptrs\n"
			     "borrow page_address page=arg1\n"
			     "owner sg_set_page pages=arg2\n"
			     "owner hand_off\n"
			     "free kfree buffer=arg1\n"
			     "alloc kmalloc_array\n"
			     "test IS_ERR value=arg1 means=<0\n"
			     "errptr ERR_PTR\n"
			     "ignore gup_test_ioctl\n"
			     "acquire g kind=pin pages=arg4 count=return "
			     "when=arg3&0x40000\n", &seen);
	check(!errors && set.nrules == 11, "every directive parses", seen.first);
	t = pb_rule_set_find(&set, "frame_vector_pages");
	check(t && t->role == PB_ROLE_DERIVE && t->pages_arg == 1 &&
	      t->shape == PB_SHAPE_ARRAY && !strcmp(t->pages_field, "ptrs"),
	      "derive from=argN->field", seen.first);
	t = pb_rule_set_find(&set, "IS_ERR");
	check(t && t->role == PB_ROLE_TEST && t->test == PB_TEST_LT0 &&
	      t->pages_arg == 1, "test value= means=", seen.first);
	w = pb_rule_set_find(&set, "g");
	check(w && w->when_arg == 3 && w->when_mask == 0x40000,
	      "when=argN&MASK", seen.first);
	t = pb_rule_set_find(&set, "hand_off");
	check(t && t->role == PB_ROLE_OWNER && t->pages_arg == PB_RULE_NO_ARG,
	      "owner without pages= takes every argument", seen.first);
	pb_rule_set_free(&set);
}

/* 'borrow F pages=*argN count=*argM kind=K': a helper that may replace
 * its caller's array (io_uring's io_try_coalesce_buffer()). */
static void test_borrow_replace(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *r, *q;
	int errors;

	errors = parse(&set, "borrow coalesce pages=*arg1 count=*arg2 kind=pin\n"
			     "borrow peek pages=*arg3\n", &seen);
	check(!errors && set.nrules == 2, "borrow pages=*argN parses",
	      seen.first);
	r = pb_rule_set_find(&set, "coalesce");
	check(r && r->role == PB_ROLE_BORROW && r->shape == PB_SHAPE_ARRAY_PTR &&
	      r->pages_arg == 1 && r->count_out_arg == 2 && r->drops &&
	      r->kind == PB_PIN, "borrow pages=*argN count=*argM kind=",
	      seen.first);
	q = pb_rule_set_find(&set, "peek");
	check(q && q->shape == PB_SHAPE_ARRAY_PTR && q->pages_arg == 3 &&
	      !q->drops && !q->count_out_arg, "borrow pages=*argN alone",
	      seen.first);
	pb_rule_set_free(&set);
	expect_error("borrow without pages", "borrow b\n",
		     "1:9: 'borrow' needs one of page=, pages=argN or pages=*argN");
	expect_error("borrow with both", "borrow b page=arg1 pages=*arg2\n",
		     "1:20: 'borrow' needs one of page=, pages=argN or pages=*argN");
	expect_error("borrow pages not through a pointer, with a kind",
		     "borrow b pages=arg1 kind=pin\n", "1:16: expected '*argN'");
	expect_error("borrow count with a page", "borrow b page=arg1 count=*arg2\n",
		     "1:26: count= and kind= go with 'pages=*argN'");
	expect_error("borrow count not through a pointer",
		     "borrow b pages=*arg1 count=arg2\n", "1:28: expected '*argN'");
	expect_error("borrow count is the pages",
		     "borrow b pages=*arg1 count=*arg1\n",
		     "1:29: the count and the pages are different arguments");
	expect_error("borrow kind any", "borrow b pages=*arg1 kind=any\n",
		     "1:27: expected a kind: pin, get");
}

static void test_layout(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *r;
	int errors;

	errors = parse(&set, "# comment\n\n\t  \n"
			     "release\tput_page  kind=get\tpage=arg1 # why\r\n"
			     "ignore last_line_without_newline", &seen);
	r = pb_rule_set_find(&set, "put_page");
	check(!errors && r && r->line == 4 &&
	      pb_rule_set_find(&set, "last_line_without_newline"),
	      "comments, blank lines, tabs, CRLF, no final newline",
	      seen.first);
	pb_rule_set_free(&set);
}

static void test_duplicates(void)
{
	struct pb_rule_set set;
	struct seen seen;
	int errors;

	errors = parse(&set, "alloc a\nalloc a\n", &seen);
	check(!errors && set.nrules == 1, "the same rule twice is one rule",
	      seen.first);
	pb_rule_set_free(&set);
	expect_error("a conflicting rule names the first",
		     "alloc a\nfree a buffer=arg1\n",
		     "2:6: conflicting rule for 'a'; first given at t.rules:1");
}

static void test_errors(void)
{
	char longline[PB_RULES_MAX_LINE + 16];

	expect_error("unknown directive", "pin x\n", "1:1: unknown directive 'pin'");
	expect_error("missing name", "alloc   # nothing\n", "1:9: expected a function name after 'alloc'");
	expect_error("name not an identifier", "alloc 9lives\n", "1:7: expected a function name, not '9lives'");
	expect_error("missing kind", "release put_page page=arg1\n", "1:27: missing 'kind='");
	expect_error("missing where", "release put_page kind=get\n", "1:26: expected where the pages are");
	expect_error("two wheres", "release p kind=get page=arg1 pages=arg1 count=arg2\n", "1:30: the pages are already given by 'page='");
	expect_error("unknown field", "alloc a size=arg1\n", "1:9: unexpected field 'size' for 'alloc'");
	expect_error("field twice", "derive d from=arg1 from=arg2\n", "1:20: field 'from' given twice");
	expect_error("flag with value", "acquire a kind=pin pages=arg1 count=return conditional=1\n", "1:55: 'conditional' is a flag");
	expect_error("value missing", "derive d from=\n", "1:15: expected a value after 'from='");
	expect_error("arg0", "derive d from=arg0\n", "1:18: argument number must be between 1 and 16");
	expect_error("huge arg", "derive d from=arg99999999999999999999\n", "1:");
	expect_error("arg not a number", "derive d from=arg1x\n", "1:19: expected a decimal argument number");
	expect_error("return where not allowed", "release r kind=pin page=return\n", "1:25: expected an argument 'argN'");
	expect_error("star on a single page", "release r kind=pin page=*arg1\n", "1:25: expected an argument 'argN'");
	expect_error("kind any on acquire", "acquire a kind=any pages=arg1 count=return\n", "1:16: expected a kind: pin, get");
	expect_error("bad count", "acquire a kind=pin pages=arg1 count=pages\n", "1:37: expected a count: return, bytes, one, status");
	expect_error("count one on array", "acquire a kind=pin pages=arg1 count=one\n", "1:37: 'count=one' goes with");
	expect_error("count field on a range", "release r kind=pin range=arg1 count=arg1->n\n", "1:37: a count in a field ('count=argN->field') is for an array");
	expect_error("count field without name", "release r kind=pin pages=arg1 count=arg1->\n", "1:43: expected a field name after '->'");
	expect_error("count field on acquire", "acquire a kind=pin pages=arg1 count=arg1->n\n", "1:37: expected a count: return, bytes, one, status");
	expect_error("when without mask", "acquire a kind=pin pages=arg1 count=return when=arg2\n", "1:53: expected 'when=argN&MASK'");
	expect_error("when mask zero", "acquire a kind=pin pages=arg1 count=return when=arg2&0\n", "1:54: a 'when=' mask of 0 never holds");
	expect_error("when mask overflow", "acquire a kind=pin pages=arg1 count=return when=arg2&0x1ffffffffffffffff\n", "1:54: expected a bit mask");
	expect_error("bad test", "test T value=arg1 means=<1\n", "1:25: expected a comparison with 0");
	expect_error("high byte", "alloc caf\xc3\xa9\n", "1:10: unexpected byte 0xc3");
	expect_error("empty", "", "1:1: no rules in file");
	expect_error("comments only", "# nothing\n", "1:1: no rules in file");
	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	memcpy(longline, "# ", 2);
	expect_error("overlong comment line", longline, "1:513: line longer than 512");
	expect_error("error on a later line names it", "alloc a\n\nalloc b c\n", "3:9: unexpected field 'c'");
}

/* Text with a NUL byte: the parser takes a length, not a C string. */
static void test_nul_byte(void)
{
	static const char text[] = "alloc a\n\0alloc b\n";
	struct pb_rule_set set;
	struct seen seen;
	int errors;

	memset(&seen, 0, sizeof(seen));
	pb_rule_set_init(&set);
	errors = pb_rules_parse(&set, "t.rules", text, sizeof(text) - 1,
				record, &seen);
	check(errors == 1 && set.nrules == 0 &&
	      !strcmp(seen.first, "2:1: unexpected byte 0x00; a rules file is "
		      "printable ASCII text"), "a NUL byte is an error",
	      seen.first);
	pb_rule_set_free(&set);
}

static void test_all_or_nothing(void)
{
	struct pb_rule_set set;
	struct seen seen;
	int errors;

	pb_rule_set_init(&set);
	errors = pb_rules_parse(&set, "a.rules", "alloc a\n", 8, record, &seen);
	memset(&seen, 0, sizeof(seen));
	errors += pb_rules_parse(&set, "b.rules", "alloc b\nbogus\n", 14,
				 record, &seen);
	check(errors == 1 && set.nrules == 1 && pb_rule_set_find(&set, "a") &&
	      !pb_rule_set_find(&set, "b"),
	      "a file with an error adds no rule, earlier files stay",
	      seen.first);
	pb_rule_set_free(&set);
}

static void test_error_cap(void)
{
	struct pb_rule_set set;
	struct seen seen;
	char text[4096] = "";
	int i, errors;

	for (i = 0; i < 50; i++)
		strcat(text, "bogus\n");
	errors = parse(&set, text, &seen);
	check(errors > PB_RULES_MAX_ERRORS && seen.count == PB_RULES_MAX_ERRORS,
	      "at most PB_RULES_MAX_ERRORS errors are reported", seen.first);
	pb_rule_set_free(&set);
}

static void test_many_rules(void)
{
	struct pb_rule_set set;
	struct seen seen;
	size_t len = 0, cap = 1 << 20;
	char *text = malloc(cap);
	int i, errors;
	char name[32];

	for (i = 0; i < 20000; i++)
		len += (size_t)snprintf(text + len, cap - len, "alloc f%d\n", i);
	memset(&seen, 0, sizeof(seen));
	pb_rule_set_init(&set);
	errors = pb_rules_parse(&set, "big.rules", text, len, record, &seen);
	snprintf(name, sizeof(name), "f%d", 12345);
	check(!errors && set.nrules == 20000 && pb_rule_set_find(&set, name) &&
	      pb_rule_set_find(&set, name)->line == 12346,
	      "20000 rules, found by name after the array grew", seen.first);
	pb_rule_set_free(&set);
	free(text);
}

static void test_load(const char *dir)
{
	struct pb_rule_set set;
	struct seen seen;
	char path[4096];
	int errors;

	snprintf(path, sizeof(path), "%s/../rules/linux.rules", dir);
	memset(&seen, 0, sizeof(seen));
	pb_rule_set_init(&set);
	errors = pb_rules_load(&set, path, record, &seen);
	check(!errors && set.nrules > 50 &&
	      pb_rule_set_find(&set, "pin_user_pages") &&
	      pb_rule_set_find(&set, "unpin_user_pages"),
	      "rules/linux.rules loads", seen.first);
	pb_rule_set_free(&set);

	memset(&seen, 0, sizeof(seen));
	pb_rule_set_init(&set);
	errors = pb_rules_load(&set, "/nonexistent/x.rules", record, &seen);
	check(errors == 1 && strstr(seen.first, "cannot open rules file"),
	      "a missing file is one error", seen.first);
	pb_rule_set_free(&set);

	memset(&seen, 0, sizeof(seen));
	pb_rule_set_init(&set);
	errors = pb_rules_load(&set, dir, record, &seen);
	check(errors == 1 && strstr(seen.first, "is a directory"),
	      "a directory is one error", seen.first);
	pb_rule_set_free(&set);
}

/* Several 'release' lines of one function with 'when=': its cases. */
static void test_release_cases(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *r, *c;
	int errors;

	errors = parse(&set, "release pb kind=get pages=arg2 count=all "
			     "when=arg1==0xc0306701|4\n"
			     "alloc other\n"
			     "release pb kind=pin pages=arg2 count=arg3 "
			     "when=arg1==6,!arg4&0x1\n"
			     "release pb kind=get pages=arg2 count=all "
			     "when=arg1==0xc0306701|4\n", &seen);
	r = pb_rule_set_find(&set, "pb");
	check(!errors && set.nrules == 3 && r && r->case_arg == 1 &&
	      r->ncase_values == 2 && r->case_values[0] == 0xc0306701 &&
	      r->case_values[1] == 4 && r->when_arg == PB_RULE_NO_ARG &&
	      r->case_next == 2, "release cases chain, a repeated one dropped",
	      seen.first);
	c = r ? r + r->case_next : NULL;
	check(c && c->kind == PB_PIN && c->case_arg == 1 &&
	      c->case_values[0] == 6 && c->when_arg == 4 && c->when_mask == 1 &&
	      c->when_clear && !c->case_next, "when=argN==V,!argM&MASK",
	      seen.first);
	pb_rule_set_free(&set);
	expect_error("a release and a case of one function conflict",
		     "release a kind=pin pages=arg1 count=arg2\n"
		     "release a kind=get pages=arg1 count=all when=arg3&1\n",
		     "2:9: conflicting rule for 'a'");
	expect_error("cases release the same pages",
		     "release a kind=pin pages=arg1 count=arg2 when=arg3&1\n"
		     "release a kind=get pages=arg2 count=all when=!arg3&1\n",
		     "2:9: conflicting rule for 'a'");
	expect_error("an acquire's when= is a mask only",
		     "acquire a kind=pin pages=arg1 count=return when=arg2==1\n",
		     "1:");
	expect_error("a value is a number",
		     "release a kind=pin pages=arg1 count=arg2 when=arg3==x\n",
		     "1:53: expected a value");
}

/* 'put kref_put ref=arg1 release=arg2': the object's reference, and the
 * function its last put calls with it. */
static void test_put(void)
{
	struct pb_rule_set set;
	struct seen seen;
	const struct pb_rule *r;

	parse(&set, "put kref_put_lock ref=arg1 release=arg2\n", &seen);
	r = pb_rule_set_find(&set, "kref_put_lock");
	check(r && r->role == PB_ROLE_PUT && r->pages_arg == 1 &&
	      r->release_arg == 2, "put: the reference and its release",
	      seen.first);
	pb_rule_set_free(&set);
	expect_error("put needs its release", "put kref_put ref=arg1\n",
		     "1:");
	expect_error("a put's release is an argument",
		     "put kref_put ref=arg1 release=return\n", "1:");
}

/*
 * A database's questions and answers are facts, not rules: any number per
 * function, beside its rule, and a file with an error keeps none of them.
 */
static void test_facts(void)
{
	static const char text[] =
		"asks skb_splice_from_iter value=arg2 defined=net/core/skbuff.c:7305\n"
		"passes skb_splice_from_iter value=arg2 from=tcp_sendmsg:arg2 defined=net/ipv4/tcp.c:1052\n"
		"passes skb_splice_from_iter value=arg2 from=pointer defined=net/unix/af_unix.c:2264\n"
		"passes skb_splice_from_iter value=arg2 from=here defined=net/ipv4/icmp.c:372\n"
		"borrow skb_splice_from_iter page=arg1\n";
	static const char bad[] = "passes f value=arg1 from=here\nbogus\n";
	const struct pb_rule *f;
	struct pb_rule_set set;
	struct seen seen;
	int errors;

	memset(&seen, 0, sizeof(seen));
	pb_rule_set_init(&set);
	errors = pb_rules_parse(&set, "db.rules", text, sizeof(text) - 1,
				record, &seen);
	f = set.nfacts == 4 ? &set.facts[1] : NULL;
	check(!errors && set.nrules == 1 &&
	      pb_rule_set_find(&set, "skb_splice_from_iter")->role ==
	      PB_ROLE_BORROW && f && f->role == PB_ROLE_PASSES &&
	      f->pages_arg == 2 && f->passed == PB_PASSED_PARAM &&
	      !strcmp(f->from_fn, "tcp_sendmsg") && f->from_arg == 2 &&
	      set.facts[0].role == PB_ROLE_ASKS &&
	      set.facts[2].passed == PB_PASSED_POINTER &&
	      set.facts[3].passed == PB_PASSED_HERE,
	      "questions and answers are facts beside the function's rule",
	      seen.first);
	memset(&seen, 0, sizeof(seen));
	errors = pb_rules_parse(&set, "bad.rules", bad, strlen(bad), record,
				&seen);
	check(errors == 1 && set.nfacts == 4,
	      "a file with an error adds no fact", seen.first);
	pb_rule_set_free(&set);
}

int main(int argc, char **argv)
{
	test_acquire_fields();
	test_shapes();
	test_helper_shapes();
	test_other_roles();
	test_borrow_replace();
	test_layout();
	test_duplicates();
	test_release_cases();
	test_put();
	test_errors();
	test_nul_byte();
	test_all_or_nothing();
	test_error_cap();
	test_facts();
	test_many_rules();
	test_load(argc > 1 ? argv[1] : ".");
	printf("%d failed\n", failures);
	return failures != 0;
}
