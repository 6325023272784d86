// SPDX-License-Identifier: GPL-2.0
/*
 * pb_value.c - value tracking: what array, page or count an operand denotes.
 *
 * Before inlining, driver code moves its pages around in memory as much as
 * in SSA names: 'struct page *pages[16]' lives in memory, 'pages[i]' is a
 * load, a kmalloc'ed array may sit in a local struct's field, and the pin
 * call's result may be stored straight into 'b.n'.  Each pointer operand
 * is mapped to a struct pb_val (storage key plus dereference level), so
 * that two operands naming the same array compare equal however they were
 * spelled.  Results for SSA names are memoized; anything not understood
 * becomes an opaque root that matches only itself, which keeps the checker
 * silent rather than wrong.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* Chains of copies longer than this are not followed (keeps it linear). */
#define PB_MAX_VALUE_DEPTH 48

/* This file's tables for one function: the memo of SSA values, indexed
 * by SSA version, and the stores and call-written cells it sees through. */
struct pb_values {
	unsigned int nssa;
	struct pb_val *ssa_val;
	unsigned char *ssa_val_done;	/* 1: being computed, 2: known */
	int *ssa_depth;
	int value_depth;
	int min_hit_depth;
	struct pb_store *stores;
	int nstores;
	tree *call_written;	/* cells whose address a call receives */
	int ncall_written;
};

static struct pb_val pb_opaque(tree root)
{
	struct pb_val v = { root, 0, false, 0 };

	return v;
}

static struct pb_val pb_unknown(void)
{
	struct pb_val v = { NULL_TREE, 0, false, 0 };

	return v;
}

/*
 * The value of a PHI that brings no array of its own: its arguments are
 * NULL ('page = NULL' once the page is dropped, on both edges into a
 * loop's head), error pointers, or PHIs of a loop's cycle being walked
 * ('kmapped_page' at the head of an outer loop: 'PHI <NULL, the inner
 * loop's head>').  A PHI that has it as an argument takes it as it takes
 * NULL: it carries what its other arguments bring.  Looked up from
 * outside, it is an opaque value (pb_value_of).
 */
#define PB_LEVEL_CYCLE INT_MIN

static struct pb_val pb_cycle_only(void)
{
	struct pb_val v = { NULL_TREE, PB_LEVEL_CYCLE, false, 0 };

	return v;
}

static bool pb_is_cycle_only(struct pb_val v)
{
	return !v.key && v.level == PB_LEVEL_CYCLE;
}

static bool pb_ref_equal(struct pb_fn *fn, tree a, tree b);
static bool pb_is_cell(tree ref);
static bool pb_is_local_decl(tree decl);

/*
 * Is STMT a call of an internal function ('.DEFERRED_INIT')?  GCC's
 * gimple_call_internal_p() reads a call's flags without checking it is
 * one: on an assignment it reads the expression code's bits, and
 * 'p_5 = _1 + _4' looked like an internal call.
 */
static bool pb_internal_call_p(gimple *stmt)
{
	return is_gimple_call(stmt) && gimple_call_internal_p(stmt);
}

/* Does the API say that CALL only reads what its arguments point to? */
static bool pb_call_only_reads(gcall *call)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));

	/* an accessor of a struct's array may convert what it returns
	 * first, as frame_vector_pages() turns pfns back into pages */
	return rule && (rule->role == PB_ROLE_RELEASE ||
			rule->role == PB_ROLE_BORROW ||
			(rule->role == PB_ROLE_DERIVE && !rule->pages_field[0]) ||
			rule->role == PB_ROLE_TEST ||
			rule->role == PB_ROLE_MAKES);
}

/*
 * Is argument I of CALL the cell of an acquire's 'pages=*argN', whose
 * array it fills?  iov_iter_extract_pages(iter, &pages, ...) writes the
 * cell only where it holds no array, to allocate one: where the function
 * stored one there ('pages = pagevec', 'shm->pages = kcalloc(...)'), the
 * pages are in that array, by either name.
 */
static bool pb_fills_given_array(gcall *call, unsigned int i)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));

	return rule && rule->role == PB_ROLE_ACQUIRE &&
	       rule->shape == PB_SHAPE_ARRAY_PTR &&
	       rule->pages_arg == (int)i + 1;
}

/*
 * Cells whose address a call receives, as '&page' in
 * 'iov_iter_get_pages2(iter, &page, ...)': the call may write them, so a
 * store elsewhere in the function ('page = alloc_page(...)' on another
 * branch) is not what a load of them yields.
 */
static void pb_note_call_written(struct pb_fn *fn, gcall *call, int *cap)
{
	unsigned int i;

	if (pb_call_only_reads(call))
		return;
	for (i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = pb_address_given(gimple_call_arg(call, i));

		if (pb_fills_given_array(call, i))
			continue;
		if (TREE_CODE(arg) != ADDR_EXPR ||
		    !pb_is_cell(TREE_OPERAND(arg, 0)))
			continue;
		if (fn->values->ncall_written == *cap) {
			*cap = *cap ? 2 * *cap : 8;
			fn->values->call_written = XRESIZEVEC(tree, fn->values->call_written, *cap);
		}
		fn->values->call_written[fn->values->ncall_written++] = TREE_OPERAND(arg, 0);
	}
}

static bool pb_call_writes_cell(struct pb_fn *fn, tree cell)
{
	int i;

	for (i = 0; i < fn->values->ncall_written; i++)
		if (pb_ref_equal(fn, fn->values->call_written[i], cell))
			return true;
	return false;
}

/*
 * The address OP is where it was computed into an SSA name first ('_5 =
 * &req->need_drop', then the call given _5): that ADDR_EXPR; OP
 * otherwise.
 */
tree pb_address_given(tree op)
{
	gimple *def;

	if (op && TREE_CODE(op) == SSA_NAME &&
	    gimple_assign_single_p(def = SSA_NAME_DEF_STMT(op)) &&
	    TREE_CODE(gimple_assign_rhs1(def)) == ADDR_EXPR)
		return gimple_assign_rhs1(def);
	return op;
}

/* Stores of pointers into named memory, so that loads see through them. */
static void pb_collect_stores(struct pb_fn *fn)
{
	basic_block bb;
	int cap = 0, written_cap = 0;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			tree lhs, rhs;

			if (gcall *call = dyn_cast<gcall *>(stmt))
				pb_note_call_written(fn, call, &written_cap);
			if (!gimple_assign_single_p(stmt))
				continue;
			lhs = gimple_assign_lhs(stmt);
			rhs = gimple_assign_rhs1(stmt);
			if (TREE_CODE(lhs) == SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(lhs)))
				continue;
			if (TREE_CODE(rhs) != SSA_NAME && TREE_CODE(rhs) != ADDR_EXPR)
				continue;
			/* -ftrivial-auto-var-init: 'page = .DEFERRED_INIT (...)' */
			if (TREE_CODE(rhs) == SSA_NAME &&
			    pb_internal_call_p(SSA_NAME_DEF_STMT(rhs)))
				continue;
			if (fn->values->nstores == cap) {
				cap = cap ? 2 * cap : 16;
				fn->values->stores = XRESIZEVEC(struct pb_store, fn->values->stores, cap);
			}
			fn->values->stores[fn->values->nstores].stmt = stmt;
			fn->values->stores[fn->values->nstores].dest = lhs;
			fn->values->stores[fn->values->nstores].val = pb_unknown();
			fn->values->nstores++;
		}
	}
}

void pb_value_init(struct pb_fn *fn)
{
	unsigned int n = num_ssa_names;

	fn->values = XCNEW(struct pb_values);
	fn->values->nssa = n;
	fn->values->ssa_val = XCNEWVEC(struct pb_val, n);
	fn->values->ssa_val_done = XCNEWVEC(unsigned char, n);
	fn->values->ssa_depth = XCNEWVEC(int, n);
	fn->values->min_hit_depth = INT_MAX;
	pb_collect_stores(fn);
}

void pb_value_fini(struct pb_fn *fn)
{
	if (!fn->values)
		return;
	XDELETEVEC(fn->values->ssa_val);
	XDELETEVEC(fn->values->ssa_val_done);
	XDELETEVEC(fn->values->ssa_depth);
	XDELETEVEC(fn->values->stores);
	XDELETEVEC(fn->values->call_written);
	XDELETE(fn->values);
	fn->values = NULL;
}

/* The pointer stores of the function, for the hand-over and owner tests. */
int pb_value_nstores(struct pb_fn *fn)
{
	return fn->values->nstores;
}

const struct pb_store *pb_value_store(struct pb_fn *fn, int i)
{
	return &fn->values->stores[i];
}

/* Follow SSA copies and conversions back to where a value was made. */
tree pb_strip_copies(tree op)
{
	int steps;

	for (steps = 0; steps < PB_MAX_VALUE_DEPTH; steps++) {
		gimple *def;

		if (!op || TREE_CODE(op) != SSA_NAME)
			return op;
		def = SSA_NAME_DEF_STMT(op);
		if (!is_gimple_assign(def))
			return op;
		/* 'i_12 = 0;' is still a statement before constant propagation */
		if (gimple_assign_single_p(def) &&
		    TREE_CODE(gimple_assign_rhs1(def)) == INTEGER_CST)
			return gimple_assign_rhs1(def);
		if (!CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) &&
		    gimple_assign_rhs_code(def) != SSA_NAME)
			return op;
		op = gimple_assign_rhs1(def);
	}
	return op;
}

static bool pb_ref_equal(struct pb_fn *fn, tree a, tree b);

static bool pb_val_equal(struct pb_fn *fn, struct pb_val a, struct pb_val b)
{
	return a.key && b.key && a.level == b.level && a.offset == b.offset &&
	       a.row == b.row && pb_key_equal(fn, a.key, b.key);
}

/*
 * Two spellings of the same memory cell: 'r_2(D)->pages' twice, or the
 * same field reached through two loads of one pointer.
 */
static bool pb_ref_equal(struct pb_fn *fn, tree a, tree b)
{
	if (a == b)
		return true;
	if (!a || !b || TREE_CODE(a) != TREE_CODE(b))
		return false;
	switch (TREE_CODE(a)) {
	case COMPONENT_REF:
		return TREE_OPERAND(a, 1) == TREE_OPERAND(b, 1) &&
		       pb_ref_equal(fn, TREE_OPERAND(a, 0), TREE_OPERAND(b, 0));
	case MEM_REF:
		if (!tree_int_cst_equal(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1)))
			return false;
		if (fn)
			return pb_val_equal(fn, pb_value_of(fn, TREE_OPERAND(a, 0)),
					    pb_value_of(fn, TREE_OPERAND(b, 0)));
		return operand_equal_p(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0), 0);
	case ARRAY_REF:
		return operand_equal_p(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1), 0) &&
		       pb_ref_equal(fn, TREE_OPERAND(a, 0), TREE_OPERAND(b, 0));
	case SSA_NAME:
		return false;
	default:
		if (DECL_P(a))
			return false;
		return operand_equal_p(a, b, 0);
	}
}

bool pb_key_equal(struct pb_fn *fn, tree a, tree b)
{
	if (a == b)
		return a != NULL_TREE;
	if (!a || !b || DECL_P(a) || DECL_P(b) || TREE_CODE(a) == SSA_NAME ||
	    TREE_CODE(b) == SSA_NAME)
		return false;
	return pb_ref_equal(fn, a, b);
}

/* Memory cells are keyed by their reference; arrays inside them too. */
static bool pb_is_cell(tree ref)
{
	return DECL_P(ref) || TREE_CODE(ref) == COMPONENT_REF;
}

/* The one pointer stored into CELL in this function, if there is one. */
static bool pb_stored_value(struct pb_fn *fn, tree cell, struct pb_val *out)
{
	bool found = false;
	int i;

	if (pb_call_writes_cell(fn, cell))
		return false;
	for (i = 0; i < fn->values->nstores; i++) {
		struct pb_store *st = &fn->values->stores[i];
		struct pb_val v;

		if (!pb_ref_equal(fn, st->dest, cell))
			continue;
		v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));
		if (!v.key)
			return false;
		if (found && !pb_val_equal(fn, v, *out))
			return false;
		*out = v;
		found = true;
	}
	return found;
}

/* Does A run before B on every path to B? */
bool pb_stmt_dominates(gimple *a, gimple *b)
{
	basic_block ba = gimple_bb(a), bb = gimple_bb(b);
	gimple_stmt_iterator gsi;

	if (!ba || !bb)
		return false;
	if (ba != bb)
		return dominated_by_p(CDI_DOMINATORS, bb, ba);
	for (gsi = gsi_for_stmt(a); !gsi_end_p(gsi); gsi_next(&gsi))
		if (gsi_stmt(gsi) == b)
			return true;
	return false;
}

/*
 * The edge out of UP, a dominator of BB, that every path from UP to BB
 * takes ('case PIN_BASIC_TEST:' of the switch that ends UP); NULL if no
 * one edge leads there alone.
 */
edge pb_edge_towards(basic_block up, basic_block bb)
{
	edge e;
	edge_iterator ei;

	FOR_EACH_EDGE(e, ei, up->succs)
		if (single_pred_p(e->dest) &&
		    dominated_by_p(CDI_DOMINATORS, bb, e->dest))
			return e;
	return NULL;
}

/* Does STMT, an assignment, give its left side no page: a clobber, NULL,
 * or what -ftrivial-auto-var-init writes ('page = .DEFERRED_INIT (...)')? */
bool pb_store_of_nothing(gimple *stmt)
{
	tree rhs;

	if (gimple_clobber_p(stmt))
		return true;
	rhs = gimple_assign_rhs1(stmt);
	if (integer_zerop(rhs))
		return true;
	return TREE_CODE(rhs) == SSA_NAME &&
	       pb_internal_call_p(SSA_NAME_DEF_STMT(rhs));
}

/* The memory OP was loaded from ('page' of 'page.0_5 = page'), through
 * copies; NULL if OP is not a load. */
tree pb_loaded_ref(tree op)
{
	gimple *def;

	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(op);
	return gimple_assign_load_p(def) ? gimple_assign_rhs1(def) : NULL_TREE;
}

/*
 * Does OP hold what pb_value_of says on every path to its definition?  A
 * load sees through the one store into its cell (pb_stored_value) even
 * where that store did not run: 'if (!req->page_list)' at an error label
 * is reached both from before and from after 'req->page_list = page_list'.
 */
bool pb_value_certain(struct pb_fn *fn, tree op)
{
	tree ref = pb_loaded_ref(op);
	gimple *def;
	int i;

	if (!ref || !pb_is_cell(ref))
		return true;
	def = SSA_NAME_DEF_STMT(pb_strip_copies(op));
	for (i = 0; i < fn->values->nstores; i++) {
		struct pb_store *st = &fn->values->stores[i];

		if (pb_ref_equal(fn, st->dest, ref) &&
		    !pb_stmt_dominates(st->stmt, def))
			return false;
	}
	return true;
}

/*
 * Is REF, an ARRAY_REF into the storage V, a whole row of an array of
 * arrays picked by a constant index?  'pages[1]' of
 * 'struct page *pages[4][16]' is; 'pages[i]', or a row of a row, is not.
 */
static bool pb_array_row(tree ref, struct pb_val v)
{
	tree index = TREE_OPERAND(ref, 1);

	return TREE_CODE(ref) == ARRAY_REF && v.key && !v.row && !v.offset &&
	       TREE_CODE(TREE_TYPE(ref)) == ARRAY_TYPE &&
	       TREE_CODE(index) == INTEGER_CST && tree_fits_shwi_p(index) &&
	       tree_to_shwi(index) >= 0 && tree_to_shwi(index) < INT_MAX;
}

struct pb_val pb_value_of_addr(struct pb_fn *fn, tree ref)
{
	struct pb_val v;

	switch (TREE_CODE(ref)) {
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
		return pb_opaque(ref);
	case COMPONENT_REF:
		return pb_opaque(ref);
	case ARRAY_REF:
	case ARRAY_RANGE_REF:
		v = pb_value_of_addr(fn, TREE_OPERAND(ref, 0));
		if (pb_array_row(ref, v)) {
			v.row = 1 + (int)tree_to_shwi(TREE_OPERAND(ref, 1));
			return v;
		}
		if (!integer_zerop(TREE_OPERAND(ref, 1)))
			v.offset = true;
		return v;
	case MEM_REF:
		v = pb_value_of(fn, TREE_OPERAND(ref, 0));
		if (!integer_zerop(TREE_OPERAND(ref, 1)))
			v.offset = true;
		return v;
	default:
		return pb_unknown();
	}
}

/* What a load from REF yields: the stored pointer, or one level down. */
static struct pb_val pb_value_of_load(struct pb_fn *fn, tree ref)
{
	struct pb_val v;

	if (pb_is_cell(ref) && pb_stored_value(fn, ref, &v))
		return v;
	v = pb_value_of_addr(fn, ref);
	if (!v.key)
		return v;
	v.level--;
	v.offset = false;
	return v;
}

static bool pb_no_array(tree arg)
{
	arg = pb_strip_copies(arg);
	if (TREE_CODE(arg) == INTEGER_CST)
		return integer_zerop(arg);
	if (TREE_CODE(arg) != SSA_NAME)
		return false;
	if (SSA_NAME_IS_DEFAULT_DEF(arg))
		return SSA_NAME_VAR(arg) && VAR_P(SSA_NAME_VAR(arg));
	if (pb_internal_call_p(SSA_NAME_DEF_STMT(arg)))
		return true;
	return is_gimple_call(SSA_NAME_DEF_STMT(arg)) &&
	       pb_api_makes_err_ptr(gimple_call_fndecl(SSA_NAME_DEF_STMT(arg)));
}

/* Is ARG a PHI result whose value is being computed: a loop's cycle? */
static bool pb_value_pending(struct pb_fn *fn, tree arg)
{
	unsigned int ver;

	if (TREE_CODE(arg) != SSA_NAME)
		return false;
	ver = SSA_NAME_VERSION(arg);
	return ver < fn->values->nssa && fn->values->ssa_val_done[ver] == 1 &&
	       gimple_code(SSA_NAME_DEF_STMT(arg)) == GIMPLE_PHI;
}

static struct pb_val pb_value_of_phi(struct pb_fn *fn, gphi *phi)
{
	tree result = gimple_phi_result(phi);
	struct pb_val merged = pb_unknown();
	bool offset = false, rows_differ = false;
	unsigned int i;

	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = gimple_phi_arg_def(phi, i);
		struct pb_val v;

		/* 'pvec = NULL' once the array is handed over, or a path on
		 * which it was never set: no array there */
		if (pb_no_array(arg))
			continue;
		/* 'last = PHI <NULL, PHI <head, last>>' round a loop: the
		 * value carried round is whatever the other arguments bring
		 * (the lookup marks the value as depending on the cycle) */
		if (pb_value_pending(fn, arg)) {
			pb_value_of(fn, arg);
			continue;
		}
		v = pb_value_of(fn, arg);
		if (pb_is_cycle_only(v))
			continue;
		/* p = PHI <pages, p + 1>: walking the array is still the array */
		if (v.key == result && v.level == 0) {
			offset = true;
			continue;
		}
		if (!v.key)
			return pb_opaque(result);
		if (merged.key && (!pb_key_equal(fn, merged.key, v.key) ||
				   merged.level != v.level))
			return pb_opaque(result);
		offset |= v.offset;
		rows_differ |= merged.key && merged.row != v.row;
		merged = v;
	}
	/* every argument was NULL, or the cycle */
	if (!merged.key)
		return pb_cycle_only();
	merged.offset = offset;
	/* one row or another: somewhere in the whole array */
	if (rows_differ) {
		merged.row = 0;
		merged.offset = true;
	}
	return merged;
}

static struct pb_val pb_value_of_call(struct pb_fn *fn, gcall *call, tree name)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));

	if (rule && rule->role == PB_ROLE_DERIVE && rule->pages_arg >= 1 &&
	    (unsigned int)rule->pages_arg <= gimple_call_num_args(call)) {
		/* 'frame_vector_pages(vec)': the array in 'vec->ptrs' */
		if (rule->pages_field[0])
			return pb_call_pages_val(fn, call, rule);
		return pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
	}
	return pb_opaque(name);
}

static struct pb_val pb_value_of_assign(struct pb_fn *fn, gimple *def, tree name)
{
	enum tree_code code = gimple_assign_rhs_code(def);
	tree rhs1 = gimple_assign_rhs1(def);
	struct pb_val v;

	if (CONVERT_EXPR_CODE_P(code) || code == SSA_NAME)
		return pb_value_of(fn, rhs1);
	if (code == POINTER_PLUS_EXPR) {
		v = pb_value_of(fn, rhs1);
		if (!integer_zerop(gimple_assign_rhs2(def)))
			v.offset = true;
		return v;
	}
	if (code == ADDR_EXPR)
		return pb_value_of_addr(fn, TREE_OPERAND(rhs1, 0));
	if (gimple_assign_single_p(def) && (REFERENCE_CLASS_P(rhs1) ||
					    DECL_P(rhs1)))
		return pb_value_of_load(fn, rhs1);
	return pb_opaque(name);
}

static struct pb_val pb_compute_ssa_value(struct pb_fn *fn, tree name)
{
	gimple *def = SSA_NAME_DEF_STMT(name);

	if (!def || gimple_nop_p(def))
		return pb_opaque(name);
	switch (gimple_code(def)) {
	case GIMPLE_ASSIGN:
		return pb_value_of_assign(fn, def, name);
	case GIMPLE_CALL:
		return pb_value_of_call(fn, as_a<gcall *>(def), name);
	case GIMPLE_PHI:
		return pb_value_of_phi(fn, as_a<gphi *>(def));
	default:
		return pb_opaque(name);
	}
}

/*
 * Memoized, with cycles through loop PHIs cut: a value that depended on a
 * PHI still being computed (other than itself) is not remembered, so it is
 * computed again once that PHI is known.
 */
static struct pb_val pb_ssa_value(struct pb_fn *fn, tree name)
{
	unsigned int ver = SSA_NAME_VERSION(name);
	int saved_min, child_min, my_depth;
	struct pb_val v;

	if (ver >= fn->values->nssa)
		return pb_opaque(name);
	if (fn->values->ssa_val_done[ver] == 2)
		return fn->values->ssa_val[ver];
	if (fn->values->ssa_val_done[ver] == 1) {
		fn->values->min_hit_depth = MIN(fn->values->min_hit_depth, fn->values->ssa_depth[ver]);
		return pb_opaque(name);
	}
	if (fn->values->value_depth >= PB_MAX_VALUE_DEPTH)
		return pb_opaque(name);

	saved_min = fn->values->min_hit_depth;
	fn->values->min_hit_depth = INT_MAX;
	my_depth = ++fn->values->value_depth;
	fn->values->ssa_depth[ver] = my_depth;
	fn->values->ssa_val_done[ver] = 1;
	v = pb_compute_ssa_value(fn, name);
	fn->values->value_depth--;
	child_min = fn->values->min_hit_depth;
	if (child_min >= my_depth) {
		fn->values->ssa_val[ver] = v;
		fn->values->ssa_val_done[ver] = 2;
	} else {
		fn->values->ssa_val_done[ver] = 0;
	}
	fn->values->min_hit_depth = MIN(saved_min, child_min < my_depth ? child_min
								 : INT_MAX);
	return v;
}

/*
 * How many pointers (and arrays) TYPE is above 'struct page' or 'struct
 * folio', *FOLIO saying which: 1 for 'struct page *', 2 for
 * 'struct page **' or 'struct page *[16]'; 0 if it leads to neither, or
 * has no pointer at all.  Struct fields and parameters that hold pages
 * are recognised by it.
 */
int pb_type_page_levels(tree type, bool *folio)
{
	bool pointer = false, is_folio;
	int levels = 0;
	tree name;

	while (type && (TREE_CODE(type) == POINTER_TYPE ||
			TREE_CODE(type) == ARRAY_TYPE)) {
		pointer |= TREE_CODE(type) == POINTER_TYPE;
		type = TREE_TYPE(type);
		levels++;
	}
	if (!pointer || !type || TREE_CODE(type) != RECORD_TYPE)
		return 0;
	name = TYPE_NAME(TYPE_MAIN_VARIANT(type));
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return 0;
	is_folio = !strcmp(IDENTIFIER_POINTER(name), "folio");
	if (!is_folio && strcmp(IDENTIFIER_POINTER(name), "page"))
		return 0;
	if (folio)
		*folio = is_folio;
	return levels;
}

/* Is OP a transparent union passed by value, as release_pages() takes? */
static bool pb_is_transparent_union(tree op)
{
	return op && DECL_P(op) && TREE_CODE(TREE_TYPE(op)) == UNION_TYPE &&
	       TYPE_TRANSPARENT_AGGR(TREE_TYPE(op));
}

/*
 * The pointer a transparent union argument OP of CALL carries: GCC passes
 * 'release_pages(pages, n)' as 'D.1.pages = pages; release_pages(D.1, n)',
 * the store just before the call, in its block.  NULL_TREE if not found.
 */
tree pb_union_arg_pointer(gimple *call, tree op)
{
	gimple_stmt_iterator gsi;

	if (!pb_is_transparent_union(op))
		return NULL_TREE;
	gsi = gsi_for_stmt(call);
	for (gsi_prev(&gsi); !gsi_end_p(gsi); gsi_prev(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);
		tree lhs;

		if (!gimple_assign_single_p(stmt))
			continue;
		lhs = gimple_assign_lhs(stmt);
		if (TREE_CODE(lhs) == COMPONENT_REF && TREE_OPERAND(lhs, 0) == op)
			return gimple_assign_rhs1(stmt);
		if (lhs == op)
			return NULL_TREE;
	}
	return NULL_TREE;
}

/* The pages argument of CALL under RULE, seeing through a transparent
 * union; NULL_TREE if the rule names none the call has. */
tree pb_call_pages_arg(gcall *call, const struct pb_rule *rule)
{
	tree arg, inside;

	if (rule->pages_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
		return NULL_TREE;
	arg = gimple_call_arg(call, rule->pages_arg - 1);
	inside = pb_union_arg_pointer(call, arg);
	return inside ? inside : arg;
}

/*
 * The pages of CALL under RULE as a value: its pages argument, the array
 * its argument points to for 'pages=*argN', or, for 'pages=argN->field', the array in that field of the struct the argument
 * points to, as a load of 'arg->field' (or the address of an array
 * field) in the caller gives it.
 */
struct pb_val pb_call_pages_val(struct pb_fn *fn, gcall *call,
				const struct pb_rule *rule)
{
	tree arg = pb_call_pages_arg(call, rule), field, base, ref;

	if (arg && rule->shape == PB_SHAPE_ARRAY_PTR)
		return pb_value_deref(fn, arg);
	if (!arg || !rule->pages_field[0])
		return pb_value_of(fn, arg);
	field = pb_api_field_decl(rule, TREE_TYPE(arg));
	if (!field)
		return pb_unknown();
	if (TREE_CODE(arg) == ADDR_EXPR)
		base = TREE_OPERAND(arg, 0);
	else if (TREE_CODE(arg) == SSA_NAME)
		base = build2(MEM_REF, TREE_TYPE(TREE_TYPE(arg)), arg,
			      build_int_cst(TREE_TYPE(arg), 0));
	else
		return pb_unknown();
	ref = build3(COMPONENT_REF, TREE_TYPE(field), base, field, NULL_TREE);
	if (TREE_CODE(TREE_TYPE(field)) == ARRAY_TYPE)
		return pb_value_of_addr(fn, ref);
	return pb_value_of_load(fn, ref);
}

/*
 * The cell a release's 'count=argN->field' names at CALL: 'umem->npgs'
 * for 'xdp_umem_unpin_pages(umem)', read when the call runs; NULL_TREE if
 * the argument or the field is not there.
 */
tree pb_call_count_cell(gcall *call, const struct pb_rule *rule)
{
	tree arg, field, base;

	if (rule->count_field_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->count_field_arg)
		return NULL_TREE;
	arg = gimple_call_arg(call, rule->count_field_arg - 1);
	field = pb_api_count_field_decl(rule, TREE_TYPE(arg));
	if (!field)
		return NULL_TREE;
	if (TREE_CODE(arg) == ADDR_EXPR)
		base = TREE_OPERAND(arg, 0);
	else if (TREE_CODE(arg) == SSA_NAME)
		base = build2(MEM_REF, TREE_TYPE(TREE_TYPE(arg)), arg,
			      build_int_cst(TREE_TYPE(arg), 0));
	else
		return NULL_TREE;
	return build3(COMPONENT_REF, TREE_TYPE(field), base, field, NULL_TREE);
}

/* Is OP's value a pointer into the struct whose address is BASE? */
static bool pb_points_into(struct pb_fn *fn, tree op, struct pb_val base)
{
	struct pb_val v;
	tree ref;

	if (TREE_CODE(op) == ADDR_EXPR) {
		/* '&umem->work', '&umem->pgs[0]', '&u.list' */
		ref = get_base_address(TREE_OPERAND(op, 0));
		if (!ref)
			return false;
		v = pb_value_of_addr(fn, ref);
	} else if (POINTER_TYPE_P(TREE_TYPE(op))) {
		v = pb_value_of(fn, op);
	} else {
		return false;
	}
	return v.level == base.level && pb_key_equal(fn, v.key, base.key);
}

/*
 * May STMT write CELL, a field of the struct a pointer points to
 * ('umem->npgs'), or a variable whose address BASE is?  A store to it,
 * or one the alias oracle cannot tell from it (with ONLY_NAMED, a
 * variable no pointer reaches: a store to it by name); a call given a
 * pointer into that struct (or the variable's address), unless the API
 * says it only reads, or one storing its result there.  A clobber at
 * the end of a scope writes nothing.
 */
static bool pb_stmt_may_write_cell(struct pb_fn *fn, gimple *stmt, tree cell,
				   struct pb_val base, bool only_named)
{
	unsigned int i;

	if (gimple_clobber_p(stmt))
		return false;
	if (gcall *call = dyn_cast<gcall *>(stmt)) {
		const struct pb_rule *rule =
			pb_api_lookup(gimple_call_fndecl(call));

		/* a helper's summary says nothing of its other stores */
		if (pb_call_only_reads(call) && !rule->summary &&
		    !rule->defined_file)
			return false;
		for (i = 0; i < gimple_call_num_args(call); i++)
			if (pb_points_into(fn, gimple_call_arg(call, i), base))
				return true;
		return false;
	}
	if (!gimple_vdef(stmt) || !gimple_has_lhs(stmt))
		return gimple_vdef(stmt) != NULL_TREE;
	if (only_named)
		return get_base_address(gimple_get_lhs(stmt)) == cell;
	return pb_ref_equal(fn, gimple_get_lhs(stmt), cell) ||
	       refs_may_alias_p(gimple_get_lhs(stmt), cell);
}

/* Is T, or something inside it, the address of DECL (or of a part)? */
static tree pb_find_addr_of(tree *t, int *walk_subtrees, void *decl)
{
	if (TREE_CODE(*t) == ADDR_EXPR &&
	    get_base_address(TREE_OPERAND(*t, 0)) == (tree)decl)
		return *t;
	if (TYPE_P(*t) || DECL_P(*t))
		*walk_subtrees = 0;
	return NULL_TREE;
}

/*
 * Is DECL, a local variable, never reached through a pointer but by the
 * calls given its address ('p9_get_mapped_pages(..., &need_drop)')?  Its
 * address is then in no pointer a store goes through: only a store to
 * it by name, or such a call, writes it.  (GCC's alias oracle, before
 * points-to analysis, takes any store through a pointer to reach every
 * variable whose address is taken.)
 */
static bool pb_address_only_passed(struct pb_fn *fn, tree decl)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_phis(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gphi *phi = as_a<gphi *>(gsi_stmt(gsi));
			unsigned int i;

			for (i = 0; i < gimple_phi_num_args(phi); i++)
				if (walk_tree(gimple_phi_arg_def_ptr(phi, i),
					      pb_find_addr_of, decl, NULL))
					return false;
		}
		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			gcall *call = dyn_cast<gcall *>(stmt);
			unsigned int i;

			if (is_gimple_debug(stmt))
				continue;
			for (i = 0; i < gimple_num_ops(stmt); i++) {
				tree *op = gimple_op_ptr(stmt, i);

				/* '&decl' itself, an argument */
				if (call && i >= 3 && *op &&
				    TREE_CODE(*op) == ADDR_EXPR &&
				    TREE_OPERAND(*op, 0) == decl)
					continue;
				if (*op && walk_tree(op, pb_find_addr_of, decl,
						     NULL))
					return false;
			}
		}
	}
	return true;
}

/* Blocks reached from BB's successors (FORWARD) or reaching its
 * predecessors, into SEEN. */
static void pb_reach(basic_block bb, bool forward, sbitmap seen)
{
	auto_vec<basic_block, 16> work;
	edge_iterator ei;
	edge e;

	work.safe_push(bb);
	while (!work.is_empty()) {
		bb = work.pop();
		FOR_EACH_EDGE(e, ei, forward ? bb->succs : bb->preds) {
			basic_block next = forward ? e->dest : e->src;

			if (!bitmap_bit_p(seen, next->index)) {
				bitmap_set_bit(seen, next->index);
				work.safe_push(next);
			}
		}
	}
}

/* Is TO reached from FROM in FUN's flow: after it in its block, or from
 * its block's successors? */
bool pb_stmt_reaches(function *fun, gimple *from, gimple *to)
{
	basic_block target = gimple_bb(to);
	auto_sbitmap seen(last_basic_block_for_fn(fun));

	if (gimple_bb(from) == target && pb_stmt_dominates(from, to))
		return true;
	bitmap_clear(seen);
	pb_reach(gimple_bb(from), true, seen);
	return bitmap_bit_p(seen, target->index);
}

/*
 * May CELL ('umem->npgs', or a variable such as 'need_drop') be written
 * on a path from FROM (NULL: the function's entry) to TO, neither
 * included, by any statement but SKIP?  What a load of it before FROM
 * read is then still what it holds at TO only if not.
 */
bool pb_cell_written_between(struct pb_fn *fn, tree cell, gimple *from,
			     gimple *to, gimple *skip)
{
	basic_block bb, to_bb = gimple_bb(to);
	basic_block from_bb = from ? gimple_bb(from) :
				     ENTRY_BLOCK_PTR_FOR_FN(fn->fun);
	struct pb_val base;
	bool written = false, only_named;
	sbitmap after, before;

	if (!from_bb || !to_bb)
		return true;
	/* a field: calls given a pointer into its struct may write it; a
	 * variable: calls given its address */
	if (TREE_CODE(cell) == COMPONENT_REF)
		base = pb_value_of_addr(fn, TREE_OPERAND(cell, 0));
	else if (VAR_P(cell))
		base = pb_value_of_addr(fn, cell);
	else
		return true;
	only_named = pb_is_local_decl(cell) && pb_address_only_passed(fn, cell);
	if (!base.key || base.offset)
		return true;
	after = sbitmap_alloc(last_basic_block_for_fn(fn->fun));
	before = sbitmap_alloc(last_basic_block_for_fn(fn->fun));
	bitmap_clear(after);
	bitmap_clear(before);
	pb_reach(from_bb, true, after);
	pb_reach(to_bb, false, before);
	FOR_EACH_BB_FN(bb, fn->fun) {
		bool past_from = bitmap_bit_p(after, bb->index);
		bool short_of_to = bitmap_bit_p(before, bb->index) ||
				   bb == to_bb;
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi) && !written;
		     gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (stmt == to && !bitmap_bit_p(before, bb->index))
				short_of_to = false;
			if (stmt == from) {
				past_from = true;
				continue;
			}
			if (past_from && short_of_to && stmt != skip &&
			    stmt != to &&
			    pb_stmt_may_write_cell(fn, stmt, cell, base,
						   only_named))
				written = true;
		}
	}
	sbitmap_free(after);
	sbitmap_free(before);
	return written;
}

/* Does taking E say that CELL, a pointer field, is NULL: a branch on a
 * load of it compared with 0 ('if (!req->page_list)')? */
static bool pb_edge_says_cell_null(struct pb_fn *fn, edge e, tree cell)
{
	gcond *cond = safe_dyn_cast<gcond *>(last_stmt(e->src));
	enum tree_code code;
	tree op;
	int depth;

	if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) ||
	    !integer_zerop(gimple_cond_rhs(cond)))
		return false;
	code = gimple_cond_code(cond);
	if (e->flags & EDGE_FALSE_VALUE)
		code = invert_tree_comparison(code, false);
	if (code != EQ_EXPR)
		return false;
	op = gimple_cond_lhs(cond);
	for (depth = 0; depth < 4 && TREE_CODE(op) == SSA_NAME; depth++) {
		gassign *def = dyn_cast<gassign *>(SSA_NAME_DEF_STMT(op));

		if (!def)
			return false;
		if (gimple_assign_load_p(def))
			return pb_ref_equal(fn, gimple_assign_rhs1(def), cell);
		if (!CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) &&
		    gimple_assign_rhs_code(def) != SSA_NAME)
			return false;
		op = gimple_assign_rhs1(def);
	}
	return false;
}

/*
 * Is there a path from FROM to TO, neither included, on which CELL
 * ('req->page_list') keeps what it held after FROM: no statement on it
 * may write the cell, and no branch it takes says the cell is NULL?
 */
bool pb_cell_kept_between(struct pb_fn *fn, tree cell, gimple *from,
			  gimple *to)
{
	auto_vec<basic_block, 16> work;
	struct pb_val base;
	basic_block bb = gimple_bb(from);
	gimple_stmt_iterator gsi;
	bool found = false;
	sbitmap seen;

	if (!bb || !gimple_bb(to) || TREE_CODE(cell) != COMPONENT_REF)
		return false;
	base = pb_value_of_addr(fn, TREE_OPERAND(cell, 0));
	if (!base.key || base.offset)
		return false;
	seen = sbitmap_alloc(last_basic_block_for_fn(fn->fun));
	bitmap_clear(seen);
	gsi = gsi_for_stmt(from);
	gsi_next(&gsi);
	for (;;) {
		bool blocked = false;
		edge_iterator ei;
		edge e;

		for (; !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (stmt == to) {
				found = true;
				break;
			}
			if (pb_stmt_may_write_cell(fn, stmt, cell, base, false)) {
				blocked = true;
				break;
			}
		}
		if (found)
			break;
		if (!blocked)
			FOR_EACH_EDGE(e, ei, bb->succs)
				if (!bitmap_bit_p(seen, e->dest->index) &&
				    e->dest != EXIT_BLOCK_PTR_FOR_FN(fn->fun) &&
				    !pb_edge_says_cell_null(fn, e, cell)) {
					bitmap_set_bit(seen, e->dest->index);
					work.safe_push(e->dest);
				}
		if (work.is_empty())
			break;
		bb = work.pop();
		gsi = gsi_start_bb(bb);
	}
	sbitmap_free(seen);
	return found;
}

/* Is OP a pointer into the struct whose field CELL is: '&req->refcount'
 * for 'req->page_list'? */
bool pb_points_into_struct_of(struct pb_fn *fn, tree op, tree cell)
{
	struct pb_val base;

	if (TREE_CODE(cell) != COMPONENT_REF)
		return false;
	/* '_10 = &req_5->refcount; kref_put (_10, ...)' */
	op = pb_strip_copies(op);
	if (op && TREE_CODE(op) == SSA_NAME &&
	    gimple_assign_single_p(SSA_NAME_DEF_STMT(op)) &&
	    TREE_CODE(gimple_assign_rhs1(SSA_NAME_DEF_STMT(op))) == ADDR_EXPR)
		op = gimple_assign_rhs1(SSA_NAME_DEF_STMT(op));
	base = pb_value_of_addr(fn, TREE_OPERAND(cell, 0));
	return op && base.key && !base.offset && pb_points_into(fn, op, base);
}

/* Does REF, what a load reads, name the cell CELL, seeing through
 * copies of the pointers to their structs? */
bool pb_same_cell_in(struct pb_fn *fn, tree ref, tree cell)
{
	return pb_ref_equal(fn, ref, cell);
}

struct pb_val pb_value_of(struct pb_fn *fn, tree op)
{
	if (!op)
		return pb_unknown();
	if (TREE_CODE(op) == SSA_NAME) {
		struct pb_val v = pb_ssa_value(fn, op);

		/* only a PHI that has it as an argument skips it */
		if (pb_is_cycle_only(v) && !fn->values->value_depth)
			return pb_opaque(op);
		return v;
	}
	if (TREE_CODE(op) == ADDR_EXPR)
		return pb_value_of_addr(fn, TREE_OPERAND(op, 0));
	return pb_unknown();
}

/*
 * A pointer to the pages array stored at *OP, for functions such as
 * iov_iter_extract_pages() that fill in (or allocate) the array pointer.
 */
struct pb_val pb_value_deref(struct pb_fn *fn, tree op)
{
	struct pb_val v;

	op = pb_address_given(op);
	if (TREE_CODE(op) == ADDR_EXPR)
		return pb_value_of_load(fn, TREE_OPERAND(op, 0));
	v = pb_value_of(fn, op);
	if (v.key) {
		v.level--;
		v.offset = false;
	}
	return v;
}

/* ------------------------------------------------ elements of arrays */

/* The index X of an offset '(sizetype) X * SIZE' into an array of
 * elements of SIZE bytes, or NULL_TREE. */
static tree pb_scaled_index(tree off, tree size)
{
	gimple *def;

	off = pb_strip_copies(off);
	if (!off || TREE_CODE(off) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(off);
	if (!is_gimple_assign(def) || gimple_assign_rhs_code(def) != MULT_EXPR ||
	    !size || !tree_int_cst_equal(gimple_assign_rhs2(def), size))
		return NULL_TREE;
	return pb_strip_copies(gimple_assign_rhs1(def));
}

/*
 * Is OP a page loaded from an element of an array: 'pages[i]' of a local
 * array, or '*(pages + i)' of an allocated one?  *ARRAY is the array as
 * the address of its storage (what pb_value_of gives for 'pages'), *INDEX
 * the index, copies stripped: the same SSA name is the same element.
 */
bool pb_value_element(struct pb_fn *fn, tree op, struct pb_val *array,
		      tree *index)
{
	tree ref = pb_loaded_ref(op), ptr;
	gimple *plus;

	if (!ref)
		return false;
	if (TREE_CODE(ref) == ARRAY_REF &&
	    TREE_CODE(TREE_TYPE(TREE_OPERAND(ref, 0))) == ARRAY_TYPE &&
	    TREE_CODE(TREE_TYPE(ref)) != ARRAY_TYPE) {
		*array = pb_value_of_addr(fn, TREE_OPERAND(ref, 0));
		*index = pb_strip_copies(TREE_OPERAND(ref, 1));
	} else if (TREE_CODE(ref) == MEM_REF &&
		   integer_zerop(TREE_OPERAND(ref, 1)) &&
		   TREE_CODE((ptr = TREE_OPERAND(ref, 0))) == SSA_NAME &&
		   is_gimple_assign((plus = SSA_NAME_DEF_STMT(ptr))) &&
		   gimple_assign_rhs_code(plus) == POINTER_PLUS_EXPR) {
		*array = pb_value_of(fn, gimple_assign_rhs1(plus));
		*index = pb_scaled_index(gimple_assign_rhs2(plus),
					 TYPE_SIZE_UNIT(TREE_TYPE(ref)));
	} else {
		return false;
	}
	return array->key && !array->offset && *index;
}

/* Blocks back from a call its struct argument's page is looked for in,
 * each the one predecessor of the next. */
#define PB_FIELD_SET_BLOCKS 4

/*
 * What the last statement before GSI (going back) that writes a pointer
 * field of the local struct OBJ stored there, or NULL_TREE; *STOPPED if a
 * statement may write OBJ otherwise: a call (through its address) or a
 * store of the whole struct.
 */
static tree pb_field_set_before(gimple_stmt_iterator gsi, tree obj,
				bool *stopped)
{
	for (; !gsi_end_p(gsi); gsi_prev(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);
		tree lhs;

		if (is_gimple_call(stmt) &&
		    !gimple_call_builtin_p(stmt, BUILT_IN_EXPECT))
			break;
		if (!gimple_assign_single_p(stmt))
			continue;
		lhs = gimple_assign_lhs(stmt);
		if (lhs == obj)
			break;
		if (TREE_CODE(lhs) == COMPONENT_REF &&
		    TREE_OPERAND(lhs, 0) == obj &&
		    POINTER_TYPE_P(TREE_TYPE(lhs)))
			return gimple_assign_rhs1(stmt);
	}
	*stopped = !gsi_end_p(gsi);
	return NULL_TREE;
}

/*
 * The element of an array that ARG, an argument of CALL, gives the
 * callee: the element itself ('sg_set_page(sg, pages[i], ...)'), or a
 * local struct whose field was last set to it on every path to CALL
 * ('buf.page = pages[i]; ...; add_to_pipe(pipe, &buf)', fs/splice.c): in
 * CALL's block, or one before it that is the one way into the next.
 */
bool pb_value_element_passed(struct pb_fn *fn, gcall *call, tree arg,
			     struct pb_val *array, tree *index)
{
	gimple_stmt_iterator gsi = gsi_for_stmt(call);
	basic_block bb = gimple_bb(call);
	bool stopped = false;
	tree obj, page;
	int steps;

	if (pb_value_element(fn, arg, array, index))
		return true;
	if (!arg || TREE_CODE(arg) != ADDR_EXPR ||
	    !pb_is_local_decl((obj = TREE_OPERAND(arg, 0))))
		return false;
	gsi_prev(&gsi);
	for (steps = 0; steps < PB_FIELD_SET_BLOCKS; steps++) {
		page = pb_field_set_before(gsi, obj, &stopped);
		if (page)
			return pb_value_element(fn, page, array, index);
		if (stopped || !single_pred_p(bb))
			return false;
		bb = single_pred(bb);
		if (bb->index < NUM_FIXED_BLOCKS)
			return false;
		gsi = gsi_last_bb(bb);
	}
	return false;
}

/* Two counts that are the same value: same SSA root, constant or cell. */
/* Are A and B the same memory cell ('pinned', 'r->n'), without a
 * function's values to follow pointers? */
bool pb_same_cell(tree a, tree b)
{
	return pb_ref_equal(NULL, a, b);
}

bool pb_same_count(tree a, tree b)
{
	gimple *da, *db;

	a = pb_strip_copies(a);
	b = pb_strip_copies(b);
	if (!a || !b)
		return false;
	if (a == b)
		return true;
	if (TREE_CODE(a) == INTEGER_CST && TREE_CODE(b) == INTEGER_CST)
		return tree_int_cst_equal(a, b);
	if (TREE_CODE(a) != SSA_NAME || TREE_CODE(b) != SSA_NAME)
		return false;
	da = SSA_NAME_DEF_STMT(a);
	db = SSA_NAME_DEF_STMT(b);
	if (!gimple_assign_load_p(da) || !gimple_assign_load_p(db))
		return false;
	return pb_ref_equal(NULL, gimple_assign_rhs1(da), gimple_assign_rhs1(db));
}

tree pb_key_base_decl(tree key)
{
	tree base;

	if (!key || TREE_CODE(key) == SSA_NAME)
		return NULL_TREE;
	if (DECL_P(key))
		return key;
	base = get_base_address(key);
	return base && DECL_P(base) ? base : NULL_TREE;
}

static bool pb_is_local_decl(tree decl)
{
	return decl && VAR_P(decl) && !is_global_var(decl) &&
	       DECL_CONTEXT(decl) == current_function_decl;
}

/* 'alloc_hooks()' (6.12's allocation profiling) joins two allocator calls. */
static bool pb_phi_of_allocs(gphi *phi)
{
	unsigned int i;

	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = pb_strip_copies(gimple_phi_arg_def(phi, i));
		gimple *def;

		if (pb_no_array(arg))
			continue;
		if (TREE_CODE(arg) != SSA_NAME)
			return false;
		def = SSA_NAME_DEF_STMT(arg);
		if (!is_gimple_call(def) || !pb_api_is_alloc(gimple_call_fndecl(def)))
			return false;
	}
	return true;
}

/*
 * Storage that dies with this function, so pages still pinned in it when
 * the function returns are lost: local variables (and fields of local
 * structs), and buffers allocated here.  Anything else (a parameter's
 * array, a field reached through a pointer, a global) may be released by
 * someone else, so no leak is reported for it.
 */
/*
 * Is KEY a cell of a struct the function allocated itself, as
 * 'region->pages' after 'region = kzalloc(...)'?  Its pages are the
 * function's own until the struct is passed on, which pb_handover.c sees
 * carry them.
 */
static bool pb_cell_of_local_alloc(struct pb_fn *fn, tree key)
{
	struct pb_val owner;

	while (TREE_CODE(key) == COMPONENT_REF || TREE_CODE(key) == ARRAY_REF)
		key = TREE_OPERAND(key, 0);
	if (TREE_CODE(key) != MEM_REF || !fn)
		return false;
	owner = pb_value_of(fn, TREE_OPERAND(key, 0));
	return owner.key && TREE_CODE(owner.key) == SSA_NAME &&
	       owner.level == 0 && !owner.offset &&
	       pb_key_is_local(fn, owner.key);
}

/*
 * How many page pointers CALL, an allocator, makes room for: from its
 * alloc_size attribute (the kernel's __alloc_size(1, 2) on
 * kvmalloc_array_node_noprof() and friends), the count beside
 * 'sizeof(struct page *)', or N of a byte size 'N * sizeof(struct page
 * *)'.  NULL if it does not say.
 */
static tree pb_alloc_call_capacity(gcall *call)
{
	tree attr, ptr_size = TYPE_SIZE_UNIT(ptr_type_node);
	tree args[2] = { NULL_TREE, NULL_TREE };
	tree fntype = gimple_call_fntype(call);
	gimple *def;
	int n = 0;

	attr = fntype ? lookup_attribute("alloc_size",
					 TYPE_ATTRIBUTES(fntype)) : NULL_TREE;
	if (!attr)
		return NULL_TREE;
	for (tree pos = TREE_VALUE(attr); pos && n < 2; pos = TREE_CHAIN(pos)) {
		tree idx = TREE_VALUE(pos);

		if (TREE_CODE(idx) != INTEGER_CST || !tree_fits_uhwi_p(idx) ||
		    tree_to_uhwi(idx) < 1 ||
		    tree_to_uhwi(idx) > gimple_call_num_args(call))
			return NULL_TREE;
		args[n++] = pb_strip_copies(gimple_call_arg(call,
						tree_to_uhwi(idx) - 1));
	}
	if (n == 2) {
		if (TREE_CODE(args[1]) == INTEGER_CST &&
		    tree_int_cst_equal(args[1], ptr_size))
			return args[0];
		if (TREE_CODE(args[0]) == INTEGER_CST &&
		    tree_int_cst_equal(args[0], ptr_size))
			return args[1];
		return NULL_TREE;
	}
	if (n != 1 || !args[0] || TREE_CODE(args[0]) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(args[0]);
	if (!is_gimple_assign(def) || gimple_assign_rhs_code(def) != MULT_EXPR ||
	    TREE_CODE(gimple_assign_rhs2(def)) != INTEGER_CST ||
	    !tree_int_cst_equal(gimple_assign_rhs2(def), ptr_size))
		return NULL_TREE;
	return pb_strip_copies(gimple_assign_rhs1(def));
}

/*
 * The number of pages the array KEY was allocated for
 * ('kvcalloc(nr_pages, sizeof(struct page *), GFP_KERNEL)'), when KEY is
 * an allocation of this function, or alloc_hooks()'s join of two that
 * agree; NULL if it is not known.
 */
tree pb_alloc_capacity(tree key)
{
	tree cap = NULL_TREE;
	unsigned int i;
	gimple *def;
	gphi *phi;

	if (!key || TREE_CODE(key) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(key);
	if (is_gimple_call(def))
		return pb_api_is_alloc(gimple_call_fndecl(def)) ?
		       pb_alloc_call_capacity(as_a<gcall *>(def)) : NULL_TREE;
	phi = dyn_cast<gphi *>(def);
	if (!phi || !pb_phi_of_allocs(phi))
		return NULL_TREE;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = pb_strip_copies(gimple_phi_arg_def(phi, i));
		tree one;

		if (pb_no_array(arg))
			continue;
		one = pb_alloc_call_capacity(as_a<gcall *>(SSA_NAME_DEF_STMT(arg)));
		if (!one || (cap && !pb_same_count(cap, one)))
			return NULL_TREE;
		cap = one;
	}
	return cap;
}

bool pb_key_is_local(struct pb_fn *fn, tree key)
{
	gimple *def;

	if (!key)
		return false;
	if (TREE_CODE(key) == SSA_NAME) {
		def = SSA_NAME_DEF_STMT(key);
		if (gphi *phi = dyn_cast<gphi *>(def))
			return pb_phi_of_allocs(phi);
		return is_gimple_call(def) &&
		       pb_api_is_alloc(gimple_call_fndecl(def));
	}
	return pb_is_local_decl(pb_key_base_decl(key)) ||
	       pb_cell_of_local_alloc(fn, key);
}

/*
 * Is KEY memory the caller gave: a parameter, or a cell reached through
 * one ('vm->ioreq_page', 'umem->pgs')?  What a function leaves there is
 * the caller's once it returns success.
 */
bool pb_key_of_parameter(struct pb_fn *fn, tree key)
{
	struct pb_val owner;

	if (!key)
		return false;
	if (TREE_CODE(key) == SSA_NAME)
		return SSA_NAME_IS_DEFAULT_DEF(key) && SSA_NAME_VAR(key) &&
		       TREE_CODE(SSA_NAME_VAR(key)) == PARM_DECL;
	while (TREE_CODE(key) == COMPONENT_REF || TREE_CODE(key) == ARRAY_REF)
		key = TREE_OPERAND(key, 0);
	if (TREE_CODE(key) != MEM_REF)
		return false;
	owner = pb_value_of(fn, TREE_OPERAND(key, 0));
	return owner.level == 0 && !owner.offset &&
	       pb_key_of_parameter(fn, owner.key);
}

/* A name for the storage, for messages; NULL when it has none. */
const char *pb_key_name(tree key)
{
	tree decl = key;

	if (!key)
		return NULL;
	if (TREE_CODE(key) == SSA_NAME)
		decl = SSA_NAME_VAR(key);
	else if (TREE_CODE(key) == COMPONENT_REF)
		decl = TREE_OPERAND(key, 1);
	if (!decl || !DECL_P(decl) || !DECL_NAME(decl) || DECL_ARTIFICIAL(decl))
		return NULL;
	return IDENTIFIER_POINTER(DECL_NAME(decl));
}

/* ------------------------------------------------ parameters */

/* Parameter P (1, 2, ...) of FUN, or NULL_TREE. */
/* Which parameter of FNDECL PARM is, as 1, 2, ...; 0 if none. */
int pb_param_number(tree fndecl, tree parm)
{
	tree p;
	int i = 1;

	for (p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), i++)
		if (p == parm)
			return i;
	return 0;
}

tree pb_param_decl(function *fun, int p)
{
	tree parm = DECL_ARGUMENTS(fun->decl);

	while (parm && --p > 0)
		parm = DECL_CHAIN(parm);
	return parm;
}

/* How many pointers parameter P of FUN is above a page or folio; 0. */
int pb_param_page_levels(function *fun, int p, bool *folio)
{
	tree parm = pb_param_decl(fun, p);

	return parm ? pb_type_page_levels(TREE_TYPE(parm), folio) : 0;
}

/* Does TYPE point to a struct with an array of pages in a field of its
 * own ('struct xdp_umem *umem' with 'struct page **pgs')? */
bool pb_points_to_page_array_field(tree type)
{
	tree field;

	if (!POINTER_TYPE_P(type) || TREE_CODE(TREE_TYPE(type)) != RECORD_TYPE)
		return false;
	for (field = TYPE_FIELDS(TREE_TYPE(type)); field;
	     field = DECL_CHAIN(field))
		if (TREE_CODE(field) == FIELD_DECL && DECL_NAME(field) &&
		    pb_type_page_levels(TREE_TYPE(field), NULL) == 2)
			return true;
	return false;
}

/* Does FUN return an array of pages or folios ('struct page **')? */
bool pb_returns_page_array(function *fun)
{
	return pb_type_page_levels(TREE_TYPE(TREE_TYPE(fun->decl)), NULL) == 2;
}

/* Is REF a part of the object NAME points to ('name->f', 'name->a[i]')? */
bool pb_ref_based_on(tree ref, tree name)
{
	tree base = get_base_address(ref);

	return base && TREE_CODE(base) == MEM_REF &&
	       TREE_OPERAND(base, 0) == name;
}

static tree pb_mentions_cb(tree *tp, int *walk_subtrees, void *data)
{
	(void)walk_subtrees;
	return *tp == (tree)data ? *tp : NULL_TREE;
}

/* Does the operand OP use NAME: NAME itself, or '&name->pages[0]'? */
bool pb_operand_mentions(tree op, tree name)
{
	return op == name ||
	       walk_tree_without_duplicates(&op, pb_mentions_cb, name);
}
