// SPDX-License-Identifier: GPL-2.0
/*
 * pb_borrow.c - the borrow walk: can the pages a helper was given leave
 * it?  Returned, stored, given to code without a rule or an asm, they
 * may; read, tested, kmapped, handed to a borrower, they stay the
 * caller's.  Its answers make the 'borrow' summaries here, and serve the
 * summaries of insertion (pb_insert.c) and replacement (pb_replace.c),
 * and the destructors' (pb_summary.c).
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/*
 * The borrow walk follows what a helper does with the pages it was given,
 * as the page (its pointer, a walk over its array, its address held in
 * an integer) or as its pfn: its distance from the memmap ('page -
 * vmemmap' of page_to_pfn() and folio_pfn()), shifted into a physical
 * address or divided into a block number.  A pfn names the page but
 * holds no reference: compared, printed, or given to a function that
 * looks it up (is_zero_pfn(), get_pfnblock_flags_mask()), the page stays
 * the caller's.  Turned back into a pointer ('vmemmap + pfn' of
 * pfn_to_page(), or a function of another file returning one), it is
 * the page again and followed as such, so that a release through the
 * round trip is still seen; a function of this unit given the pfn is
 * walked for that in its body (vfio's put_pfn() unpins by pfn).  Stored
 * or returned, the pfn tells whoever reads it which page to release: it
 * may leave, as the page itself.  A function of another file that
 * releases by pfn needs a rule, as any release does.
 */

/* How the borrow walk judges what it meets. */
struct pb_walk {
	bitmap seen;			/* SSA versions walked: 2v as the
					 * page, 2v+1 as its pfn */
	bool freeing;			/* a free is no letting go: a helper
					 * that frees the struct holding them */
	const struct pb_borrow_notes *notes;	/* a helper that may
					 * replace its caller's array
					 * (pb_replace.c): its releases, frees
					 * and copies into the new array are
					 * noted there, not letting go */
	tree root;			/* the pages walked from */
	struct pb_fill_walk *fill;	/* a borrow summary's walk: fills of
					 * its scatterlist parameter's entries
					 * noted there, not letting go */
	bool note_pfn_return;		/* a callee's walk: a returned pfn is
					 * noted, not letting go */
	bool returns_pfn;		/* ...and it was met */
};

/* The callers of the function whose body the walk is in (cfun), from
 * the one analysed on: a recursion walks none of them twice. */
#define PB_WALK_CALLERS 4
static function *pb_walk_callers[PB_WALK_CALLERS];
static int pb_walk_ncallers;

static bool pb_escapes(struct pb_walk *w, tree name, bool pfn, int depth);

/* debug: where the pages a helper was given may leave it, the reason it
 * is no borrower (each level of the walk says its own) */
static void pb_debug_lets_go(gimple *use)
{
	/* a callee's walk: its call in the helper says it */
	if (!pb_options.debug || pb_walk_ncallers)
		return;
	fprintf(stderr, "pinbalance: %s: no borrower: pages may leave at ",
		function_name(cfun));
	print_gimple_stmt(stderr, use, 0, TDF_NONE);
}

/* Is NAME given to CALL, a function without a rule, only in arguments it
 * declares read only (pb_api_arg_read_only())? */
static bool pb_given_read_only(gcall *call, tree name)
{
	unsigned int i;

	for (i = 0; i < gimple_call_num_args(call); i++)
		if (pb_operand_mentions(gimple_call_arg(call, i), name) &&
		    !pb_api_arg_read_only(call, i))
			return false;
	return true;
}

/*
 * A helper that puts the pages of a page parameter into the entries of
 * a scatterlist parameter ('pack_sg_list_p(sg, start, limit, pdata,
 * nr_pages, offs, count)' of net/9p/trans_virtio.c, an sg_set_page() of
 * each pdata[i] into sg[index++]) does to them what sg_set_page() does:
 * its summary is an owner with 'entry=', 'owner F pages=argP
 * entry=argE', and whether the list keeps them or only maps them is
 * its caller's to tell (pb_sg.c).  While the borrow walk follows
 * parameter PARAM, such fills are noted here.
 */
struct pb_fill_walk {
	struct pb_fn *fn;	/* the helper */
	int param;		/* the page parameter being followed */
	int pages;		/* the page parameter filled into entries */
	int entry;		/* the scatterlist parameter it went into */
	bool mixed;		/* fills of other parameters, or lists */
};

/* Is CALL, of RULE, an owner keeping the page NAME in an entry of a
 * scatterlist parameter of the helper FILL walks?  Noted if so. */
static bool pb_fill_of_param_entry(struct pb_fill_walk *fill, gcall *call,
				   const struct pb_rule *rule, tree name)
{
	struct pb_val v;
	int e;

	if (!fill || !fill->param || rule->entry_arg < 1 ||
	    rule->pages_arg < 1 || !pb_call_fits_rule(call, rule) ||
	    pb_call_pages_arg(call, rule) != name ||
	    pb_operand_mentions(gimple_call_arg(call, rule->entry_arg - 1),
				name))
		return false;
	v = pb_value_of(fill->fn, gimple_call_arg(call, rule->entry_arg - 1));
	e = v.level == 0 ? pb_param_index(fill->fn->fun, v.key) : 0;
	if (!e)
		return false;
	if ((fill->entry && fill->entry != e) ||
	    (fill->pages && fill->pages != fill->param))
		fill->mixed = true;
	fill->entry = e;
	fill->pages = fill->param;
	return true;
}

static bool pb_walk_inside(function *fun)
{
	int i;

	if (fun == cfun)
		return true;
	for (i = 0; i < pb_walk_ncallers; i++)
		if (pb_walk_callers[i] == fun)
			return true;
	return false;
}

/*
 * Does CALLEE's parameter PARM, given the page (or its pfn, when PFN),
 * let it go in CALLEE's body?  A return of its pfn does not, but sets
 * *RETURNS_PFN: the call's result is that pfn.  The callee's walk notes
 * no release, free or fill: those let go there.
 */
static bool pb_callee_param_lets_go(function *callee, tree parm, bool pfn,
				    int depth, bool *returns_pfn)
{
	tree name = ssa_default_def(callee, parm);
	struct pb_walk w;
	bool gone;

	memset(&w, 0, sizeof(w));
	w.root = name;
	w.note_pfn_return = true;

	/* a parameter whose address is taken ('.pages = &page' in NFS's
	 * _nfs4_proc_readlink()) lives in memory the walk does not follow */
	if (!name)
		return !pb_param_unused(callee, parm);
	if (pb_walk_ncallers == PB_WALK_CALLERS)
		return true;
	pb_walk_callers[pb_walk_ncallers++] = cfun;
	w.seen = BITMAP_ALLOC(NULL);
	/* the callee's own dominators and name, not the caller's */
	push_cfun(callee);
	gone = pb_escapes(&w, name, pfn, depth);
	pop_cfun();
	BITMAP_FREE(w.seen);
	pb_walk_ncallers--;
	*returns_pfn |= w.returns_pfn;
	return gone;
}

/*
 * Does the result of CALL, a function of another file given the pfn, let
 * the page go: a pointer it makes of the pfn (pfn_to_online_page()), or
 * a number computed from it, followed as the page or as its pfn?
 */
static bool pb_pfn_result_lets_go(struct pb_walk *w, gcall *call, int depth)
{
	tree lhs = gimple_call_lhs(call);

	if (!lhs)
		return false;
	if (TREE_CODE(lhs) != SSA_NAME)
		return true;
	if (POINTER_TYPE_P(TREE_TYPE(lhs)))
		return pb_escapes(w, lhs, false, depth - 1);
	return INTEGRAL_TYPE_P(TREE_TYPE(lhs)) &&
	       pb_escapes(w, lhs, true, depth - 1);
}

/*
 * Does CALL, to a function without a rule, let NAME (the page, or its
 * pfn when PFN) go?  In a function of this unit, each parameter it is
 * given as is walked in the callee's body; where the callee gives back
 * only NAME's pfn (folio_pfn()), the call's result is followed as that
 * pfn.  A function of another file may do anything with the page; with
 * its pfn, only what it returns is followed.
 */
static bool pb_callee_lets_go(struct pb_walk *w, gcall *call, tree name,
			      bool pfn, int depth)
{
	function *callee = pb_callee_body(call);
	tree lhs = gimple_call_lhs(call);
	bool returns_pfn = false;
	unsigned int i;

	/* a function of another file, not one of this unit not read yet */
	if (!callee && pfn && gimple_call_fndecl(call) &&
	    !DECL_STRUCT_FUNCTION(gimple_call_fndecl(call)))
		return pb_pfn_result_lets_go(w, call, depth);
	if (!callee || pb_walk_inside(callee))
		return true;
	for (i = 0; i < gimple_call_num_args(call); i++) {
		tree arg = gimple_call_arg(call, i);
		tree parm;

		if (!pb_operand_mentions(arg, name) ||
		    pb_api_arg_read_only(call, i))
			continue;
		parm = pb_callee_param(call, i);
		if (arg != name || !parm ||
		    pb_callee_param_lets_go(callee, parm, pfn, depth - 1,
					    &returns_pfn))
			return true;
	}
	if (!returns_pfn || !lhs)
		return false;
	return TREE_CODE(lhs) != SSA_NAME || pb_escapes(w, lhs, true, depth - 1);
}

/* Does CALL, given NAME (the pages, or their pfn when PFN) as an
 * argument, let them go?  When W is freeing (a helper that frees the
 * struct holding them), a free does not; when it is replacing, a release
 * or a free is noted. */
static bool pb_call_lets_go(struct pb_walk *w, gcall *call, tree name,
			    bool pfn, int depth)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	tree lhs = gimple_call_lhs(call);

	/* 'likely(x)' is x */
	if (gimple_call_builtin_p(call, BUILT_IN_EXPECT))
		return lhs && TREE_CODE(lhs) == SSA_NAME &&
		       pb_escapes(w, lhs, pfn, depth - 1);
	if (!rule)
		return !pb_given_read_only(call, name) &&
		       pb_callee_lets_go(w, call, name, pfn, depth);
	switch (rule->role) {
	case PB_ROLE_BORROW:
	case PB_ROLE_TEST:
	case PB_ROLE_MAKES:
	/* a reference of its own: the caller's stays the caller's */
	case PB_ROLE_HOLD:
		return false;
	case PB_ROLE_DERIVE:
		return lhs && TREE_CODE(lhs) == SSA_NAME &&
		       pb_escapes(w, lhs, false, depth - 1);
	case PB_ROLE_FREE:
		if (w->notes)
			return !w->notes->release(w->notes->ctx, call, rule);
		return !w->freeing;
	case PB_ROLE_RELEASE:
		return !w->notes ||
		       !w->notes->release(w->notes->ctx, call, rule);
	case PB_ROLE_OWNER:
		return !pb_fill_of_param_entry(w->fill, call, rule, name);
	default:
		return true;
	}
}

/*
 * Does the function take a reference of its own on the page NAME it
 * stores at STORE ('req->wb_page = page; get_page(page);' in NFS's
 * nfs_page_assign_page())?  The stored pointer is then that reference's,
 * and the caller's stays its own: a hold of NAME in STORE's block, or
 * dominating or post-dominating it, so that every path storing it holds.
 */
static bool pb_store_holds_own_ref(tree name, gimple *store)
{
	basic_block bb = gimple_bb(store);
	imm_use_iterator it;
	use_operand_p use_p;

	/* the fast walk: pb_escapes() is walking NAME's uses already, and
	 * its marker in the list has no statement */
	FOR_EACH_IMM_USE_FAST(use_p, it, name) {
		gimple *stmt = USE_STMT(use_p);
		gcall *call = stmt ? dyn_cast<gcall *>(stmt) : NULL;
		const struct pb_rule *rule;
		basic_block at;

		if (!call)
			continue;
		rule = pb_api_lookup(gimple_call_fndecl(call));
		if (!rule || rule->role != PB_ROLE_HOLD ||
		    pb_call_pages_arg(call, rule) != name)
			continue;
		at = gimple_bb(call);
		if (at == bb ||
		    (dom_info_available_p(CDI_DOMINATORS) &&
		     dominated_by_p(CDI_DOMINATORS, bb, at)) ||
		    (dom_info_available_p(CDI_POST_DOMINATORS) &&
		     dominated_by_p(CDI_POST_DOMINATORS, bb, at)))
			return true;
	}
	return false;
}

/*
 * Is OP made from ROOT, the pages walked, by copies, steps in the array,
 * loads of its elements, the address of a part of what it points to
 * ('&folio->page') and derive rules ('page_folio(page)')?
 */
static bool pb_walked_from(tree op, tree root, int depth)
{
	const struct pb_rule *rule;
	tree base;
	gimple *def;

	if (!op || !root || depth <= 0)
		return false;
	if (op == root)
		return true;
	if (TREE_CODE(op) == ADDR_EXPR) {
		base = get_base_address(TREE_OPERAND(op, 0));
		return base && TREE_CODE(base) == MEM_REF &&
		       pb_walked_from(TREE_OPERAND(base, 0), root, depth - 1);
	}
	if (TREE_CODE(op) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(op);
	if (gcall *call = dyn_cast<gcall *>(def)) {
		rule = pb_api_lookup(gimple_call_fndecl(call));
		return rule && rule->role == PB_ROLE_DERIVE &&
		       !rule->pages_field[0] && rule->entry_arg < 1 &&
		       rule->pages_arg >= 1 &&
		       gimple_call_num_args(call) >= (unsigned int)rule->pages_arg &&
		       pb_walked_from(gimple_call_arg(call, rule->pages_arg - 1),
				      root, depth - 1);
	}
	if (!is_gimple_assign(def))
		return false;
	if (gimple_assign_load_p(def)) {
		base = get_base_address(gimple_assign_rhs1(def));
		return base && TREE_CODE(base) == MEM_REF &&
		       pb_walked_from(TREE_OPERAND(base, 0), root, depth - 1);
	}
	switch (gimple_assign_rhs_code(def)) {
	case SSA_NAME:
	case ADDR_EXPR:
	case POINTER_PLUS_EXPR:
	CASE_CONVERT:
		return pb_walked_from(gimple_assign_rhs1(def), root, depth - 1);
	default:
		return false;
	}
}

/* Does STMT, an assignment using the pages (or their pfn, when PFN), let
 * them go? */
static bool pb_assign_lets_go(struct pb_walk *w, gassign *stmt, bool pfn,
			      int depth)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	enum tree_code code = gimple_assign_rhs_code(stmt);
	tree type = TREE_TYPE(lhs);

	/* a store of the pointer, or into the array, unless the function
	 * stores a page it took a reference of its own on; a stored pfn
	 * names the page for whoever reads it */
	if (TREE_CODE(lhs) != SSA_NAME) {
		/* a page of the old array kept in the new one */
		if (w->notes && w->notes->copy(w->notes->ctx, stmt))
			return false;
		return pfn ||
		       !(gimple_assign_single_p(stmt) &&
			 TREE_CODE(rhs) == SSA_NAME &&
			 pb_type_page_levels(TREE_TYPE(rhs), NULL) == 1 &&
			 pb_store_holds_own_ref(rhs, stmt));
	}
	if (TREE_CODE_CLASS(code) == tcc_comparison)
		return false;
	/* the distance between two of the pages walked, an index
	 * ('folio_page_idx(folio, page)' is 'page - &folio->page', the
	 * folio the page's): no page, nor a pfn ('page - vmemmap' is one) */
	if (code == POINTER_DIFF_EXPR &&
	    pb_walked_from(gimple_assign_rhs1(stmt), w->root, 8) &&
	    pb_walked_from(gimple_assign_rhs2(stmt), w->root, 8))
		return false;
	/* a copy, an array walk, an element load: follow; a pointer made
	 * of a pfn is the page again (pfn_to_page()) */
	if (POINTER_TYPE_P(type))
		return pb_escapes(w, lhs, false, depth - 1);
	if (!INTEGRAL_TYPE_P(type))
		return false;
	/* a pfn, and what is computed from it, names the page at any
	 * width; the page's address does not fit an integer narrower than
	 * a pointer ('(unsigned int)folio->_flags_1' of compound_order()) */
	if (pfn || code == POINTER_DIFF_EXPR)
		return pb_escapes(w, lhs, true, depth - 1);
	if (TYPE_PRECISION(type) < POINTER_SIZE)
		return false;
	return pb_escapes(w, lhs, false, depth - 1);
}

/*
 * Can the pages NAME reaches (its pfn, when PFN) leave the function:
 * returned, stored, given to code without a rule or an asm?  Reading
 * them (a kmap, page_address(), a test) does not; an unsure case does.
 */
static bool pb_escapes(struct pb_walk *w, tree name, bool pfn, int depth)
{
	imm_use_iterator it;
	gimple *use;

	if (depth <= 0)
		return true;
	if (!bitmap_set_bit(w->seen, 2 * SSA_NAME_VERSION(name) + pfn))
		return false;
	FOR_EACH_IMM_USE_STMT(use, it, name) {
		bool lets_go;

		switch (gimple_code(use)) {
		case GIMPLE_DEBUG:
		case GIMPLE_COND:
		case GIMPLE_SWITCH:
			lets_go = false;
			break;
		case GIMPLE_CALL:
			lets_go = pb_call_lets_go(w, as_a<gcall *>(use), name,
						  pfn, depth);
			break;
		case GIMPLE_ASSIGN:
			lets_go = pb_assign_lets_go(w, as_a<gassign *>(use),
						    pfn, depth);
			break;
		case GIMPLE_PHI:
			lets_go = pb_escapes(w, gimple_phi_result(use), pfn,
					     depth - 1);
			break;
		case GIMPLE_RETURN:
			/* the pfn a callee gives back: its caller follows */
			lets_go = !(pfn && w->note_pfn_return);
			w->returns_pfn |= !lets_go;
			break;
		default:
			lets_go = true;
			break;
		}
		if (lets_go) {
			pb_debug_lets_go(use);
			return true;
		}
	}
	return false;
}

/* Is REF a field of the struct NAME points to ('name->f')?  *FIELD
 * gets the field. */
static bool pb_field_of(tree ref, tree name, tree *field)
{
	if (TREE_CODE(ref) != COMPONENT_REF)
		return false;
	*field = TREE_OPERAND(ref, 1);
	ref = TREE_OPERAND(ref, 0);
	return TREE_CODE(ref) == MEM_REF && TREE_OPERAND(ref, 0) == name;
}

/* Is REF an element of an array field of the struct NAME points to
 * ('data->pages[i]' of an inline 'struct page *pages[N]')?  The field
 * into *FIELD. */
static bool pb_element_of_field(tree ref, tree name, tree *field)
{
	if (TREE_CODE(ref) != ARRAY_REF)
		return false;
	while (TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	return pb_field_of(ref, name, field);
}

/* Is REF a part of the field *FIELD of the struct NAME points to, at any
 * depth ('data->iter.bi_size')? */
static bool pb_part_of_field(tree ref, tree name, tree *field)
{
	while (TREE_CODE(ref) == ARRAY_REF ||
	       (TREE_CODE(ref) == COMPONENT_REF &&
		TREE_CODE(TREE_OPERAND(ref, 0)) != MEM_REF))
		ref = TREE_OPERAND(ref, 0);
	return pb_field_of(ref, name, field);
}

/* Can a value of TYPE hold a page: a page or folio pointer, an array of
 * them, or a struct or union with such a member (a few levels down)? */
static bool pb_type_may_hold_pages(tree type, int depth)
{
	tree f;

	if (!type || depth <= 0 || pb_type_page_levels(type, NULL))
		return true;
	while (TREE_CODE(type) == ARRAY_TYPE)
		type = TREE_TYPE(type);
	if (POINTER_TYPE_P(type))
		return TREE_CODE(TREE_TYPE(type)) == VOID_TYPE;
	if (!RECORD_OR_UNION_TYPE_P(type))
		return false;
	for (f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
		if (TREE_CODE(f) == FIELD_DECL &&
		    pb_type_may_hold_pages(TREE_TYPE(f), depth - 1))
			return true;
	return false;
}

/* Can the pages LOADED from a struct leave the function?  W walks from
 * them. */
static bool pb_loaded_escapes(struct pb_walk *w, tree loaded)
{
	bool gone;

	w->seen = BITMAP_ALLOC(NULL);
	w->root = loaded;
	gone = pb_escapes(w, loaded, false, 12);
	BITMAP_FREE(w->seen);
	return gone;
}

/*
 * Can the pages in the struct NAME points to leave the function: the
 * struct pointer stored or given to code without a rule, its array
 * pointer let go, or another array stored in its place?  Reading its
 * fields, and storing into its other fields, keeps them.
 */
bool pb_struct_escapes(tree name, bool freeing)
{
	struct pb_walk walk;
	imm_use_iterator it;
	gimple *use;
	tree field;

	memset(&walk, 0, sizeof(walk));
	walk.freeing = freeing;

	FOR_EACH_IMM_USE_STMT(use, it, name) {
		gassign *assign = dyn_cast<gassign *>(use);
		bool lets_go = true;

		if (is_gimple_debug(use) || gimple_code(use) == GIMPLE_COND) {
			lets_go = false;
		} else if (gcall *call = dyn_cast<gcall *>(use)) {
			walk.seen = BITMAP_ALLOC(NULL);
			lets_go = pb_call_lets_go(&walk, call, name, false, 12);
			BITMAP_FREE(walk.seen);
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_element_of_field(gimple_assign_rhs1(assign), name,
					       &field) &&
			   TREE_CODE(gimple_assign_lhs(assign)) == SSA_NAME) {
			/* a page loaded from an array field: followed */
			lets_go = pb_type_page_levels(TREE_TYPE(field), NULL) != 2 ||
				  pb_loaded_escapes(&walk,
						    gimple_assign_lhs(assign));
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_field_of(gimple_assign_rhs1(assign), name, &field) &&
			   TREE_CODE(gimple_assign_lhs(assign)) == SSA_NAME) {
			/* a load of a field: of the array, followed */
			lets_go = pb_type_page_levels(TREE_TYPE(field), NULL) &&
				  pb_loaded_escapes(&walk,
						    gimple_assign_lhs(assign));
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_field_of(gimple_assign_lhs(assign), name, &field) &&
			   gimple_assign_rhs1(assign) != name) {
			/* a store into a field other than the pages' */
			lets_go = pb_type_page_levels(TREE_TYPE(field), NULL);
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_part_of_field(gimple_assign_rhs1(assign), name,
					    &field)) {
			/* a number read deep in a field ('data->iter.bi_size') */
			lets_go = pb_type_may_hold_pages(
				TREE_TYPE(gimple_assign_rhs1(assign)), 4);
		} else if (assign && gimple_assign_single_p(assign) &&
			   pb_part_of_field(gimple_assign_lhs(assign), name,
					    &field) &&
			   !pb_operand_mentions(gimple_assign_rhs1(assign), name)) {
			/* a store deep into a field that holds no page */
			lets_go = pb_type_may_hold_pages(TREE_TYPE(field), 4);
		}
		if (lets_go)
			return true;
	}
	return false;
}

/* The first parameter of FUN pointing to a struct with an array of
 * pages, if it only reads all such; 0 if it has none, -1 if one lets its
 * pages go. */
static int pb_borrowed_struct_param(function *fun)
{
	tree parm, name;
	int i = 1, first = 0;

	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm), i++) {
		if (!pb_points_to_page_array_field(TREE_TYPE(parm)))
			continue;
		name = ssa_default_def(fun, parm);
		if (!name)
			continue;
		if (i > PB_RULE_MAX_ARG || pb_struct_escapes(name, false))
			return -1;
		if (!first)
			first = i;
	}
	return first;
}

/* The first page parameter of FUN, if none of them lets its pages go;
 * 0 if it has none, -1 if one lets them go. */
int pb_borrowed_param(function *fun, struct pb_fill_walk *fill)
{
	struct pb_walk walk;
	tree parm;
	int i = 1, first = 0;

	memset(&walk, 0, sizeof(walk));
	walk.fill = fill;

	for (parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm), i++) {
		int levels = pb_type_page_levels(TREE_TYPE(parm), NULL);
		tree name;
		bool gone;

		if (!levels || levels > 2)
			continue;
		name = ssa_default_def(fun, parm);
		/* a parameter the body never uses ('flush_arg_page()', empty
		 * on this architecture) lets nothing go */
		if (pb_param_unused(fun, parm)) {
			if (!first && i <= PB_RULE_MAX_ARG)
				first = i;
			continue;
		}
		/* a used parameter without an SSA name: its address is taken
		 * ('.pages = &page' in NFS's _nfs4_proc_readlink()), and it
		 * lives in memory the walk does not follow */
		if (!name)
			return -1;
		walk.seen = BITMAP_ALLOC(NULL);
		walk.root = name;
		if (fill)
			fill->param = i <= PB_RULE_MAX_ARG ? i : 0;
		gone = pb_escapes(&walk, name, false, 12);
		if (fill)
			fill->param = 0;
		BITMAP_FREE(walk.seen);
		if (gone || i > PB_RULE_MAX_ARG)
			return -1;
		if (!first)
			first = i;
	}
	return first;
}

bool pb_summarize_borrow(struct pb_fn *fn)
{
	struct pb_fill_walk fill = {};
	char line[256];
	int p, sp;

	fill.fn = fn;
	p = pb_borrowed_param(fn->fun, &fill);
	sp = pb_borrowed_struct_param(fn->fun);
	/* every page and page-holding parameter only read, or put into
	 * the entries of one scatterlist parameter */
	if (p < 0 || sp < 0 || (!p && !sp) || fill.mixed)
		return false;
	if (fill.pages)
		snprintf(line, sizeof(line), "owner %s pages=arg%d entry=arg%d",
			 pb_summary_fn_name(fn->fun), fill.pages, fill.entry);
	else
		snprintf(line, sizeof(line), "borrow %s page=arg%d",
			 pb_summary_fn_name(fn->fun), p ? p : sp);
	pb_summary_add(fn->fun, line);
	return true;
}

/*
 * Can the pages NAME reaches leave the function, followed as the page?
 * NOTES, if given, takes the releases, frees and copies of a helper that
 * may replace its caller's array (pb_replace.c) instead of letting them
 * go.  The walk of an insertion's loaded array, and of a replacement's
 * old one.
 */
bool pb_borrow_lets_go(tree name, const struct pb_borrow_notes *notes)
{
	struct pb_walk w;
	bool gone;

	memset(&w, 0, sizeof(w));
	w.seen = BITMAP_ALLOC(NULL);
	w.root = name;
	w.notes = notes;
	gone = pb_escapes(&w, name, false, 12);
	BITMAP_FREE(w.seen);
	return gone;
}
