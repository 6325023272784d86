// SPDX-License-Identifier: GPL-2.0
/*
 * pb_checks.c - the five ways the balance breaks, checked on the state a
 * release, a free or a return meets.
 *
 * The state machine (pb_sm.c) calls these before it moves the state, on
 * the walk over the solved function; they only read the site's word and
 * record what they find (pb_findings.c).  A check fires only on facets
 * whose class means pages were really taken (fewer than requested, or
 * all), or for the count checks on the classes that make the count
 * wrong; facets of paths where the call failed never produce a finding.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* Record a finding at STMT whose path passes FIRST, a release before it
 * that the state does not record, if given. */
static void pb_found_after(struct pb_fn *fn, enum pb_finding_kind kind,
			   int site, gimple *stmt, edge exit_edge,
			   const struct pb_rule *release, int cls,
			   gimple *first)
{
	struct pb_finding f;

	f.kind = kind;
	f.site = site;
	f.stmt = stmt;
	f.bb = stmt ? gimple_bb(stmt) : NULL;
	f.exit_edge = exit_edge;
	f.release = release;
	f.facet_class = cls;
	f.first = first;
	pb_findings_add(fn, &f);
}

static void pb_found(struct pb_fn *fn, enum pb_finding_kind kind, int site,
		     gimple *stmt, edge exit_edge, const struct pb_rule *release,
		     int cls)
{
	pb_found_after(fn, kind, site, stmt, exit_edge, release, cls, NULL);
}

/*
 * A site that adds its count to a variable the caller gave it
 * ('lock_pages(..., &pinned)'): releasing any other count than that
 * variable's, such as the number of pages asked for, releases pages a
 * failure did not pin.
 */
static void pb_check_stored_count(struct pb_fn *fn, gcall *call,
				  const struct pb_rule *rule, int site,
				  tree count, pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	tree cell = gimple_call_arg(s->call, s->rule->count_out_arg - 1);
	gimple *def;

	count = pb_strip_copies(count);
	if (TREE_CODE(cell) != ADDR_EXPR || !count ||
	    TREE_CODE(count) != SSA_NAME ||
	    !(w & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD)))
		return;
	def = SSA_NAME_DEF_STMT(count);
	if (gimple_assign_load_p(def) &&
	    pb_same_cell(gimple_assign_rhs1(def), TREE_OPERAND(cell, 0)))
		return;
	pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL, rule,
		 PB_CLASS_PARTIAL);
}

/* How many PHIs deep a count is followed back to the requested one. */
#define PB_COUNT_PHI_DEPTH 3

/*
 * Is COUNT the requested count on every path where SITE took fewer pages
 * than requested?  'nr_pages' merged at an error label, set to 0 on the
 * path where the pin failed and left alone on the partial one, is: its
 * PHI's arguments on the edges that bring a partial pin's pages still
 * held say so.
 */
static bool pb_count_requested_if_partial(struct pb_fn *fn, int site,
					  tree count, int depth)
{
	const pb_word partial = PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD);
	bool seen = false;
	unsigned int i;
	gphi *phi;

	count = pb_strip_copies(count);
	if (!count)
		return false;
	if (pb_same_count(count, fn->sites[site].req))
		return true;
	if (depth <= 0 || TREE_CODE(count) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(count))))
		return false;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		edge e = gimple_phi_arg_edge(phi, i);

		if (!pb_solve_edge_reached(fn, e) ||
		    !(pb_solve_edge_words(fn, e)[site] & partial))
			continue;
		if (!pb_count_requested_if_partial(fn, site,
						   gimple_phi_arg_def(phi, i),
						   depth - 1))
			return false;
		seen = true;
	}
	return seen;
}

/* ------------------------------------------- a loop's running total */

/* How many PHIs deep a value is followed back to a running total. */
#define PB_TOTAL_PHI_DEPTH 2

/*
 * Is OP the running total TOTAL: the PHI at the loop's head, it plus
 * what the last call took ('i + nr'), or a PHI of those where the
 * loop's exits join?
 */
static bool pb_is_total(tree op, tree total, int depth)
{
	unsigned int i;
	gimple *def;
	gphi *phi;

	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != SSA_NAME)
		return false;
	if (op == total)
		return true;
	def = SSA_NAME_DEF_STMT(op);
	if (is_gimple_assign(def) && gimple_assign_rhs_code(def) == PLUS_EXPR)
		return pb_strip_copies(gimple_assign_rhs1(def)) == total ||
		       pb_strip_copies(gimple_assign_rhs2(def)) == total;
	if (depth <= 0 || !(phi = dyn_cast<gphi *>(def)))
		return false;
	for (i = 0; i < gimple_phi_num_args(phi); i++)
		if (!pb_is_total(gimple_phi_arg_def(phi, i), total, depth - 1))
			return false;
	return true;
}

/* The condition ending BB, if it compares the running total TOTAL with
 * COUNT; its code as 'TOTAL code COUNT' in *CODE. */
static gcond *pb_total_compared(basic_block bb, tree total, tree count,
				enum tree_code *code)
{
	gimple_stmt_iterator gsi = gsi_last_bb(bb);
	gcond *cond;

	if (gsi_end_p(gsi) || !(cond = dyn_cast<gcond *>(gsi_stmt(gsi))))
		return NULL;
	*code = gimple_cond_code(cond);
	if (pb_is_total(gimple_cond_lhs(cond), total, PB_TOTAL_PHI_DEPTH) &&
	    pb_same_count(gimple_cond_rhs(cond), count))
		return cond;
	*code = swap_tree_comparison(*code);
	if (pb_is_total(gimple_cond_rhs(cond), total, PB_TOTAL_PHI_DEPTH) &&
	    pb_same_count(gimple_cond_lhs(cond), count))
		return cond;
	return NULL;
}

/*
 * Is COUNT what SITE's loop fills its array up to: the number of pages
 * the array was allocated for, or a bound the running total is compared
 * with ('for (i = 0; i < nr_pages; i += nr)')?
 */
static bool pb_count_is_capacity(struct pb_fn *fn, int site, tree count)
{
	const struct pb_site *s = &fn->sites[site];
	enum tree_code code;
	basic_block bb;
	tree cap;

	cap = s->container.level == 0 && !s->container.row ?
	      pb_alloc_capacity(s->container.key) : NULL_TREE;
	if (cap && pb_same_count(count, cap))
		return true;
	FOR_EACH_BB_FN(bb, fn->fun)
		if (pb_total_compared(bb, s->total, count, &code))
			return true;
	return false;
}

/* Does leaving through E say the running total TOTAL reached COUNT
 * ('i < nr_pages' false, 'i != nr_pages' false)? */
static bool pb_total_reached(edge e, tree total, tree count)
{
	enum tree_code code;

	if (!(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) ||
	    !pb_total_compared(e->src, total, count, &code))
		return false;
	if (e->flags & EDGE_FALSE_VALUE)
		code = invert_tree_comparison(code, false);
	return code == GE_EXPR || code == GT_EXPR || code == EQ_EXPR;
}

/*
 * Is there a path from SITE's call to the release CALL on which FACET of
 * its word holds all the way: the call failed, or took fewer pages than
 * asked, and the loop was left with that, not run again (no back edge:
 * a later call made the word), and no branch on the way saw the running
 * total reach COUNT?  The total is then below COUNT.
 */
static bool pb_left_short(struct pb_fn *fn, int site, gcall *call,
			  tree count, pb_word facet)
{
	const struct pb_site *s = &fn->sites[site];
	basic_block from = gimple_bb(s->call);
	auto_vec<basic_block, 16> work;
	auto_sbitmap seen(last_basic_block_for_fn(fn->fun));

	if (gimple_bb(call) == from && pb_stmt_dominates(s->call, call))
		return true;
	bitmap_clear(seen);
	bitmap_set_bit(seen, gimple_bb(call)->index);
	work.safe_push(gimple_bb(call));
	while (!work.is_empty()) {
		basic_block bb = work.pop();
		edge_iterator ei;
		edge e;

		FOR_EACH_EDGE(e, ei, bb->preds) {
			if ((e->flags & EDGE_DFS_BACK) ||
			    !pb_solve_edge_reached(fn, e) ||
			    !(pb_solve_edge_words(fn, e)[site] & facet) ||
			    pb_total_reached(e, s->total, count))
				continue;
			if (e->src == from)
				return true;
			if (bitmap_bit_p(seen, e->src->index))
				continue;
			bitmap_set_bit(seen, e->src->index);
			work.safe_push(e->src);
		}
	}
	return false;
}

/* Was CALL found to release more than the loop of TOTAL took, through
 * another of its sites (the cases of a 'switch' fill one array)? */
static bool pb_total_overcount_found(struct pb_fn *fn, gcall *call,
				     tree total)
{
	int i;

	for (i = 0; i < pb_findings_count(); i++) {
		const struct pb_finding *f = pb_findings_get(i);

		if (f->kind == PB_FINDING_OVERCOUNT && f->stmt == call &&
		    fn->sites[f->site].total == total)
			return true;
	}
	return false;
}

/*
 * SITE fills its array in a loop and adds what each call took to a
 * running total ('i += nr'): the total is what the array holds.
 * Released with the count the array was sized for, or the loop was to
 * reach, after a call that failed or took fewer pages than asked left
 * the loop, it releases pages never taken (mm/gup_test.c without its
 * 'nr_pages = i;').  The total, or a count the plugin cannot relate to
 * it, is not judged.
 */
static void pb_check_total_count(struct pb_fn *fn, gcall *call,
				 const struct pb_rule *rule, int site,
				 tree count, pb_word w)
{
	static const int short_classes[] = { PB_CLASS_ERR, PB_CLASS_PARTIAL };
	const struct pb_site *s = &fn->sites[site];
	unsigned int i;

	if (pb_is_total(count, s->total, PB_TOTAL_PHI_DEPTH) ||
	    !pb_count_is_capacity(fn, site, count) ||
	    pb_total_overcount_found(fn, call, s->total))
		return;
	for (i = 0; i < ARRAY_SIZE(short_classes); i++) {
		/* pages handed over keep their count as their kind
		 * ('verify_dma_pinned(cmd, pages, nr_pages)' first) */
		pb_word facet = PB_FACET(short_classes[i], PB_HOLD_HELD) |
				PB_FACET(short_classes[i], PB_HOLD_HANDED);

		if ((w & facet) &&
		    pb_left_short(fn, site, call, count, facet)) {
			pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL,
				 rule, short_classes[i]);
			break;
		}
	}
}

/*
 * A release that reads its count from a field of the struct it is given
 * ('count=arg1->npgs': xdp_umem_unpin_pages(umem) unpins 'umem->npgs'
 * pages).  The site asked for the count that field held
 * ('pin_user_pages(address, umem->npgs, ...)'); if nothing may have
 * written it since, the helper releases the number requested where
 * fewer may have been pinned.  Lowering it first ('umem->npgs = npgs'),
 * on any path, anywhere between, keeps it silent.
 */
static void pb_check_field_count(struct pb_fn *fn, gcall *call,
				 const struct pb_rule *rule, int site,
				 pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	tree cell, req = s->req;
	gimple *load;
	int cls;

	if (w & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD))
		cls = PB_CLASS_PARTIAL;
	else if (w & PB_FACET(PB_CLASS_ERR, PB_HOLD_HELD))
		cls = PB_CLASS_ERR;
	else
		return;
	if (!req || TREE_CODE(req) != SSA_NAME ||
	    !gimple_assign_load_p(load = SSA_NAME_DEF_STMT(req)) ||
	    !(cell = pb_call_count_cell(call, rule)) ||
	    !pb_same_cell_in(fn, gimple_assign_rhs1(load), cell) ||
	    pb_cell_written_between(fn, cell, load, call, s->call))
		return;
	pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL, rule, cls);
}

/*
 * The count passed to an array release, against what the site took:
 * the requested count where fewer may have been pinned, or the return
 * value where it may be an error code.
 */
static void pb_check_count(struct pb_fn *fn, gcall *call,
			   const struct pb_rule *rule, int site, pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	tree count;

	if (rule->count_field[0] && s->rule->count == PB_COUNT_RETURN) {
		pb_check_field_count(fn, call, rule, site, w);
		return;
	}
	if (rule->count_arg <= 0)
		return;
	count = gimple_call_arg(call, rule->count_arg - 1);
	if (s->rule->count == PB_COUNT_STORED) {
		pb_check_stored_count(fn, call, rule, site, count, w);
		return;
	}
	if (s->rule->count != PB_COUNT_RETURN)
		return;
	if (pb_ret_site(fn, count) == site) {
		if (w & PB_FACET(PB_CLASS_ERR, PB_HOLD_HELD))
			pb_found(fn, PB_FINDING_NEGATIVE_COUNT, site, call, NULL, rule,
				 PB_CLASS_ERR);
		return;
	}
	/* the array holds the loop's total, not what one call asked for */
	if (s->total) {
		pb_check_total_count(fn, call, rule, site, count, w);
		return;
	}
	if (!s->req)
		return;
	if (!pb_same_count(count, s->req)) {
		if ((w & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD)) &&
		    pb_count_requested_if_partial(fn, site, count,
						  PB_COUNT_PHI_DEPTH))
			pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL,
				 rule, PB_CLASS_PARTIAL);
		return;
	}
	if (w & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD))
		pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL, rule, PB_CLASS_PARTIAL);
	else if (w & PB_FACET(PB_CLASS_ERR, PB_HOLD_HELD))
		pb_found(fn, PB_FINDING_OVERCOUNT, site, call, NULL, rule, PB_CLASS_ERR);
}

/* ------------------------------------- an element an owner consumed */

/* How many blocks back from a release an owner that consumed its page is
 * looked for, each the one predecessor of the next. */
#define PB_CONSUMER_BLOCKS 8

/* Is ARRAY, as pb_value_element gives it, SITE's array? */
static bool pb_site_array(struct pb_fn *fn, int site, struct pb_val array)
{
	const struct pb_val *c = &fn->sites[site].container;

	return !c->offset && array.level == c->level && array.row == c->row &&
	       pb_key_equal(fn, array.key, c->key);
}

/*
 * The call in BB, before STOP (or its end), to an owner that consumes
 * the page it is given even when it fails, given element INDEX of SITE's
 * array; NULL, and *REFILLED, at SITE's acquire, which fills the array
 * anew.
 */
static gcall *pb_consumer_in(struct pb_fn *fn, basic_block bb, gimple *stop,
			     int site, tree index, bool *refilled)
{
	gimple_stmt_iterator gsi;

	gsi = stop ? gsi_for_stmt(stop) : gsi_last_bb(bb);
	if (stop)
		gsi_prev(&gsi);
	for (; !gsi_end_p(gsi); gsi_prev(&gsi)) {
		gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
		const struct pb_rule *rule;
		struct pb_val array;
		tree given;

		if (!call)
			continue;
		if (call == fn->sites[site].call) {
			*refilled = true;
			return NULL;
		}
		rule = pb_api_lookup(gimple_call_fndecl(call));
		if (!rule || rule->role != PB_ROLE_OWNER || !rule->consumes ||
		    !pb_call_fits_rule(call, rule))
			continue;
		if (pb_value_element_passed(fn, call,
					    pb_call_pages_arg(call, rule),
					    &array, &given) &&
		    pb_site_array(fn, site, array) &&
		    operand_equal_p(given, index, 0))
			return call;
	}
	return NULL;
}

/*
 * The consuming owner given element INDEX of SITE's array that every path
 * to STOP in BB (or to BB's end) runs last: in BB, or in the blocks
 * before it that are each the one way into the next.
 */
static gcall *pb_consumer_before(struct pb_fn *fn, basic_block bb,
				 gimple *stop, int site, tree index)
{
	bool refilled = false;
	int steps;

	for (steps = 0; steps < PB_CONSUMER_BLOCKS; steps++) {
		gcall *owner = pb_consumer_in(fn, bb, stop, site, index,
					      &refilled);

		if (owner || refilled || !single_pred_p(bb))
			return owner;
		bb = single_pred(bb);
		if (bb->index < NUM_FIXED_BLOCKS)
			return NULL;
		stop = NULL;
	}
	return NULL;
}

/*
 * Can a path entering HEAD through E go on to BB, which HEAD dominates?
 * Not if the branch that leaves HEAD towards BB is dead with E's
 * arguments for HEAD's PHIs: 'for (; i < n; i++)' entered where 'i < n'
 * held, inside the loop that gave pages[i] away, runs its body.
 */
static bool pb_head_leads_to(struct pb_fn *fn, basic_block head, edge e,
			     basic_block bb)
{
	unsigned char *room = XALLOCAVEC(unsigned char, fn->nsites + 1);
	edge out;

	if (bb == head || !(out = pb_edge_towards(head, bb)))
		return true;
	return !(pb_solve_edge_row(fn, out, e, room)[fn->nsites] & PB_ROW_DEAD);
}

/*
 * An owner that consumes the page it is given even when it fails
 * (add_to_pipe() drops it itself), given element I of SITE's array, then
 * a release of element J of that array, J being I on the path: the same
 * index, or a PHI (a loop's counter) whose argument is I on the edge
 * from the owner.  'buf.page = pages[i]; ret = add_to_pipe(pipe, &buf);
 * if (ret < 0) for (; i < n; i++) put_page(pages[i]);': the loop's first
 * put drops the page add_to_pipe() already dropped.  The PHI's block must
 * not fill the array anew on the way to the release.  W is SITE's word
 * at the release.  The owner, and in *CLS a class of the pages handed to
 * it on that path; NULL if none.
 */
static gcall *pb_consumed_element(struct pb_fn *fn, gcall *call,
				  const struct pb_rule *rule, int site,
				  pb_word w, int *cls)
{
	const struct pb_site *s = &fn->sites[site];
	struct pb_val array;
	basic_block head;
	unsigned int i;
	gcall *owner;
	tree index;
	gphi *phi;

	if (rule->shape != PB_SHAPE_PAGE || s->single ||
	    !dom_info_available_p(CDI_DOMINATORS) ||
	    !pb_value_element(fn, pb_call_pages_arg(call, rule), &array,
			      &index) ||
	    !pb_site_array(fn, site, array))
		return NULL;
	/* the very index, the owner on the way to the release */
	*cls = pb_live_class_with(w, 1u << PB_HOLD_HANDED);
	if (*cls < 0)
		return NULL;
	owner = pb_consumer_before(fn, gimple_bb(call), call, site, index);
	if (owner)
		return owner;
	phi = TREE_CODE(index) == SSA_NAME ?
	      dyn_cast<gphi *>(SSA_NAME_DEF_STMT(index)) : NULL;
	if (!phi)
		return NULL;
	head = gimple_bb(phi);
	if (dominated_by_p(CDI_DOMINATORS, gimple_bb(s->call), head))
		return NULL;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		edge e = gimple_phi_arg_edge(phi, i);
		tree given = pb_strip_copies(gimple_phi_arg_def(phi, i));
		int c;

		if (!pb_solve_edge_reached(fn, e) || !given ||
		    (TREE_CODE(given) != SSA_NAME &&
		     TREE_CODE(given) != INTEGER_CST))
			continue;
		c = pb_live_class_with(pb_solve_edge_words(fn, e)[site],
				       1u << PB_HOLD_HANDED);
		if (c < 0 || !pb_head_leads_to(fn, head, e, gimple_bb(call)))
			continue;
		owner = pb_consumer_before(fn, e->src, NULL, site, given);
		if (owner) {
			*cls = c;
			return owner;
		}
	}
	return NULL;
}

/* The function of this file a put calls with the last reference
 * ('dma_req_free' in 'kref_put(&req->refcount, dma_req_free)'). */
tree pb_put_release_fn(gcall *put)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(put));
	tree arg;

	if (!rule || rule->role != PB_ROLE_PUT || rule->release_arg < 1 ||
	    gimple_call_num_args(put) < (unsigned int)rule->release_arg ||
	    rule->pages_arg < 1 ||
	    gimple_call_num_args(put) < (unsigned int)rule->pages_arg)
		return NULL_TREE;
	arg = gimple_call_arg(put, rule->release_arg - 1);
	if (TREE_CODE(arg) != ADDR_EXPR ||
	    TREE_CODE(TREE_OPERAND(arg, 0)) != FUNCTION_DECL)
		return NULL_TREE;
	return TREE_OPERAND(arg, 0);
}

/* A put of the struct whose field CELL is, reached from CALL with the
 * field as it was: 'kref_put(&req->refcount, dma_req_free)'. */
static gcall *pb_put_after(struct pb_fn *fn, gcall *call, tree cell)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *put = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;

			if (!put || !pb_put_release_fn(put))
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(put));
			if (pb_points_into_struct_of(fn,
					gimple_call_arg(put, rule->pages_arg - 1),
					cell) &&
			    pb_cell_kept_between(fn, cell, call, put))
				return put;
		}
	}
	return NULL;
}

/*
 * A release of SITE's pages where, on some path, a field of a struct
 * still keeps them ('req->page_list = page_list' on the way, and no
 * branch since saw the field NULL), and from which a put of that struct
 * is reached with the field unchanged ('kref_put(&req->refcount,
 * dma_req_free)'): the pages are the struct's, and the function its put
 * calls may release them again.  Whether it does, pb_fields.c tells at
 * the end of the unit, when it has seen that function's releases; here
 * the first such release of each site is noted.
 */
static void pb_check_kept(struct pb_fn *fn, gcall *call,
			  const struct pb_rule *rule, int site, pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	int i;

	if (fn->kept[site].release || s->single ||
	    pb_live_class_with(w, PB_KIND_HOLDS) < 0)
		return;
	for (i = 0; i < pb_value_nstores(fn); i++) {
		const struct pb_store *st = pb_value_store(fn, i);
		struct pb_val v;
		gcall *put;

		if (TREE_CODE(st->dest) != COMPONENT_REF)
			continue;
		v = pb_value_of(fn, gimple_assign_rhs1(st->stmt));
		if (!v.key || v.offset || v.level != s->container.level ||
		    !pb_key_equal(fn, v.key, s->container.key) ||
		    !pb_cell_kept_between(fn, st->dest, st->stmt, call))
			continue;
		put = pb_put_after(fn, call, st->dest);
		if (!put)
			continue;
		fn->kept[site].release = call;
		fn->kept[site].rule = rule;
		fn->kept[site].store = st->stmt;
		fn->kept[site].put = put;
		return;
	}
}

/*
 * A release of SITE's pages, WHOLE if it releases all of them: of the
 * other kind, a second one, or of the requested count.
 */
void pb_check_release(struct pb_fn *fn, gcall *call, const struct pb_rule *rule,
		      int site, bool whole, pb_word w)
{
	const struct pb_site *s = &fn->sites[site];
	gcall *owner;
	int cls;

	bool unsure = pb_site_kind_unsure(&fn->sites[site], w);

	if (s->rule->kind != rule->kind && rule->kind != PB_ANY && !unsure) {
		cls = pb_live_class_with(w, PB_KIND_HOLDS);
		if (cls >= 0)
			pb_found(fn, s->rule->kind == PB_PIN ? PB_FINDING_MISMATCH
							     : PB_FINDING_REVERSE_MISMATCH,
				 site, call, NULL, rule, cls);
	} else if ((cls = pb_live_class_with(w, 1u << PB_HOLD_RELEASED)) >= 0) {
		pb_found(fn, PB_FINDING_DOUBLE_RELEASE, site, call, NULL, rule, cls);
	} else if ((owner = pb_consumed_element(fn, call, rule, site, w,
						     &cls))) {
		pb_found_after(fn, PB_FINDING_DOUBLE_CONSUMED, site, call, NULL,
			       rule, cls, owner);
	} else if ((rule->shape == PB_SHAPE_ARRAY ||
		    rule->shape == PB_SHAPE_ARRAY_PTR) && whole && !unsure) {
		pb_check_count(fn, call, rule, site, w);
	}
	if (whole)
		pb_check_kept(fn, call, rule, site, w);
}

/* kfree(pages) while the pages in it are pinned loses them for good. */
void pb_check_free(struct pb_fn *fn, gcall *call, int site, pb_word w)
{
	int cls = pb_live_class_with(w, 1u << PB_HOLD_HELD);

	if (cls >= 0 && !pb_site_kind_unsure(&fn->sites[site], w))
		pb_found(fn, PB_FINDING_LEAK_FREE, site, call, NULL, NULL, cls);
}

/* Was SITE handed over, on any path, only by stores into a parameter's
 * struct? */
static bool pb_handed_only_to_caller(struct pb_fn *fn, int site)
{
	int why;

	for (why = 0; why < PB_NHANDED; why++)
		if ((fn->handed[why] & (1u << site)) &&
		    why != PB_HANDED_CALLER_STORE)
			return false;
	return fn->handed[PB_HANDED_CALLER_STORE] & (1u << site);
}

/* Does every path from FROM to TO (entered through VIA, if given) run
 * straight, with no branch or join on the way? */
static bool pb_straight_run(basic_block from, basic_block to, edge via)
{
	int steps;

	for (steps = 0; from != to && steps < 8; steps++) {
		edge e;

		if (!single_succ_p(from))
			return false;
		e = single_succ_edge(from);
		from = e->dest;
		if (from == to && via)
			return e == via;
		if (!single_pred_p(from))
			return false;
	}
	return from == to;
}

/*
 * The class of a path that reaches RET failing, with SITE's pages in
 * hold HOLD, or -1.  When the error code is merged with success at the
 * cleanup label ('free_buf: kfree(set_buffer); return ret;'), the PHI's
 * arguments tell the paths apart: one that fails on an edge whose state
 * has those pages, the label running straight on to the return.
 */
static int pb_failing_class(struct pb_fn *fn, greturn *ret, edge via,
			    int site, enum pb_hold hold, pb_word w)
{
	tree val = gimple_return_retval(ret);
	gphi *phi;
	unsigned int i;
	int cls;

	cls = pb_live_class_with(w, 1u << hold);
	if (!val || cls < 0)
		return -1;
	val = pb_operand_on_edge(val, via);
	if (pb_cond_value_fails(fn, val, via))
		return cls;
	if (!val || TREE_CODE(val) != SSA_NAME ||
	    !(phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(val))) ||
	    !pb_straight_run(gimple_bb(phi), gimple_bb(ret), via))
		return -1;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		edge e = gimple_phi_arg_edge(phi, i);

		if (!pb_solve_edge_reached(fn, e))
			continue;
		cls = pb_live_class_with(pb_solve_edge_words(fn, e)[site] & w,
					 1u << hold);
		if (cls >= 0 &&
		    pb_cond_value_fails(fn, gimple_phi_arg_def(phi, i), e))
			return cls;
	}
	return -1;
}

/*
 * A function that fails leaves nothing behind: by the kernel's
 * convention its caller cleans up only what a success gave it.  So pages
 * in the caller's memory at an error return leak: pinned into a
 * parameter's array ('umem->pgs', its mapping then failing), or stored
 * into a parameter's struct and not released before the function gave
 * up ('vm->ioreq_page = page', then a failing hypercall).  A count
 * stored where the caller reads it ('*pinned += page_count',
 * 'dma->nr_pages = err') tells the caller what to release: those pages
 * are the caller's.
 */
static void pb_check_failing_return(struct pb_fn *fn, greturn *ret, edge via,
				    const pb_word *w)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		enum pb_finding_kind kind;
		enum pb_hold hold;
		int cls;

		if (pb_site_kind_unsure(&fn->sites[i], w[i]) ||
		    s->rule->count == PB_COUNT_STORED || s->count_told)
			continue;
		if (s->caller_owned && s->in_callers_memory) {
			kind = PB_FINDING_LEAK_FAILING;
			hold = PB_HOLD_HELD;
		} else if (!s->caller_owned && pb_handed_only_to_caller(fn, i)) {
			kind = PB_FINDING_LEAK_FAILING_STORED;
			hold = PB_HOLD_HANDED;
		} else {
			continue;
		}
		cls = pb_failing_class(fn, ret, via, i, hold, w[i]);
		if (cls >= 0)
			pb_found(fn, kind, i, ret, via, NULL, cls);
	}
}

/* At a return: pages held in storage that dies with the function leak. */
void pb_check_return(struct pb_fn *fn, gimple *ret, edge via, const pb_word *w)
{
	int i;

	pb_check_failing_return(fn, as_a<greturn *>(ret), via, w);
	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];
		int cls;

		if (s->caller_owned || pb_site_kind_unsure(&fn->sites[i], w[i]))
			continue;
		cls = pb_live_class_with(w[i], 1u << PB_HOLD_HELD);
		if (cls >= 0)
			pb_found(fn, PB_FINDING_LEAK, i, ret, via, NULL, cls);
	}
}
