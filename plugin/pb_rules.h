/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pb_rules.h - the rules language: what a rule says about a function.
 *
 * This header and pb_rules.c use no GCC header, only the C library and
 * libiberty, so that the parser can be unit-tested and fuzzed on its own
 * (testsuite/unit/, fuzz/).  docs/rules.md describes the language.
 */
#ifndef PB_RULES_H
#define PB_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* The two kinds of page reference the mm counts separately. */
enum pb_ref_kind {
	PB_PIN,		/* FOLL_PIN: dropped only by the unpin family */
	PB_GET,		/* FOLL_GET: dropped by put_page/folio_put/release_pages */
	PB_ANY,		/* release only: drops whichever kind the pages hold */
};

enum pb_role {
	PB_ROLE_ACQUIRE,	/* takes references on pages it produces */
	PB_ROLE_RELEASE,	/* drops references */
	PB_ROLE_DERIVE,		/* returns the same page seen differently */
	PB_ROLE_BORROW,		/* uses a page without taking it over */
	PB_ROLE_OWNER,		/* takes the pages over: no leak after it */
	PB_ROLE_ALLOC,		/* allocates a buffer this function owns */
	PB_ROLE_FREE,		/* frees a buffer: its pages must be gone */
	PB_ROLE_TEST,		/* error test on a value, e.g. IS_ERR(p) */
	PB_ROLE_ERR_PTR,	/* makes an error pointer: never pages */
	PB_ROLE_IGNORE,		/* a function whose body is not checked */
	PB_ROLE_HOLD,		/* takes one more reference on a page it is
				 * given (get_page, folio_get) */
	PB_ROLE_FIELD,		/* 'field STRUCT.FIELD kind=K': what another
				 * file puts into a struct's field */
	PB_ROLE_PUT,		/* drops a reference on the object holding
				 * 'ref=', calling 'release=' with it when it
				 * was the last (kref_put) */
	PB_ROLE_WARN,		/* reports a kernel bug: WARN() */
	PB_ROLE_MAKES,		/* makes its argument an iterator of a kind:
				 * iov_iter_kvec() */
	PB_ROLE_ASKS,		/* a database's question: where do the
				 * iterators F is given as argument N come
				 * from?  (a site's kind depends on it) */
	PB_ROLE_PASSES,		/* a database's answer, from one file */
	PB_NROLES,
};

/* How the pages are passed. */
enum pb_shape {
	PB_SHAPE_ARRAY,		/* argument points to an array of pages */
	PB_SHAPE_ARRAY_PTR,	/* argument points to the array pointer */
	PB_SHAPE_PAGE,		/* one page (the argument, or the result) */
	PB_SHAPE_RANGE,		/* a page and the count after it */
};

/* Where an acquire says how many pages it took. */
enum pb_count {
	PB_COUNT_RETURN,	/* return value: pages taken, or -errno */
	PB_COUNT_BYTES,		/* return value: bytes, or -errno */
	PB_COUNT_ONE,		/* one page, or an ERR_PTR */
	PB_COUNT_STATUS,	/* return value: 0 when all taken, or -errno */
	PB_COUNT_STORED,	/* added to *argN, on every outcome: what a
				 * failure leaves is the caller's to release */
};

/*
 * What a test function's true result says about its argument: a
 * comparison with 0, or (the last three) whether the acquires given that
 * argument as their 'source=' took their references.
 */
enum pb_test {
	PB_TEST_LT0, PB_TEST_LE0, PB_TEST_EQ0,
	PB_TEST_NE0, PB_TEST_GT0, PB_TEST_GE0,
	PB_TEST_HELD,		/* true: taken; false: none taken */
	PB_TEST_HELD_IF_TRUE,	/* true: taken; false: no telling */
	PB_TEST_NONE_IF_TRUE,	/* true: none taken; false: no telling */
	PB_TEST_NONE,		/* 'makes ... means=none': none taken */
	PB_TEST_TYPE,		/* 'means=type': the result is the
				 * iterator's type, an enumerator
				 * ('iov_iter_type(iter) == ITER_KVEC') */
};

/* Where the iterators a file passes as a function's argument come from. */
enum pb_passed {
	PB_PASSED_PARAM,	/* 'from=G:argM': G's parameter M, or an
				 * iterator under it ('&msg->msg_iter') */
	PB_PASSED_POINTER,	/* 'from=pointer': the file takes the
				 * function's address; a function pointer's
				 * callers pass whatever they have */
	PB_PASSED_HERE,		/* 'from=here': the file made it, or has
				 * it otherwise than from a parameter */
};

/* Argument numbers are 1-based; 0 stands for the return value. */
#define PB_RULE_RETURN		0
#define PB_RULE_NO_ARG		(-1)
#define PB_RULE_MAX_ARG		16
/* The longest field name in 'pages=argN->field', with its NUL. */
#define PB_RULE_MAX_FIELD	48
/* The most values a release case names ('when=arg1==1|4'). */
#define PB_RULE_MAX_VALUES	8

struct pb_rule {
	const char *name;
	enum pb_role role;
	enum pb_ref_kind kind;
	enum pb_shape shape;
	enum pb_count count;
	int pages_arg;		/* the pages: argument, or PB_RULE_RETURN */
	char pages_field[PB_RULE_MAX_FIELD];	/* 'pages=arg2->pgs': the
					 * array is in this field of the
					 * struct the argument points to */
	int count_arg;		/* acquire: requested count; release: count */
	int count_field_arg;	/* release 'count=argN->field': N, and */
	char count_field[PB_RULE_MAX_FIELD];	/* the field of the struct
					 * it points to that holds the count
					 * ('umem->npgs'), read at the call */
	int count_out_arg;	/* acquire 'count=*argN': N */
	int release_arg;	/* put: the release function's argument */
	int held_if_arg;	/* acquire 'held-if=*argN': the pages are
				 * held only where the call left a non-zero
				 * value in *argN (its 'need_drop') */
	int source_arg;		/* conditional acquire 'source=argN': the
				 * iterator whose kind decides whether
				 * references are taken, which the tests
				 * of its kind (PB_TEST_HELD...) tell */
	int flags_arg;		/* acquire: the gup flags (for the census) */
	int entry_arg;		/* owner, derive 'entry=argN': the
				 * scatterlist entry the page is put
				 * into, or read from */
	int when_arg;		/* acquire: flags argument that must hold... */
	unsigned long long when_mask;	/* ...one of these bits */
	bool when_clear;	/* release '!argN&MASK': none of the bits */
	int case_arg;		/* release 'when=argN==V|W': argument N... */
	unsigned long long case_values[PB_RULE_MAX_VALUES];	/* ...is one */
	int ncase_values;	/* of these values */
	int case_next;		/* the function's next release case is this
				 * many rules further in the array; 0 */
	bool folio;		/* the pages are folios */
	bool conditional;	/* pins only sometimes: kind not certain */
	bool recorded;		/* conditional acquire: notes in the
				 * pages' holder (a bio's BIO_PAGE_PINNED)
				 * whether it took references, for the
				 * 'kind=any' releases that read it */
	bool preferred;		/* the release to suggest for its kind */
	bool on_success;	/* owner: a failure leaves the pages */
	bool consumes;		/* owner: a failure drops the pages */
	bool whole;		/* acquire: all requested pages, or none */
	bool drops;		/* borrow 'pages=*argN kind=K': the callee
				 * may replace the array and drop, in kind
				 * K, the references it does not keep */
	enum pb_test test;	/* PB_ROLE_TEST: what a true result means;
				 * PB_ROLE_MAKES: PB_TEST_HELD or
				 * PB_TEST_NONE */
	const char *iter;	/* test, makes 'iter=ITER_UBUF,ITER_IOVEC':
				 * the iterator types for which the test
				 * is true, or the type made; NULL */
	enum pb_passed passed;	/* passes: where the iterator came from */
	const char *from_fn;	/* passes 'from=G:argM': G, and */
	int from_arg;		/* M */
	const char *file;	/* where the rule was read */
	int line;
	const char *defined_file;	/* 'defined=FILE:LINE': a summary of */
	int defined_line;		/* a function of that file */
	/* filled in by the plugin as it uses the rule */
	bool summary;		/* written for a function of the file */
	bool checked;		/* prototype compared with the rule */
	bool unfit;		/* prototype does not fit: rule ignored */
	unsigned long uses;	/* calls (or, for ignore, bodies) it matched */
};

struct pb_rule_set {
	struct pb_rule *rules;
	size_t nrules;
	size_t capacity;
	void *by_name;		/* libiberty htab: name -> rule index + 1 */
	struct pb_rule *facts;	/* 'asks' and 'passes' lines: many per */
	size_t nfacts;		/* function, none of them its rule */
	size_t facts_capacity;
	char **files;		/* file names the rules point into */
	size_t nfiles;
};

/* Called for each error; FILE:LINE:COLUMN is where the problem is. */
typedef void (*pb_rules_error_fn)(void *ctx, const char *file, int line,
				  int column, const char *message);

/* Limits that keep a hostile file from costing more than it is worth. */
#define PB_RULES_MAX_LINE	512
#define PB_RULES_MAX_ERRORS	10
#define PB_RULES_MAX_BYTES	(1 << 20)

void pb_rule_set_init(struct pb_rule_set *set);
void pb_rule_set_free(struct pb_rule_set *set);
int pb_rules_parse(struct pb_rule_set *set, const char *file,
		   const char *text, size_t len,
		   pb_rules_error_fn report, void *ctx);
int pb_rules_load(struct pb_rule_set *set, const char *path,
		  pb_rules_error_fn report, void *ctx);
const struct pb_rule *pb_rule_set_find(const struct pb_rule_set *set,
				       const char *name);
const char *pb_role_name(enum pb_role role);
extern const char *const pb_kind_words[];	/* "pin", "get", "any" */

#endif /* PB_RULES_H */
