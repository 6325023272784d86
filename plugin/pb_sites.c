// SPDX-License-Identifier: GPL-2.0
/*
 * pb_sites.c - the sites: calls that take page references, and where
 * their return values go.
 *
 * Every call to an acquire of the rules is a site: its rule, the array
 * (or page slot) it fills, the count it was asked for, the classes its
 * return value may fall in, and the branches on parameters every path to
 * it took (pb_guards.c).  A site's return value is followed through SSA
 * copies, PHIs joining two sites, and memory cells it is stored in
 * ('b.n = pin_user_pages_fast(...)'), so that a branch on any of them is
 * seen as a branch on the site.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* Cells known to hold a copy of a site's return value, at most. */
#define PB_MAX_RET_CELLS 32

/* A memory cell written with a site's return value. */
struct pb_ret_cell {
	int site;
	tree ref;
	gimple *store;
};

/* This file's tables for one function: which site's return value each
 * SSA name is (-1: none), and the cells holding a return value. */
struct pb_returns {
	unsigned int nssa;
	int *ssa_ret;
	struct pb_ret_cell cells[PB_MAX_RET_CELLS];
	int ncells;
};

static unsigned int pb_initial_classes(const struct pb_rule *rule, tree req)
{
	unsigned int classes = (1u << PB_CLASS_ERR) | (1u << PB_CLASS_FULL);
	bool req_const = req && TREE_CODE(req) == INTEGER_CST &&
			 tree_fits_shwi_p(req);

	/* a call that says in a flag, or by the kind of its source,
	 * whether it took pages may also succeed without taking any,
	 * whatever it returns */
	if (rule->held_if_arg > 0 || rule->source_arg > 0)
		classes |= 1u << PB_CLASS_ZERO;
	if (rule->count == PB_COUNT_ONE || rule->count == PB_COUNT_STATUS)
		return classes;
	/* some pages, whatever it returns: their count is in memory */
	if (rule->count == PB_COUNT_STORED)
		return (1u << PB_CLASS_PARTIAL) | (1u << PB_CLASS_FULL);
	if (rule->count == PB_COUNT_BYTES)
		return classes | (1u << PB_CLASS_ZERO);
	/* The gup functions return 0 only when asked for 0 pages. */
	if (!req_const || tree_to_shwi(req) < 1)
		classes |= 1u << PB_CLASS_ZERO;
	if ((!req_const || tree_to_shwi(req) != 1) && !rule->whole)
		classes |= 1u << PB_CLASS_PARTIAL;
	return classes;
}

bool pb_call_fits_rule(gcall *call, const struct pb_rule *rule)
{
	int nargs = (int)gimple_call_num_args(call);

	/* a call through an unprototyped declaration may pass fewer */
	if (rule->pages_arg > nargs || rule->count_arg > nargs ||
	    rule->when_arg > nargs || rule->held_if_arg > nargs ||
	    rule->entry_arg > nargs || rule->release_arg > nargs ||
	    rule->source_arg > nargs)
		return false;
	if (rule->pages_arg > 0) {
		tree arg = gimple_call_arg(call, rule->pages_arg - 1);

		/* free_pages((unsigned long)page_list, 0) */
		if (!POINTER_TYPE_P(TREE_TYPE(arg)) &&
		    !pb_union_arg_pointer(call, arg) &&
		    !pb_api_free_takes_address(rule, TREE_TYPE(arg)))
			return false;
	}
	return true;
}

/* Is the container a single page slot, as in '&page'? */
static bool pb_container_single(struct pb_val v)
{
	tree type;

	if (v.level != 0 || v.offset || TREE_CODE(v.key) == SSA_NAME)
		return false;
	type = TREE_TYPE(v.key);
	return type && POINTER_TYPE_P(type);
}

/*
 * Is DECL a variable of the file only: a static at file or function
 * scope, which no other file can fill or release from?
 */
bool pb_is_file_variable(tree decl)
{
	return decl && VAR_P(decl) && TREE_STATIC(decl) &&
	       !TREE_PUBLIC(decl) && !DECL_EXTERNAL(decl);
}

/* Where a store of the array may have put it, for pb_store_before(). */
enum pb_store_dest {
	PB_DEST_OUTSIDE,	/* memory that is not the function's own */
	PB_DEST_CALLERS,	/* memory a parameter points to */
	PB_DEST_FILE_VAR,	/* a static variable of the file */
};

/* Does ST, a store of the array, put it where WANT says? */
static bool pb_store_goes(struct pb_fn *fn, const struct pb_store *st,
			  enum pb_store_dest want)
{
	tree dest;

	if (want == PB_DEST_FILE_VAR)
		return pb_is_file_variable(gimple_assign_lhs(st->stmt));
	dest = pb_value_of_addr(fn, st->dest).key;
	if (pb_key_is_local(fn, dest))
		return false;
	return want == PB_DEST_OUTSIDE || pb_key_of_parameter(fn, dest);
}

/* A store of the array KEY where WANT says, on every path to CALL; NULL
 * if none. */
static gimple *pb_store_before(struct pb_fn *fn, tree key, gimple *call,
			       enum pb_store_dest want)
{
	int i;

	for (i = 0; i < pb_value_nstores(fn); i++) {
		const struct pb_store *st = pb_value_store(fn, i);
		struct pb_val v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));

		if (!v.key || !pb_key_equal(fn, v.key, key) ||
		    !pb_store_goes(fn, st, want))
			continue;
		if (dominated_by_p(CDI_DOMINATORS, gimple_bb(call),
				   gimple_bb(st->stmt)))
			return st->stmt;
	}
	return NULL;
}

/* Is the array already reachable from outside before CALL runs (from
 * the caller, if CALLERS: stored into a parameter's struct)? */
static bool pb_stored_out_before(struct pb_fn *fn, tree key, gimple *call,
				 bool callers)
{
	return pb_store_before(fn, key, call, callers ? PB_DEST_CALLERS :
						       PB_DEST_OUTSIDE);
}

/*
 * The file's static variable the array KEY was stored into, whole, before
 * CALL: 'pin_longterm_test_pages = pages' ahead of the pinning loop keeps
 * the pins for another ioctl of the file, which releases them from there.
 */
static tree pb_file_var_before(struct pb_fn *fn, tree key, gimple *call)
{
	gimple *store = pb_store_before(fn, key, call, PB_DEST_FILE_VAR);

	return store ? gimple_assign_lhs(store) : NULL_TREE;
}

/*
 * For a rule with 'when=argN&MASK': 1 if the flags argument surely holds
 * a bit of MASK, 0 if it surely holds none (the call takes no reference),
 * -1 if it is not a constant.  Rules without a condition always take.
 */
static int pb_acquire_flags(gcall *call, const struct pb_rule *rule)
{
	tree flags;

	if (rule->when_arg < 1)
		return 1;
	flags = pb_strip_copies(gimple_call_arg(call, rule->when_arg - 1));
	if (!flags || TREE_CODE(flags) != INTEGER_CST || !tree_fits_uhwi_p(flags))
		return -1;
	return (tree_to_uhwi(flags) & rule->when_mask) != 0;
}

/*
 * 'pages=return': the result is the array ('page_array =
 * io_pin_pages(...)'), in an SSA name or straight in a variable whose
 * address is taken ('io_pages_free(&page_array, n)').
 */
static bool pb_returned_array_site(struct pb_fn *fn, gcall *call,
				   struct pb_site *site)
{
	tree lhs = gimple_call_lhs(call);

	if (!lhs)
		return false;
	if (site->ret) {
		site->container.key = site->ret;
		site->container.level = 0;
	} else {
		site->container = pb_value_of_addr(fn, lhs);
		if (!site->container.key || site->container.offset)
			return false;
		site->container.level--;
	}
	site->caller_owned = !pb_key_is_local(fn, site->container.key) &&
			     TREE_CODE(site->container.key) != SSA_NAME;
	return true;
}

/*
 * 'held-if=*argN': the flag is the variable or field whose address the
 * call is given ('&need_drop', '&req->need_drop'); a branch on a load of
 * it tells whether the pages are held (pb_cond.c).  A flag passed on
 * otherwise cannot be followed: the pages are then of uncertain kind.
 */
static void pb_site_flag(struct pb_site *site)
{
	tree arg = pb_address_given(gimple_call_arg(site->call,
						     site->rule->held_if_arg - 1));
	tree cell = NULL_TREE;

	if (TREE_CODE(arg) == ADDR_EXPR)
		cell = TREE_OPERAND(arg, 0);

	if (cell && INTEGRAL_TYPE_P(TREE_TYPE(cell)) &&
	    ((VAR_P(cell) && !is_global_var(cell)) ||
	     TREE_CODE(cell) == COMPONENT_REF))
		site->flag = cell;
	else
		site->conditional = true;
}

static bool pb_make_site(struct pb_fn *fn, gcall *call,
			 const struct pb_rule *rule, struct pb_site *site)
{
	tree lhs = gimple_call_lhs(call);
	tree arg;

	memset(site, 0, sizeof(*site));
	site->call = call;
	site->rule = rule;
	/* a status that says nothing of the pages when the count is stored */
	if (lhs && TREE_CODE(lhs) == SSA_NAME && rule->count != PB_COUNT_STORED)
		site->ret = lhs;
	if (rule->count_arg > 0)
		site->req = pb_strip_copies(gimple_call_arg(call, rule->count_arg - 1));
	site->classes = pb_initial_classes(rule, site->req);
	site->conditional = rule->conditional ||
			    pb_acquire_flags(call, rule) < 0;
	site->recorded = rule->recorded;
	if (rule->held_if_arg > 0)
		pb_site_flag(site);
	site->source_types = PB_ITER_ALL;
	if (rule->source_arg > 0) {
		site->source = pb_strip_copies(gimple_call_arg(call,
							       rule->source_arg - 1));
		site->source_types = pb_source_callers_types(site);
		/* the function keeps a record of the kind for the release */
		site->record_stored = pb_source_recorded_by_store(site);
		site->recorded |= site->record_stored;
	}
	pb_guards_collect(site);

	if (rule->pages_arg == 0 && rule->shape == PB_SHAPE_ARRAY)
		return pb_returned_array_site(fn, call, site);
	if (rule->pages_arg == 0) {
		/* the result is the page itself */
		if (!site->ret)
			return false;
		site->container.key = site->ret;
		site->container.level = 1;
		site->single = true;
		return true;
	}
	arg = gimple_call_arg(call, rule->pages_arg - 1);
	if (rule->shape == PB_SHAPE_ARRAY_PTR)
		site->container = pb_value_deref(fn, arg);
	else
		site->container = pb_call_pages_val(fn, call, rule);
	if (!site->container.key)
		return false;
	site->single = rule->shape == PB_SHAPE_ARRAY &&
		       pb_container_single(site->container);
	site->caller_owned = !pb_key_is_local(fn, site->container.key) ||
			     pb_stored_out_before(fn, site->container.key, call,
						  false);
	site->in_callers_memory =
		pb_key_of_parameter(fn, site->container.key) ||
		pb_stored_out_before(fn, site->container.key, call, true);
	if (site->caller_owned)
		site->file_var = pb_is_file_variable(site->container.key) ?
				 site->container.key :
				 pb_file_var_before(fn, site->container.key,
						    call);
	return true;
}

/* ---------------------------------------------- pages a loop carries */

/* The blocks of the loop of the back edge LATCH -> HEAD into BODY: those
 * that reach LATCH without passing HEAD, and HEAD. */
static void pb_loop_body(basic_block head, basic_block latch, sbitmap body)
{
	auto_vec<basic_block, 16> work;
	edge_iterator ei;
	edge e;

	bitmap_clear(body);
	bitmap_set_bit(body, head->index);
	bitmap_set_bit(body, latch->index);
	work.safe_push(latch);
	while (!work.is_empty()) {
		basic_block up = work.pop();

		FOR_EACH_EDGE(e, ei, up->preds)
			if (!bitmap_bit_p(body, e->src->index)) {
				bitmap_set_bit(body, e->src->index);
				work.safe_push(e->src);
			}
	}
}

/* OP with copies and derive calls (page_folio()) stripped: the page a
 * release is given. */
static tree pb_released_page(tree op)
{
	int depth;

	for (depth = 0; depth < 4; depth++) {
		const struct pb_rule *rule;
		gimple *def;

		op = pb_strip_copies(op);
		if (!op || TREE_CODE(op) != SSA_NAME)
			return op;
		def = SSA_NAME_DEF_STMT(op);
		if (!is_gimple_call(def))
			return op;
		rule = pb_api_lookup(gimple_call_fndecl(def));
		if (!rule || rule->role != PB_ROLE_DERIVE || rule->pages_field[0] ||
		    !pb_call_pages_arg(as_a<gcall *>(def), rule))
			return op;
		op = pb_call_pages_arg(as_a<gcall *>(def), rule);
	}
	return op;
}

/* Does a release in the loop BODY drop the page CARRIED, a PHI at the
 * loop's head: the page of the previous round? */
static bool pb_carried_released(struct pb_fn *fn, tree carried, sbitmap body)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		if (!bitmap_bit_p(body, bb->index))
			continue;
		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (rule && rule->role == PB_ROLE_RELEASE &&
			    pb_released_page(pb_call_pages_arg(call, rule)) ==
				    carried)
				return true;
		}
	}
	return false;
}

/*
 * Does a loop around SITE, a call taking one page, carry that page to
 * its next round: a PHI at the loop's head whose argument on the back
 * edge is the page?  copy_strings() of fs/exec.c takes the next page
 * and then drops the one the previous round took, kept in
 * 'kmapped_page': two pages of one site are held at once, which the
 * site's one word cannot tell apart (a release of the earlier page would
 * be taken for a release of the new one).  Only where a release in the
 * loop drops the carried page: a loop that drops the page it took in the
 * same round and keeps the stale pointer (a double release at the label
 * that drops it again) is followed.
 */
static tree pb_site_carried(struct pb_fn *fn, const struct pb_site *s)
{
	basic_block bb, at = gimple_bb(s->call);
	auto_sbitmap body(last_basic_block_for_fn(fn->fun));
	edge_iterator ei;
	edge e;

	if (!s->single || !at)
		return NULL_TREE;
	FOR_EACH_BB_FN(bb, fn->fun) {
		FOR_EACH_EDGE(e, ei, bb->preds) {
			gphi_iterator gpi;

			/* a back edge of a loop the site is in */
			if (!(e->flags & EDGE_DFS_BACK) ||
			    !dominated_by_p(CDI_DOMINATORS, at, bb))
				continue;
			pb_loop_body(bb, e->src, body);
			if (!bitmap_bit_p(body, at->index))
				continue;
			for (gpi = gsi_start_phis(bb); !gsi_end_p(gpi);
			     gsi_next(&gpi)) {
				gphi *phi = gpi.phi();
				tree arg = PHI_ARG_DEF_FROM_EDGE(phi, e);
				struct pb_val v;

				/* the value at the head, not the argument: a
				 * cycle of PHIs is seen through from its head */
				if (virtual_operand_p(gimple_phi_result(phi)) ||
				    !POINTER_TYPE_P(TREE_TYPE(arg)) ||
				    integer_zerop(arg))
					continue;
				v = pb_value_of(fn, gimple_phi_result(phi));
				if (v.key && v.level == s->container.level - 1 &&
				    pb_key_equal(fn, v.key, s->container.key) &&
				    pb_carried_released(fn, gimple_phi_result(phi),
							body))
					return gimple_phi_result(phi);
			}
		}
	}
	return NULL_TREE;
}

/*
 * Does CALL, a release by RULE, drop the page SITE's loop carried from
 * its previous round (copy_strings()'s 'put_arg_page(kmapped_page)' once
 * the next page is taken), not the page this round's call took?  Only
 * after this round's call: after the loop, the carried page is the last
 * one the call took.
 */
bool pb_sites_releases_carried(const struct pb_site *s, gcall *call,
			       const struct pb_rule *rule)
{
	basic_block at = gimple_bb(call), taken = gimple_bb(s->call);

	return s->carried && at && taken &&
	       dominated_by_p(CDI_DOMINATORS, at, taken) &&
	       pb_released_page(pb_call_pages_arg(call, rule)) == s->carried;
}

/* ------------------------------------------------- running totals */

/*
 * The index OP, an acquire's pages argument, points at in its array:
 * 'i' of 'pages + i' or '&pages[i]'; NULL otherwise.
 */
static tree pb_pages_index(tree op)
{
	tree off, elt;
	gimple *def;

	op = pb_strip_copies(op);
	if (!op || !POINTER_TYPE_P(TREE_TYPE(op)))
		return NULL_TREE;
	if (TREE_CODE(op) == ADDR_EXPR &&
	    TREE_CODE(TREE_OPERAND(op, 0)) == ARRAY_REF)
		return pb_strip_copies(TREE_OPERAND(TREE_OPERAND(op, 0), 1));
	if (TREE_CODE(op) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(op);
	if (!is_gimple_assign(def) ||
	    gimple_assign_rhs_code(def) != POINTER_PLUS_EXPR)
		return NULL_TREE;
	/* the byte offset: the index times the size of an element */
	elt = TYPE_SIZE_UNIT(TREE_TYPE(TREE_TYPE(op)));
	off = pb_strip_copies(gimple_assign_rhs2(def));
	if (!elt || TREE_CODE(elt) != INTEGER_CST || !off ||
	    TREE_CODE(off) != SSA_NAME)
		return NULL_TREE;
	def = SSA_NAME_DEF_STMT(off);
	if (!is_gimple_assign(def) || gimple_assign_rhs_code(def) != MULT_EXPR ||
	    TREE_CODE(gimple_assign_rhs2(def)) != INTEGER_CST ||
	    !tree_int_cst_equal(gimple_assign_rhs2(def), elt))
		return NULL_TREE;
	return pb_strip_copies(gimple_assign_rhs1(def));
}

/* Is SUM 'total + nr', NR what SITE returned (or a PHI of the returns
 * of the cases of a 'switch', SITE one of them)? */
static bool pb_adds_return(struct pb_fn *fn, int site, tree sum, tree total)
{
	tree a, b;
	gimple *def;

	sum = pb_strip_copies(sum);
	if (!sum || TREE_CODE(sum) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(sum);
	if (!is_gimple_assign(def) || gimple_assign_rhs_code(def) != PLUS_EXPR)
		return false;
	a = pb_strip_copies(gimple_assign_rhs1(def));
	b = pb_strip_copies(gimple_assign_rhs2(def));
	if (b == total)
		b = a;
	else if (a != total)
		return false;
	return pb_ret_sites(fn, b, 2) & (1u << site);
}

/*
 * The running total of SITE's returns that indexes its array: a loop
 * filling 'pages + i' that adds what each call took to 'i'
 * (mm/gup_test.c: 'nr = pin_user_pages(addr, nr, flags, pages + i); if
 * (nr <= 0) break; i += nr;').  It is the PHI at the loop's head, one
 * of whose arguments is 'i + nr'; NULL if there is none.
 */
static tree pb_running_total(struct pb_fn *fn, int site)
{
	const struct pb_site *s = &fn->sites[site];
	tree index;
	unsigned int i;
	gphi *phi;

	if (s->single || s->rule->shape != PB_SHAPE_ARRAY ||
	    s->rule->pages_arg <= 0 || s->rule->count != PB_COUNT_RETURN)
		return NULL_TREE;
	index = pb_pages_index(pb_call_pages_arg(as_a<gcall *>(s->call),
						 s->rule));
	if (!index || TREE_CODE(index) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(index))))
		return NULL_TREE;
	for (i = 0; i < gimple_phi_num_args(phi); i++)
		if (pb_adds_return(fn, site, gimple_phi_arg_def(phi, i), index))
			return index;
	return NULL_TREE;
}

/* Each site's running total, once all sites are known (a PHI may join
 * the returns of several). */
static void pb_sites_note_totals(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		fn->sites[i].total = pb_running_total(fn, i);
}

void pb_sites_collect(struct pb_fn *fn)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			struct pb_site *site;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_ACQUIRE)
				continue;
			if (pb_call_fits_rule(call, rule) &&
			    !pb_acquire_flags(call, rule))
				continue;
			pb_stats.sites++;
			if (fn->nsites == PB_MAX_SITES ||
			    !pb_call_fits_rule(call, rule)) {
				fn->untracked_sites++;
				pb_census_untracked(fn->fun, call, rule,
						    fn->nsites == PB_MAX_SITES ?
						    "too many sites in the function" :
						    "the call does not fit its rule");
				continue;
			}
			site = &fn->sites[fn->nsites];
			if (!pb_make_site(fn, call, rule, site)) {
				fn->untracked_sites++;
				pb_census_untracked(fn->fun, call, rule,
						    "pages the value tracking cannot name");
				continue;
			}
			/* two pages of the site held at once: the release
			 * of the previous round's is not this round's */
			site->carried = pb_site_carried(fn, site);
			if (site->carried)
				pb_stats.sites_carried++;
			if (site->conditional && !site->caller_owned)
				pb_stats.sites_conditional++;
			if (site->caller_owned) {
				pb_stats.sites_caller_owned++;
				/* a field of a struct, or a variable of
				 * the file: the field check judges it */
				if (TREE_CODE(site->container.key) == COMPONENT_REF ||
				    site->file_var)
					pb_stats.sites_owned_by_field++;
			}
			fn->nsites++;
		}
	}
	pb_stats.sites_untracked += fn->untracked_sites;
	pb_sites_note_totals(fn);
}

int pb_site_of_call(struct pb_fn *fn, gimple *call)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		if (fn->sites[i].call == call)
			return i;
	return -1;
}

/* The cheap scan: does FUN call anything that takes page references? */
bool pb_function_acquires(function *fun)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			const struct pb_rule *rule;

			if (!is_gimple_call(gsi_stmt(gsi)))
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(gsi_stmt(gsi)));
			if (rule && rule->role == PB_ROLE_ACQUIRE)
				return true;
		}
	}
	return false;
}

void pb_sites_init(struct pb_fn *fn)
{
	unsigned int n = num_ssa_names;

	fn->returns = XCNEW(struct pb_returns);
	fn->returns->nssa = n;
	fn->returns->ssa_ret = XNEWVEC(int, n);
	memset(fn->returns->ssa_ret, 0xff, n * sizeof(int));
}

void pb_sites_fini(struct pb_fn *fn)
{
	if (!fn->returns)
		return;
	XDELETEVEC(fn->returns->ssa_ret);
	XDELETE(fn->returns);
	fn->returns = NULL;
}

/* Which site's return value OP is a copy of; -1 for none. */
int pb_ret_site(struct pb_fn *fn, tree op)
{
	int i;

	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != SSA_NAME)
		return -1;
	if (SSA_NAME_VERSION(op) < fn->returns->nssa && fn->returns->ssa_ret[SSA_NAME_VERSION(op)] >= 0)
		return fn->returns->ssa_ret[SSA_NAME_VERSION(op)];
	for (i = 0; i < fn->nsites; i++)
		if (fn->sites[i].ret == op)
			return i;
	return -1;
}

/*
 * Which sites' return value OP may be: 'ret = use_pin ? pin_user_pages(...)
 * : get_user_pages(...)' joins two sites in a PHI, and a branch on that
 * PHI tells each site about itself (the other did not run on that path).
 */
unsigned int pb_ret_sites(struct pb_fn *fn, tree op, int depth)
{
	unsigned int sites = 0;
	int site = pb_ret_site(fn, op);
	gphi *phi;
	unsigned int i;

	if (site >= 0)
		return 1u << site;
	op = pb_strip_copies(op);
	if (depth <= 0 || !op || TREE_CODE(op) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(op))))
		return 0;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree arg = pb_strip_copies(gimple_phi_arg_def(phi, i));
		unsigned int more;

		/* an error code set on one path says nothing of the site */
		more = pb_ret_sites(fn, arg, depth - 1);
		if (!more)
			return 0;
		sites |= more;
	}
	return sites;
}

static void pb_add_ret_cell(struct pb_fn *fn, int site, tree ref, gimple *store)
{
	if (fn->returns->ncells >= PB_MAX_RET_CELLS)
		return;
	fn->returns->cells[fn->returns->ncells].site = site;
	fn->returns->cells[fn->returns->ncells].ref = ref;
	fn->returns->cells[fn->returns->ncells].store = store;
	fn->returns->ncells++;
}

/* Cells written with a return value: 'b.n = pin_user_pages_fast(...)' or
 * 'r->npages = ret'. */
static void pb_find_ret_cells(struct pb_fn *fn)
{
	basic_block bb;
	int i;

	for (i = 0; i < fn->nsites; i++) {
		tree lhs = gimple_call_lhs(fn->sites[i].call);

		if (lhs && TREE_CODE(lhs) != SSA_NAME)
			pb_add_ret_cell(fn, i, lhs, fn->sites[i].call);
	}
	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			int site;

			if (!gimple_assign_single_p(stmt) ||
			    TREE_CODE(gimple_assign_lhs(stmt)) == SSA_NAME)
				continue;
			site = pb_ret_site(fn, gimple_assign_rhs1(stmt));
			if (site >= 0)
				pb_add_ret_cell(fn, site, gimple_assign_lhs(stmt), stmt);
		}
	}
}

/* Which cells still hold their return value after STMT. */
static unsigned int pb_ret_cells_after(struct pb_fn *fn, gimple *stmt,
				       unsigned int valid)
{
	int i;

	if (gimple_vdef(stmt) || is_gimple_call(stmt)) {
		for (i = 0; i < fn->returns->ncells; i++)
			if ((valid & (1u << i)) &&
			    stmt_may_clobber_ref_p(stmt, fn->returns->cells[i].ref))
				valid &= ~(1u << i);
	}
	for (i = 0; i < fn->returns->ncells; i++)
		if (fn->returns->cells[i].store == stmt)
			valid |= 1u << i;
	return valid;
}

static void pb_note_ret_loads(struct pb_fn *fn, basic_block bb,
			      unsigned int valid)
{
	gimple_stmt_iterator gsi;
	int i;

	for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
		gimple *stmt = gsi_stmt(gsi);
		tree lhs;

		if (gimple_assign_load_p(stmt) &&
		    TREE_CODE(lhs = gimple_assign_lhs(stmt)) == SSA_NAME) {
			for (i = 0; i < fn->returns->ncells; i++)
				if ((valid & (1u << i)) &&
				    pb_key_equal(fn, gimple_assign_rhs1(stmt),
						 fn->returns->cells[i].ref))
					fn->returns->ssa_ret[SSA_NAME_VERSION(lhs)] =
						fn->returns->cells[i].site;
		}
		valid = pb_ret_cells_after(fn, stmt, valid);
	}
}

static unsigned int pb_ret_cells_through(struct pb_fn *fn, basic_block bb,
					 unsigned int valid)
{
	gimple_stmt_iterator gsi;

	for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi))
		valid = pb_ret_cells_after(fn, gsi_stmt(gsi), valid);
	return valid;
}

/*
 * A load of such a cell is a copy of the return value only where no store
 * in between may have changed the cell on any path: a must-dataflow (AND
 * at joins) of one bit per cell, using GCC's alias oracle for clobbers.
 */
void pb_sites_note_ret_copies(struct pb_fn *fn)
{
	int *order, norder;
	unsigned int *out;
	bool changed = true;
	int i, rounds = 0;

	pb_find_ret_cells(fn);
	if (!fn->returns->ncells)
		return;
	order = XNEWVEC(int, n_basic_blocks_for_fn(fn->fun));
	norder = pre_and_rev_post_order_compute_fn(fn->fun, NULL, order, false);
	out = XNEWVEC(unsigned int, last_basic_block_for_fn(fn->fun));
	memset(out, 0xff, last_basic_block_for_fn(fn->fun) * sizeof(*out));
	while (changed && rounds++ < 50) {
		changed = false;
		for (i = 0; i < norder; i++) {
			basic_block bb = BASIC_BLOCK_FOR_FN(fn->fun, order[i]);
			unsigned int in = ~0u, now;
			edge e;
			edge_iterator ei;

			FOR_EACH_EDGE(e, ei, bb->preds)
				in &= e->src == ENTRY_BLOCK_PTR_FOR_FN(fn->fun) ?
				      0 : out[e->src->index];
			now = pb_ret_cells_through(fn, bb, in);
			if (now != out[bb->index]) {
				out[bb->index] = now;
				changed = true;
			}
		}
	}
	for (i = 0; i < norder; i++) {
		basic_block bb = BASIC_BLOCK_FOR_FN(fn->fun, order[i]);
		unsigned int in = ~0u;
		edge e;
		edge_iterator ei;

		FOR_EACH_EDGE(e, ei, bb->preds)
			in &= e->src == ENTRY_BLOCK_PTR_FOR_FN(fn->fun) ?
			      0 : out[e->src->index];
		if (!changed)
			pb_note_ret_loads(fn, bb, in);
	}
	XDELETEVEC(out);
	XDELETEVEC(order);
}

/* The pointer parameter KEY is the incoming value of, as 1, 2, ...; 0. */
int pb_param_index(function *fun, tree key)
{
	int i;

	if (!key || TREE_CODE(key) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(key) ||
	    !SSA_NAME_VAR(key) || TREE_CODE(SSA_NAME_VAR(key)) != PARM_DECL)
		return 0;
	i = pb_param_number(fun->decl, SSA_NAME_VAR(key));
	return i <= PB_RULE_MAX_ARG ? i : 0;
}

/* Is OP the site's count, through conversions? */
static bool pb_is_site_count(struct pb_fn *fn, int site, tree op)
{
	op = pb_strip_copies(op);
	return op && TREE_CODE(op) == SSA_NAME && pb_ret_site(fn, op) == site;
}

/*
 * The parameter the site's count is added to, as 1, 2, ...; 0:
 * '*pinned += page_count' or '*pinned = page_count' after the pin, as
 * privcmd's lock_pages() counts what it pinned in chunks for its caller,
 * who unpins that many whatever the outcome.
 */
int pb_site_count_param(struct pb_fn *fn, int site)
{
	basic_block bb;
	int p;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gassign *st = dyn_cast<gassign *>(gsi_stmt(gsi));
			tree lhs, rhs;
			gimple *def;

			if (!st || !gimple_assign_single_p(st))
				continue;
			lhs = gimple_assign_lhs(st);
			if (TREE_CODE(lhs) != MEM_REF ||
			    !integer_zerop(TREE_OPERAND(lhs, 1)))
				continue;
			p = pb_param_index(fn->fun, TREE_OPERAND(lhs, 0));
			rhs = pb_strip_copies(gimple_assign_rhs1(st));
			if (!p || !rhs)
				continue;
			if (pb_is_site_count(fn, site, rhs))
				return p;
			if (TREE_CODE(rhs) != SSA_NAME)
				continue;
			def = SSA_NAME_DEF_STMT(rhs);
			if (is_gimple_assign(def) &&
			    gimple_assign_rhs_code(def) == PLUS_EXPR &&
			    (pb_is_site_count(fn, site, gimple_assign_rhs1(def)) ||
			     pb_is_site_count(fn, site, gimple_assign_rhs2(def))))
				return p;
		}
	}
	return 0;
}

/* Is OP computed from SITE's return value ('(err >= 0) ? err : 0')? */
static bool pb_computed_from_ret(struct pb_fn *fn, int site, tree op,
				 int depth)
{
	gimple *def;
	unsigned int i;

	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != SSA_NAME || depth <= 0)
		return false;
	if (pb_ret_site(fn, op) == site)
		return true;
	def = SSA_NAME_DEF_STMT(op);
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (i = 0; i < gimple_phi_num_args(phi); i++)
			if (pb_computed_from_ret(fn, site,
						 gimple_phi_arg_def(phi, i),
						 depth - 1))
				return true;
		return false;
	}
	if (!is_gimple_assign(def))
		return false;
	for (i = 1; i < gimple_num_ops(def); i++)
		if (pb_computed_from_ret(fn, site, gimple_op(def, i), depth - 1))
			return true;
	return false;
}

/*
 * Does the function tell its caller how many pages SITE took, storing a
 * value computed from its count into a parameter's memory ('*pinned +=
 * page_count', 'dma->nr_pages = (err >= 0) ? err : 0')?  Then what it
 * leaves there when it fails is the caller's to release.
 */
static bool pb_site_count_told(struct pb_fn *fn, int site)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gassign *st = dyn_cast<gassign *>(gsi_stmt(gsi));
			tree lhs;

			if (!st || !gimple_vdef(st))
				continue;
			lhs = gimple_assign_lhs(st);
			if (TREE_CODE(lhs) == SSA_NAME ||
			    !INTEGRAL_TYPE_P(TREE_TYPE(lhs)) ||
			    !pb_key_of_parameter(fn,
					pb_value_of_addr(fn, lhs).key))
				continue;
			for (unsigned int i = 1; i < gimple_num_ops(st); i++)
				if (pb_computed_from_ret(fn, site,
							 gimple_op(st, i), 4))
					return true;
		}
	}
	return false;
}

/*
 * Is SITE caller-owned, neither in a struct's field nor summarised for
 * its callers, and checked at the function's error returns: its pages in
 * a parameter's memory, their count not told to the caller
 * (pb_checks.c, pb_check_failing_return)?
 */
bool pb_site_checked_at_errors(struct pb_fn *fn, int site)
{
	const struct pb_site *s = &fn->sites[site];

	return s->caller_owned && !s->summarised && s->in_callers_memory &&
	       TREE_CODE(s->container.key) != COMPONENT_REF &&
	       !s->conditional && !s->count_told;
}

/*
 * Is the kind of SITE's references unsure in the states W?  A
 * conditional acquire may have taken none, unless a test of its source
 * told the paths of W that it took them: the class "took none" is then
 * ruled out (pb_cond.c).  Nor is it where a record of the kind is kept,
 * which the releases read ('recorded': the call's rule says it keeps one,
 * or pb_sm.c saw a release that reads one): where the call took none,
 * there is nothing held to leak, and where it took some, nothing else
 * releases them right.  Notes, for the census, that a check found the
 * kind told with pages taken.
 */
bool pb_site_kind_unsure(struct pb_site *s, pb_word w)
{
	if (!s->conditional || s->recorded)
		return false;
	if (!s->source || (w & PB_CLASS_BITS(PB_CLASS_ZERO)))
		return true;
	if (w & (PB_CLASS_BITS(PB_CLASS_PARTIAL) | PB_CLASS_BITS(PB_CLASS_FULL)))
		s->source_told = true;
	return false;
}

/* Each site's count_told, once the return values' copies are known (the
 * checks of every return read it). */
void pb_sites_note_counts_told(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		fn->sites[i].count_told = pb_site_count_told(fn, i);
}
