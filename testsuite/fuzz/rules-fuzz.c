// SPDX-License-Identifier: GPL-2.0
/*
 * rules-fuzz.c - libFuzzer harness for the rules parser (plugin/pb_rules.c).
 *
 * Each input is parsed as a rules file, first into an empty set and then
 * on top of the built-in rules (so duplicates and conflicts are reached).
 * Besides the sanitizers' checks, the harness asserts what the parser
 * promises: a file with errors adds no rule, a file without errors adds at
 * least one, and every rule it keeps is well formed.
 *
 *   make fuzz FUZZ_SECONDS=1800
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pb_rules.h"

static const char pb_linux_rules[] =
#include "pb_linux_rules.inc"
	;

static void pb_fuzz_error(void *ctx, const char *file, int line, int column,
			  const char *message)
{
	int *reported = ctx;

	(*reported)++;
	if (!file || line < 1 || column < 1 || !message || !*message)
		abort();
	if (column > PB_RULES_MAX_LINE + 1)
		abort();
}

static int pb_arg_ok(int arg, bool may_be_none, bool may_be_return)
{
	if (arg == PB_RULE_NO_ARG)
		return may_be_none;
	if (arg == PB_RULE_RETURN)
		return may_be_return;
	return arg >= 1 && arg <= PB_RULE_MAX_ARG;
}

static void pb_check_rule(const struct pb_rule *rule)
{
	if (!rule->name || !*rule->name || !rule->file || rule->line < 1)
		abort();
	if (rule->role >= PB_NROLES)
		abort();
	if (!pb_arg_ok(rule->pages_arg, true, rule->role == PB_ROLE_ACQUIRE) ||
	    !pb_arg_ok(rule->count_arg, true, false) ||
	    !pb_arg_ok(rule->when_arg, true, false) ||
	    !pb_arg_ok(rule->count_field_arg, true, false))
		abort();
	/* 'count=argN->field': a named field, of an array release only */
	if ((rule->count_field_arg != PB_RULE_NO_ARG) != !!rule->count_field[0] ||
	    (rule->count_field[0] && (rule->role != PB_ROLE_RELEASE ||
				      rule->shape != PB_SHAPE_ARRAY ||
				      rule->count_arg != PB_RULE_NO_ARG)))
		abort();
	if (rule->when_arg != PB_RULE_NO_ARG && !rule->when_mask)
		abort();
	/* 'held-if=*argN': an array acquire's flag, not its pages */
	if (!pb_arg_ok(rule->held_if_arg, true, false) ||
	    (rule->held_if_arg != PB_RULE_NO_ARG &&
	     (rule->role != PB_ROLE_ACQUIRE ||
	      (rule->shape != PB_SHAPE_ARRAY &&
	       rule->shape != PB_SHAPE_ARRAY_PTR) ||
	      rule->held_if_arg == rule->pages_arg)))
		abort();
	if (rule->role == PB_ROLE_ACQUIRE &&
	    (rule->count == PB_COUNT_ONE) != (rule->pages_arg == PB_RULE_RETURN))
		abort();
}

/* A database's question or answer: an argument, and for an answer from
 * another function's parameter, that function and its argument. */
static void pb_check_fact(const struct pb_rule *fact)
{
	if (!fact->name || !*fact->name || !fact->file || fact->line < 1)
		abort();
	if (fact->role != PB_ROLE_ASKS && fact->role != PB_ROLE_PASSES)
		abort();
	if (!pb_arg_ok(fact->pages_arg, false, false))
		abort();
	if (fact->role == PB_ROLE_PASSES && fact->passed == PB_PASSED_PARAM &&
	    (!fact->from_fn || !*fact->from_fn ||
	     !pb_arg_ok(fact->from_arg, false, false)))
		abort();
}

static void pb_parse_into(struct pb_rule_set *set, const char *text,
			  size_t len)
{
	size_t before = set->nrules, facts = set->nfacts, i;
	int reported = 0;
	int errors = pb_rules_parse(set, "fuzz.rules", text, len,
				    pb_fuzz_error, &reported);
	bool added = set->nrules != before || set->nfacts != facts;

	/* a file with errors adds nothing; one without adds a rule or a
	 * fact */
	if (errors ? added : !added)
		abort();
	for (i = 0; i < set->nfacts; i++)
		pb_check_fact(&set->facts[i]);
	if (errors && reported != (errors < PB_RULES_MAX_ERRORS ?
				   errors : PB_RULES_MAX_ERRORS))
		abort();
	for (i = 0; i < set->nrules; i++) {
		pb_check_rule(&set->rules[i]);
		if (pb_rule_set_find(set, set->rules[i].name) != &set->rules[i])
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pb_rule_set set;
	int reported = 0;

	pb_rule_set_init(&set);
	pb_parse_into(&set, (const char *)data, size);
	pb_rule_set_free(&set);

	pb_rule_set_init(&set);
	if (pb_rules_parse(&set, "linux.rules", pb_linux_rules,
			   sizeof(pb_linux_rules) - 1, pb_fuzz_error, &reported))
		abort();
	pb_parse_into(&set, (const char *)data, size);
	pb_rule_set_free(&set);
	return 0;
}
