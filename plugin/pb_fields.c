// SPDX-License-Identifier: GPL-2.0
/*
 * pb_fields.c - struct fields that hold pages, across the functions of a
 * translation unit.
 *
 * Drivers keep the array they pin in a struct ('buf->pages') and release
 * it in another function, a teardown or a completion.  The conversion
 * from get_user_pages() to pin_user_pages() most often misses exactly
 * that release.  So every function is scanned for what it puts into
 * fields holding pages (the kind each acquire gives them, and pages from
 * anywhere else) and for the releases of pages loaded from such a field.
 * At the end of the translation unit, a release of one kind of pages from
 * a field that only ever received the other kind is a mismatch, reported
 * at the release with a path from the acquire, which may be in another
 * function.  A field that also receives pages of the other kind, pages of
 * unknown kind, or pages from code without a rule is not judged: it is
 * counted.  GCC shares one FIELD_DECL per field of a type in a
 * translation unit, so the tables are keyed by it.  A static variable of
 * the file that holds pages is a field of the file, keyed by its
 * VAR_DECL: no other file can fill it or release from it.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* How deep a pages argument is followed back to the field it came from. */
#define PB_FIELD_DEPTH 8

/* What a field received, over the whole translation unit. */
struct pb_field {
	tree field;			/* the FIELD_DECL */
	unsigned int kinds;		/* bit PB_PIN, bit PB_GET */
	bool unknown;			/* pages of uncertain kind or origin */
	location_t fill_loc[2];		/* the first acquire of each kind */
	tree fill_fn[2];
	const struct pb_rule *fill_rule[2];
};

/* A release of pages loaded from a field. */
struct pb_field_release {
	tree field;
	tree count_field;		/* the count loaded from a field, if so */
	const struct pb_rule *rule;
	location_t loc;
	tree fn;
	bool of_param;			/* the struct is the one a parameter
					 * points into ('container_of(ref,
					 * ...)->page_list') */
};

/* A release, in FN, of pages that a field of a struct keeps, before a
 * put of that struct whose last reference calls PUT_FN (pb_checks.c). */
struct pb_field_kept {
	tree field;
	tree put_fn;
	const struct pb_rule *acquire;
	location_t acquire_loc;
	location_t store_loc;
	const struct pb_rule *release;
	location_t release_loc;
	const struct pb_rule *put;
	location_t put_loc;
	tree fn;
};

/* A field that received the number of pages asked for, where an acquire
 * into a page field may have taken fewer and its function returns them. */
struct pb_field_count {
	tree field;			/* the pages */
	tree count_field;		/* the count */
	const struct pb_rule *rule;	/* the acquire */
	location_t acquire_loc;
	location_t store_loc;
	tree fn;
};

static vec<struct pb_field> pb_fields;
static vec<struct pb_field_release> pb_field_releases;
static vec<struct pb_field_count> pb_field_counts;
static vec<struct pb_field_kept> pb_field_kepts;

/* ------------------------------------------------------ field types */

/*
 * Are FIELD's slots untyped, 'void *ptrs[]' or 'void **slots', so that
 * they may hold pages or anything else?  struct frame_vector keeps its
 * pins so, cast to 'struct page **' where it pins and releases them, and
 * to 'unsigned long *' where it holds pfns instead.
 */
static bool pb_field_untyped(tree field)
{
	tree type = TREE_TYPE(field);

	if (TREE_CODE(type) != ARRAY_TYPE && TREE_CODE(type) != POINTER_TYPE)
		return false;
	type = TREE_TYPE(type);
	return TREE_CODE(type) == POINTER_TYPE && VOID_TYPE_P(TREE_TYPE(type));
}

/* May FIELD hold pages: pages by its type, or untyped slots? */
static bool pb_field_may_hold_pages(tree field)
{
	return pb_type_page_levels(TREE_TYPE(field), NULL) ||
	       pb_field_untyped(field);
}

/* The page-holding field REF reads, through array indexing: 'buf->pages'
 * and 'buf->pages[i]' read 'pages', 'test_pages[i]' the file's static
 * variable 'test_pages'. */
static tree pb_ref_field(tree ref)
{
	while (ref && TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	if (ref && pb_is_file_variable(ref))
		return pb_field_may_hold_pages(ref) ? ref : NULL_TREE;
	if (!ref || TREE_CODE(ref) != COMPONENT_REF)
		return NULL_TREE;
	ref = TREE_OPERAND(ref, 1);
	return pb_field_may_hold_pages(ref) ? ref : NULL_TREE;
}

/* The field an accessor's call returns, as its derive rule (a summary)
 * says: 'frame_vector_pages(vec)' returns 'vec->ptrs' as pages. */
static tree pb_accessor_field(gcall *call, const struct pb_rule *rule)
{
	tree arg = pb_call_pages_arg(call, rule);
	tree field = arg ? pb_api_field_decl(rule, TREE_TYPE(arg)) : NULL_TREE;

	return field && pb_field_may_hold_pages(field) ? field : NULL_TREE;
}

static tree pb_field_source(tree op, int depth);

/* The field a value defined by an assignment came from. */
static tree pb_assign_field_source(gassign *def, int depth)
{
	tree rhs = gimple_assign_rhs1(def);

	switch (gimple_assign_rhs_code(def)) {
	case COMPONENT_REF:
	case ARRAY_REF:
	case VAR_DECL:
		return pb_ref_field(rhs);
	case MEM_REF:
		/* an element loaded through the array pointer */
		return pb_field_source(TREE_OPERAND(rhs, 0), depth - 1);
	case POINTER_PLUS_EXPR:
	case SSA_NAME:
	case ADDR_EXPR:
	CASE_CONVERT:
		return pb_field_source(rhs, depth - 1);
	default:
		return NULL_TREE;
	}
}

/* The field PHI's arguments agree on, NULL constants aside. */
static tree pb_phi_field_source(gphi *phi, int depth)
{
	tree found = NULL_TREE;
	unsigned int i;

	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = gimple_phi_arg_def(phi, i);
		tree f;

		if (integer_zerop(arg))
			continue;
		f = pb_field_source(arg, depth - 1);
		if (!f || (found && f != found))
			return NULL_TREE;
		found = f;
	}
	return found;
}

/*
 * The page-holding field OP was loaded from, following copies, casts,
 * array walks, loads of elements, the rules' derive functions
 * ('page_folio(buf->pages[i])') and accessors ('frame_vector_pages(vec)');
 * NULL_TREE if none, or if unsure.
 */
static tree pb_field_source(tree op, int depth)
{
	gimple *def;

	if (!op || depth <= 0)
		return NULL_TREE;
	if (TREE_CODE(op) == ADDR_EXPR)
		return pb_ref_field(TREE_OPERAND(op, 0));
	if (TREE_CODE(op) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(op);
	if (gassign *assign = dyn_cast<gassign *>(def))
		return pb_assign_field_source(assign, depth);
	if (gphi *phi = dyn_cast<gphi *>(def))
		return pb_phi_field_source(phi, depth);
	if (gcall *call = dyn_cast<gcall *>(def)) {
		const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));

		if (rule && rule->role == PB_ROLE_DERIVE && rule->pages_field[0])
			return pb_accessor_field(call, rule);
		if (rule && rule->role == PB_ROLE_DERIVE && rule->pages_arg > 0 &&
		    gimple_call_num_args(call) >= (unsigned int)rule->pages_arg)
			return pb_field_source(gimple_call_arg(call,
						rule->pages_arg - 1), depth - 1);
	}
	return NULL_TREE;
}

/* ---------------------------------------------------------- records */

static struct pb_field *pb_field_entry(tree field)
{
	struct pb_field fresh;
	unsigned int i;

	for (i = 0; i < pb_fields.length(); i++)
		if (pb_fields[i].field == field)
			return &pb_fields[i];
	memset(&fresh, 0, sizeof(fresh));
	fresh.field = field;
	pb_fields.safe_push(fresh);
	return &pb_fields.last();
}

/* FIELD received the pages of CALL, an acquire of RULE, in FN. */
static void pb_field_filled(tree field, gcall *call, const struct pb_rule *rule,
			    tree fn)
{
	struct pb_field *f = pb_field_entry(field);
	int kind = rule->kind == PB_PIN ? PB_PIN : PB_GET;

	if (rule->conditional || rule->when_arg > 0) {
		f->unknown = true;
		return;
	}
	if (f->kinds & (1u << kind))
		return;
	f->kinds |= 1u << kind;
	f->fill_loc[kind] = gimple_location(call);
	f->fill_fn[kind] = fn;
	f->fill_rule[kind] = rule;
}

/* FIELD received pages the rules do not say the kind of, at STMT. */
static void pb_field_filled_elsewhere(tree field, gimple *stmt)
{
	if (pb_options.debug)
		fprintf(stderr, "pinbalance: field '%s' not judged: pages of "
			"unknown origin at %s:%d\n",
			DECL_NAME(field) ? IDENTIFIER_POINTER(DECL_NAME(field)) : "?",
			LOCATION_FILE(gimple_location(stmt)) ?
			LOCATION_FILE(gimple_location(stmt)) : "?",
			LOCATION_LINE(gimple_location(stmt)));
	pb_field_entry(field)->unknown = true;
}

/* ------------------------------------------------------------- scan */

/*
 * FIELD receives the pages of the acquires of FUN whose pages argument is
 * VAL ('buf->pages = pages' after pinning into 'pages'), or, given DECL,
 * the address of that local ('&page'); true if there is one.
 */
static bool pb_fill_from_acquires(function *fun, tree field, tree val,
				  tree decl)
{
	basic_block bb;
	bool found = false;

	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			tree arg;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_ACQUIRE)
				continue;
			arg = pb_strip_copies(pb_call_pages_arg(call, rule));
			if (!arg || (decl ? TREE_CODE(arg) != ADDR_EXPR ||
					    TREE_OPERAND(arg, 0) != decl :
				     !operand_equal_p(arg, val, 0)))
				continue;
			pb_field_filled(field, call, rule, fun->decl);
			found = true;
		}
	}
	return found;
}

/* The acquires of FUN whose array is VAL, stored by 'field = VAL'. */
static void pb_scan_array_store(function *fun, tree field, tree val)
{
	val = pb_strip_copies(val);
	if (val)
		pb_fill_from_acquires(fun, field, val, NULL_TREE);
}

/* Is DECL given a page in FUN other than through its address? */
static bool pb_decl_assigned(function *fun, tree decl)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (is_gimple_assign(stmt) &&
			    gimple_assign_lhs(stmt) == decl &&
			    !pb_store_of_nothing(stmt))
				return true;
		}
	}
	return false;
}

/*
 * 'batch->pages[batch->nr_pages++] = page' after
 * 'pin_user_pages_fast(addr, 1, flags, &page)': the field receives the
 * pages of the acquires that fill the local 'page', when nothing else
 * writes it.  False if VAL is not such a page.
 */
static bool pb_scan_page_store(function *fun, tree field, tree val)
{
	tree decl = pb_loaded_ref(val);

	if (!decl || !VAR_P(decl) || is_global_var(decl) ||
	    pb_decl_assigned(fun, decl))
		return false;
	return pb_fill_from_acquires(fun, field, NULL_TREE, decl);
}

/*
 * A store into a page-holding field: 'buf->pages = pages' gives the field
 * the array an acquire of FUN filled; 'buf->pages[i] = page' or
 * 'buf->page = page' puts there the page an acquire filled in, or one of
 * unknown origin.
 */
static void pb_scan_store(function *fun, gassign *stmt)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	tree field = pb_ref_field(lhs);

	if (!field && TREE_CODE(lhs) == MEM_REF)
		field = pb_field_source(TREE_OPERAND(lhs, 0), PB_FIELD_DEPTH);
	if (!field || integer_zerop(rhs) || !POINTER_TYPE_P(TREE_TYPE(rhs)))
		return;
	/* the array pointer itself, as kvmalloc_array() returned it */
	if ((TREE_CODE(lhs) == COMPONENT_REF || VAR_P(lhs)) &&
	    TREE_CODE(TREE_TYPE(lhs)) == POINTER_TYPE &&
	    POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(lhs)))) {
		pb_scan_array_store(fun, field, rhs);
		return;
	}
	/* into untyped slots, any pointer may be a page */
	if ((pb_type_page_levels(TREE_TYPE(rhs), NULL) == 1 ||
	     pb_field_untyped(field)) &&
	    pb_field_source(rhs, PB_FIELD_DEPTH) != field &&
	    !pb_scan_page_store(fun, field, rhs))
		pb_field_filled_elsewhere(field, stmt);
}

/*
 * The field a release's count was loaded from: 'vec->nr_frames' in
 * 'unpin_user_pages(pages, vec->nr_frames)', through copies and casts.
 */
static tree pb_count_field(gcall *call, const struct pb_rule *rule)
{
	tree op;
	int depth;

	if (rule->count_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->count_arg)
		return NULL_TREE;
	op = gimple_call_arg(call, rule->count_arg - 1);
	for (depth = 0; depth < PB_FIELD_DEPTH && TREE_CODE(op) == SSA_NAME;
	     depth++) {
		gassign *def = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(op));
		tree rhs;

		if (!def)
			return NULL_TREE;
		rhs = gimple_assign_rhs1(def);
		if (gimple_assign_load_p(def))
			return TREE_CODE(rhs) == COMPONENT_REF ?
				TREE_OPERAND(rhs, 1) : NULL_TREE;
		if (!CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) &&
		    gimple_assign_rhs_code(def) != SSA_NAME)
			return NULL_TREE;
		op = rhs;
	}
	return NULL_TREE;
}

/*
 * Is the struct whose field OP was loaded from one a parameter points
 * into: the parameter itself, or the struct container_of() finds from
 * it ('req = ref - offsetof(struct mport_dma_req, refcount)')?
 */
static bool pb_loaded_from_param(tree op)
{
	gimple *def;
	tree ref;
	int depth;

	for (depth = 0; depth < PB_FIELD_DEPTH && op && TREE_CODE(op) == SSA_NAME;
	     depth++) {
		def = SSA_NAME_DEF_STMT(op);
		if (!is_gimple_assign(def))
			return false;
		if (gimple_assign_load_p(def))
			break;
		if (!CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) &&
		    gimple_assign_rhs_code(def) != SSA_NAME)
			return false;
		op = gimple_assign_rhs1(def);
	}
	if (!op || TREE_CODE(op) != SSA_NAME ||
	    !gimple_assign_load_p(SSA_NAME_DEF_STMT(op)))
		return false;
	ref = gimple_assign_rhs1(SSA_NAME_DEF_STMT(op));
	if (TREE_CODE(ref) != COMPONENT_REF ||
	    TREE_CODE(TREE_OPERAND(ref, 0)) != MEM_REF)
		return false;
	op = TREE_OPERAND(TREE_OPERAND(ref, 0), 0);
	for (depth = 0; depth < PB_FIELD_DEPTH && TREE_CODE(op) == SSA_NAME;
	     depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(op))
			return SSA_NAME_VAR(op) &&
			       TREE_CODE(SSA_NAME_VAR(op)) == PARM_DECL;
		def = SSA_NAME_DEF_STMT(op);
		if (!is_gimple_assign(def))
			return false;
		switch (gimple_assign_rhs_code(def)) {
		case POINTER_PLUS_EXPR:
			if (TREE_CODE(gimple_assign_rhs2(def)) != INTEGER_CST)
				return false;
			break;
		case SSA_NAME:
		CASE_CONVERT:
			break;
		default:
			return false;
		}
		op = gimple_assign_rhs1(def);
	}
	return false;
}

static void pb_scan_call(function *fun, gcall *call)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	struct pb_field_release rel;
	unsigned int i;
	tree field;

	/* a release by cases has no one kind: not judged */
	if (rule && (rule->role == PB_ROLE_ACQUIRE ||
		     (rule->role == PB_ROLE_RELEASE && !pb_api_is_case(rule)))) {
		field = pb_field_source(pb_call_pages_arg(call, rule),
					PB_FIELD_DEPTH);
		if (!field)
			return;
		if (rule->role == PB_ROLE_ACQUIRE) {
			pb_field_filled(field, call, rule, fun->decl);
			return;
		}
		rel.field = field;
		rel.count_field = pb_count_field(call, rule);
		rel.rule = rule;
		rel.loc = gimple_location(call);
		rel.fn = fun->decl;
		rel.of_param = pb_loaded_from_param(
				pb_call_pages_arg(call, rule));
		pb_field_releases.safe_push(rel);
		return;
	}
	if (rule)
		return;
	/* code without a rule may fill the array it is given */
	for (i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = gimple_call_arg(call, i);

		if (POINTER_TYPE_P(TREE_TYPE(arg)) &&
		    (field = pb_field_source(arg, 2)))
			pb_field_filled_elsewhere(field, call);
	}
}

/* Note what FUN puts into fields holding pages, and releases from them. */
void pb_fields_scan(function *fun)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (gcall *call = dyn_cast<gcall *>(stmt))
				pb_scan_call(fun, call);
			else if (gimple_store_p(stmt) && is_gimple_assign(stmt) &&
				 gimple_assign_single_p(stmt))
				pb_scan_store(fun, as_a<gassign *>(stmt));
		}
	}
}

/*
 * After FN was checked: the fields that received the number of pages
 * asked for where its acquire into a page field may have taken fewer
 * ('vec->nr_frames = nr_frames' after a partial pin into 'vec->ptrs'),
 * when it returns such a partial pin to its caller.
 */
void pb_fields_note_counts(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		gimple *store = fn->requested_stored[i];
		struct pb_field_count c;

		if (!store || !(fn->partial_returned & (1u << i)))
			continue;
		c.field = pb_field_source(pb_call_pages_arg(
				as_a<gcall *>(s->call), s->rule), PB_FIELD_DEPTH);
		if (!c.field)
			continue;
		c.count_field = TREE_OPERAND(gimple_assign_lhs(store), 1);
		c.rule = s->rule;
		c.acquire_loc = gimple_location(s->call);
		c.store_loc = gimple_location(store);
		c.fn = fn->fun->decl;
		pb_field_counts.safe_push(c);
	}
}

/*
 * After FN was checked: the pins of its sites whose array it had stored
 * into a static variable of the file before the call fill that variable,
 * whose releases elsewhere in the file are then judged.  The acquire's
 * pages argument may be the array walked by a loop ('pages +=
 * cur_pages'), which the site's value tracking sees through.
 */
void pb_fields_note_file_vars(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];

		if (s->file_var && pb_field_may_hold_pages(s->file_var))
			pb_field_filled(s->file_var, as_a<gcall *>(s->call),
					s->rule, fn->fun->decl);
	}
}

/*
 * After FN was checked: the releases of pages that a struct's field
 * keeps for the function a put of the struct calls (pb_checks.c), to be
 * judged once that function's releases are known.
 */
void pb_fields_note_kept(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_kept *k = &fn->kept[i];
		struct pb_field_kept c;

		if (!k->release)
			continue;
		c.field = TREE_OPERAND(gimple_assign_lhs(k->store), 1);
		c.put_fn = pb_put_release_fn(k->put);
		if (!c.put_fn)
			continue;
		c.acquire = fn->sites[i].rule;
		c.acquire_loc = gimple_location(fn->sites[i].call);
		c.store_loc = gimple_location(k->store);
		c.release = k->rule;
		c.release_loc = gimple_location(k->release);
		c.put = pb_api_lookup(gimple_call_fndecl(k->put));
		c.put_loc = gimple_location(k->put);
		c.fn = fn->fun->decl;
		pb_field_kepts.safe_push(c);
	}
}

/* ----------------------------------------------------------- verdict */

/* What a summary database says other files put into F's field. */
static const struct pb_rule *pb_field_db_fact(const struct pb_field *f)
{
	return pb_api_field_fact(f->field);
}

/* The kind a field's pages surely have, in this file and in the others a
 * database describes, or -1 if it is not judged. */
static int pb_field_kind(const struct pb_field *f)
{
	const struct pb_rule *fact = pb_field_db_fact(f);
	unsigned int kinds = f->kinds;

	if (fact && fact->kind == PB_ANY)
		return -1;
	if (fact)
		kinds |= 1u << fact->kind;
	if (f->unknown || !kinds)
		return -1;
	if (kinds == (1u << PB_PIN))
		return PB_PIN;
	if (kinds == (1u << PB_GET))
		return PB_GET;
	return -1;
}

static void pb_field_check_release(const struct pb_field_release *r)
{
	struct pb_field *f = pb_field_entry(r->field);
	int kind = pb_field_kind(f);

	if (kind < 0 || r->rule->kind == PB_ANY || (int)r->rule->kind == kind)
		return;
	/* filled only in other files: the database's word for it */
	if (!(f->kinds & (1u << kind))) {
		pb_diag_report_field_db(r->field, pb_field_db_fact(f), r->rule,
					r->loc, r->fn);
		return;
	}
	pb_diag_report_field(r->field, f->fill_rule[kind], f->fill_loc[kind],
			     f->fill_fn[kind], r->rule, r->loc, r->fn);
}

/*
 * For a summary database: what this file puts into F's field, as a rule
 * ('field vmci_ctx.notify_page kind=get'), 'any' for both kinds or pages
 * of unknown origin.  Only fields of structs declared in headers: those
 * are the ones other files share.
 */
static void pb_field_note_database(const struct pb_field *f)
{
	location_t loc = DECL_SOURCE_LOCATION(f->field);
	const char *kind = "any";
	char name[200], line[256];

	if (!f->unknown && !f->kinds)
		return;
	if (!pb_api_field_name(f->field, name, sizeof(name)))
		return;
	if (!f->unknown && (f->kinds == (1u << PB_PIN) ||
			    f->kinds == (1u << PB_GET))) {
		int k = f->kinds == (1u << PB_PIN) ? PB_PIN : PB_GET;

		kind = pb_kind_words[k];
		loc = f->fill_loc[k];
	}
	snprintf(line, sizeof(line), "field %s kind=%s", name, kind);
	pb_database_note_at(line, loc);
}

/*
 * A release from a field counted by a field that received the number of
 * pages asked for, where fewer may have been pinned into the first: it
 * may release more than were taken.
 */
static void pb_field_check_count(const struct pb_field_release *r)
{
	unsigned int i;

	if (!r->count_field)
		return;
	for (i = 0; i < pb_field_counts.length(); i++) {
		const struct pb_field_count *c = &pb_field_counts[i];

		if (c->field != r->field || c->count_field != r->count_field)
			continue;
		pb_diag_report_field_overcount(c->field, c->count_field,
					       c->rule, c->acquire_loc, c->fn,
					       c->store_loc, r->rule, r->loc,
					       r->fn);
		return;
	}
}

/*
 * A release of pages a struct's field keeps, before a put whose last
 * reference calls a function that releases that field of the struct it
 * is given: the pages are released twice.
 */
static void pb_field_check_kept(const struct pb_field_kept *k)
{
	unsigned int i;

	for (i = 0; i < pb_field_releases.length(); i++) {
		const struct pb_field_release *r = &pb_field_releases[i];

		if (r->field != k->field || r->fn != k->put_fn || !r->of_param)
			continue;
		pb_diag_report_field_double(k->field, k->acquire,
					    k->acquire_loc, k->store_loc,
					    k->release, k->release_loc,
					    k->put, k->put_loc, k->fn,
					    r->rule, r->loc, r->fn);
		return;
	}
}

/* At the end of the translation unit: judge every release from a field. */
void pb_fields_report(void)
{
	unsigned int i;

	for (i = 0; i < pb_field_releases.length(); i++) {
		pb_field_check_release(&pb_field_releases[i]);
		pb_field_check_count(&pb_field_releases[i]);
	}
	for (i = 0; i < pb_field_kepts.length(); i++)
		pb_field_check_kept(&pb_field_kepts[i]);
	for (i = 0; i < pb_fields.length(); i++) {
		/* untyped slots no acquire filled hold no pages we know of */
		if (pb_field_untyped(pb_fields[i].field) && !pb_fields[i].kinds)
			continue;
		pb_field_note_database(&pb_fields[i]);
		if (pb_field_kind(&pb_fields[i]) >= 0)
			pb_stats.fields_judged++;
		else
			pb_stats.fields_unjudged++;
	}
	pb_fields.release();
	pb_field_releases.release();
	pb_field_counts.release();
	pb_field_kepts.release();
}
