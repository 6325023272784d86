// SPDX-License-Identifier: GPL-2.0
/*
 * pb_sm.c - the state machine: what each statement and each edge does to
 * the state of every site.
 *
 * Like a state machine of GCC's analyzer (sm-fd.cc's on_open, on_close),
 * every transition is a small handler: an acquire starts a site in its
 * possible classes, held; a release moves the pages it matches to
 * released (or partly released); a free of the array, a call the rules do
 * not know, an owner, a store where the pages outlive the call, an asm or
 * a return hand them over; an edge keeps the classes its branch allows
 * (pb_cond.c).  The checks (pb_checks.c) read the state a release, a free
 * or a return meets, when the solver asks for them on its last walk.
 * Nothing here knows in what order the solver (pb_solve.c) visits blocks.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* ------------------------------------------------------ transitions */

/* The state before anything ran: no site has run. */
void pb_sm_entry(struct pb_fn *fn, pb_word *w)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		w[i] = PB_ABSENT;
}

/* Do sites A and B take their pages into the very same container? */
static bool pb_same_container(struct pb_fn *fn, int a, int b)
{
	const struct pb_val *ca = &fn->sites[a].container;
	const struct pb_val *cb = &fn->sites[b].container;

	return ca->level == cb->level && ca->row == cb->row &&
	       !ca->offset && !cb->offset && pb_key_equal(fn, ca->key, cb->key);
}

/*
 * An acquire: its pages are held, in every class the call may return.
 * They replace what the container held: another site filling the same
 * container ('again: get_user_pages_fast(..., &page)' and its read-only
 * retry) no longer has pages there, as a re-run of this site forgets its
 * own (a release through the container now meets these pages only).
 */
static void pb_on_acquire(struct pb_fn *fn, gimple *call, pb_word *w)
{
	int site = pb_site_of_call(fn, call);
	unsigned int classes;
	pb_word fresh = 0;
	int c, i;

	if (site < 0)
		return;
	classes = fn->sites[site].classes;
	for (c = 0; c < PB_NCLASSES; c++)
		if (classes & (1u << c))
			fresh |= PB_FACET(c, PB_HOLD_HELD);
	w[site] = fresh;
	for (i = 0; i < fn->nsites; i++)
		if (i != site && pb_same_container(fn, i, site))
			w[i] = PB_ABSENT;
}

/* The pages of SITES are given to code that owns them from now on. */
static void pb_on_hand_over(struct pb_fn *fn, unsigned int sites, pb_word *w,
			    enum pb_handed why)
{
	int i;

	for (i = 0; i < fn->nsites; i++) {
		if (!(sites & (1u << i)) || !(w[i] & ~PB_ABSENT))
			continue;
		/* pages really held went quiet: say why, in the stats */
		if (pb_live_class_with(w[i], PB_TAKEN_HOLDS) >= 0)
			fn->handed[why] |= 1u << i;
		w[i] = pb_move_hold(w[i], PB_TAKEN_HOLDS, PB_HOLD_HANDED);
	}
}

/* What kind of code a call hands its arguments to, for the stats. */
static enum pb_handed pb_call_handed(gcall *call, const struct pb_rule *rule)
{
	tree fndecl = gimple_call_fndecl(call);
	cgraph_node *node;

	if (rule && rule->role == PB_ROLE_OWNER)
		return PB_HANDED_OWNER;
	if (!fndecl)
		return gimple_call_internal_p(call) ? PB_HANDED_EXTERN
						    : PB_HANDED_INDIRECT;
	node = cgraph_node::get(fndecl);
	return node && node->definition ? PB_HANDED_UNSUMMARISED
					: PB_HANDED_EXTERN;
}

/* The census names the code that took over pages it has no rule or
 * summary for: the first such call that is given each site's held pages. */
static void pb_note_handed_to(struct pb_fn *fn, unsigned int sites,
			      const pb_word *w, gcall *call,
			      const struct pb_rule *rule)
{
	int i;

	if (rule)
		return;
	for (i = 0; i < fn->nsites; i++)
		if ((sites & (1u << i)) && !fn->handed_to[i] &&
		    pb_live_class_with(w[i], PB_TAKEN_HOLDS) >= 0)
			fn->handed_to[i] = call;
}

/* How the release's pages argument relates to SITE's pages. */
enum pb_release_match { PB_NO_MATCH, PB_RELEASE_ALL, PB_RELEASE_SOME };

static enum pb_release_match pb_match_release(struct pb_fn *fn, int site,
					      const struct pb_rule *rule,
					      struct pb_val v)
{
	const struct pb_site *s = &fn->sites[site];
	bool row_unsure;

	if (!pb_key_equal(fn, v.key, s->container.key))
		return PB_NO_MATCH;
	/* another row of an array of arrays: other pages */
	if (v.row && s->container.row && v.row != s->container.row)
		return PB_NO_MATCH;
	row_unsure = v.row != s->container.row;
	if (rule->shape == PB_SHAPE_ARRAY || rule->shape == PB_SHAPE_ARRAY_PTR) {
		if (v.level != s->container.level)
			return PB_NO_MATCH;
		return v.offset || row_unsure ? PB_RELEASE_SOME : PB_RELEASE_ALL;
	}
	if (v.level != s->container.level - 1)
		return PB_NO_MATCH;
	return s->single && rule->shape == PB_SHAPE_PAGE && !row_unsure ?
		       PB_RELEASE_ALL : PB_RELEASE_SOME;
}

/*
 * A release that reads the record of the pages' kind ('kind=any':
 * bio_release_pages() tests the BIO_PAGE_PINNED flag that
 * bio_iov_iter_get_pages() set where it pinned) of pages that a
 * conditional SITE may have taken (held, or some handed to the bio by
 * bio_add_page()): the function leaves the kind to the record,
 * so wherever the call took pages it must release or hand them over on
 * every path.  Noted while solving, before any check reads it.
 */
static void pb_note_recorded(struct pb_site *s, const struct pb_rule *rule,
			     pb_word w)
{
	if (rule->kind == PB_ANY && s->conditional &&
	    pb_live_class_with(w, PB_KIND_HOLDS) >= 0) {
		s->recorded = true;
		if (!s->record_release)
			s->record_release = rule;
	}
}

/* A release: the pages it matches among SITES are released, all or
 * some of them. */
static void pb_on_release_sites(struct pb_fn *fn, gcall *call,
				const struct pb_rule *rule, pb_word *w,
				bool check, unsigned int sites)
{
	struct pb_val v;
	int i;

	v = pb_call_pages_val(fn, call, rule);
	if (!v.key)
		return;
	for (i = 0; i < fn->nsites; i++) {
		enum pb_release_match match;

		if (!(sites & (1u << i)) || !(w[i] & ~PB_ABSENT))
			continue;
		match = pb_match_release(fn, i, rule, v);
		if (match == PB_NO_MATCH)
			continue;
		pb_note_recorded(&fn->sites[i], rule, w[i]);
		if (check)
			pb_check_release(fn, call, rule, i,
					 match == PB_RELEASE_ALL, w[i]);
		/* the previous round's page, of the same kind: the one this
		 * round's call took stays held */
		if (pb_sites_releases_carried(&fn->sites[i], call, rule))
			continue;
		/* pages handed over keep their kind: a release of them
		 * now is a release, and a second one a double release */
		if (match == PB_RELEASE_ALL)
			w[i] = pb_move_hold(w[i], PB_KIND_HOLDS,
					    PB_HOLD_RELEASED);
		else
			w[i] = pb_move_hold(w[i], 1u << PB_HOLD_HELD, PB_HOLD_PART);
	}
}

static void pb_on_release(struct pb_fn *fn, gcall *call,
			  const struct pb_rule *rule, pb_word *w, bool check)
{
	pb_on_release_sites(fn, call, rule, w, check, ~0u);
}

/*
 * A borrow that may replace the caller's array ('borrow F pages=*argN
 * kind=K': io_try_coalesce_buffer(&pages, &nr_pages, &data)) drops, in
 * kind K, the references it does not keep in the array it leaves: checked
 * as a release of part of the pages, which stay held, the rest of them
 * the caller's to release through its variable.
 */
static void pb_on_borrow_drops(struct pb_fn *fn, gcall *call,
			       const struct pb_rule *rule, const pb_word *w,
			       bool check)
{
	struct pb_val v;
	int i;

	if (!check || !rule->drops)
		return;
	v = pb_call_pages_val(fn, call, rule);
	if (!v.key)
		return;
	for (i = 0; i < fn->nsites; i++)
		if ((w[i] & ~PB_ABSENT) &&
		    pb_match_release(fn, i, rule, v) != PB_NO_MATCH)
			pb_check_release(fn, call, rule, i, false, w[i]);
}

/*
 * A release by cases (a helper that puts or unpins as 'switch (cmd)' and
 * a flag say): each site's pages are released by the case its guards say
 * holds, as if the helper were that release; where they do not tell, the
 * helper owns them.
 */
static void pb_on_release_cases(struct pb_fn *fn, gcall *call,
				const struct pb_rule *rule, pb_word *w,
				bool check)
{
	unsigned int owned = 0;
	int i;

	for (i = 0; i < fn->nsites; i++) {
		const struct pb_rule *c;

		if (!(w[i] & ~PB_ABSENT))
			continue;
		c = pb_guards_pick_case(&fn->sites[i], call, rule);
		if (c)
			pb_on_release_sites(fn, call, c, w, check, 1u << i);
		else
			owned |= 1u << i;
	}
	owned &= pb_handover_call_sites(fn, call);
	if (owned)
		pb_on_hand_over(fn, owned, w, PB_HANDED_OWNER);
}

/* A free of the array, or of the struct holding it: whatever it still
 * held is gone with it. */
static void pb_on_free(struct pb_fn *fn, gcall *call,
		       const struct pb_rule *rule, pb_word *w, bool check)
{
	struct pb_val v;
	int i;

	if (rule->pages_arg < 1 ||
	    gimple_call_num_args(call) < (unsigned int)rule->pages_arg)
		return;
	v = pb_value_of(fn, gimple_call_arg(call, rule->pages_arg - 1));
	if (!v.key)
		return;
	for (i = 0; i < fn->nsites; i++) {
		const struct pb_site *s = &fn->sites[i];

		if (!(w[i] & ~PB_ABSENT) || s->single)
			continue;
		/* the array, or the struct whose field holds it */
		if ((!pb_key_equal(fn, v.key, s->container.key) ||
		     v.level != s->container.level) &&
		    !pb_handover_array_in(fn, i, v))
			continue;
		if (check)
			pb_check_free(fn, call, i, w[i]);
		w[i] = pb_move_hold(w[i], PB_TAKEN_HOLDS, PB_HOLD_HANDED);
	}
}

/* A call of unknown code, or an owner: what it is passed is theirs. */
/*
 * Get references an owner keeps (an sg table, a bio, a pipe): the pages
 * outlive the call, which is what pins are for
 * (Documentation/core-api/pin_user_pages.rst); the conversion option
 * reports them.
 */
static void pb_note_kept(struct pb_fn *fn, unsigned int sites,
			 const pb_word *w, gcall *call)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		if ((sites & (1u << i)) && !fn->kept_by[i] &&
		    fn->sites[i].rule->kind == PB_GET &&
		    pb_live_class_with(w[i], PB_TAKEN_HOLDS) >= 0)
			fn->kept_by[i] = call;
}

/* Is CALL a fill of a scatterlist that only maps the pages it is given
 * (pb_sg.c)?  They stay where they were. */
static bool pb_fill_lent(struct pb_fn *fn, gcall *call)
{
	int i;

	for (i = 0; i < fn->nlent; i++)
		if (fn->lent[i] == call)
			return true;
	return false;
}

static void pb_on_call(struct pb_fn *fn, gcall *call, pb_word *w, bool check)
{
	const struct pb_rule *rule = pb_api_lookup(gimple_call_fndecl(call));
	unsigned int sites;

	if (rule && pb_call_fits_rule(call, rule)) {
		switch (rule->role) {
		case PB_ROLE_ACQUIRE:
			pb_on_acquire(fn, call, w);
			return;
		case PB_ROLE_RELEASE:
			if (pb_api_is_case(rule))
				pb_on_release_cases(fn, call, rule, w, check);
			else
				pb_on_release(fn, call, rule, w, check);
			return;
		case PB_ROLE_FREE:
			pb_on_free(fn, call, rule, w, check);
			return;
		case PB_ROLE_BORROW:
			pb_on_borrow_drops(fn, call, rule, w, check);
			return;
		case PB_ROLE_OWNER:
			if (pb_fill_lent(fn, call))
				return;
			break;
		/* one more reference, to be dropped later by whoever: the
		 * pages' fate is that code's, as for code without a rule */
		case PB_ROLE_HOLD:
			break;
		/* the object, and the pages it surely keeps, go to whoever
		 * drops the last reference; what it is given, as for code
		 * without a rule */
		case PB_ROLE_PUT:
			pb_on_hand_over(fn, pb_handover_put_sites(fn, call, rule),
					w, PB_HANDED_OWNER);
			break;
		default:
			return;
		}
	}
	/* what it is given (an owner of one argument: that one), unless
	 * the block tests its failure: then where it succeeded (pb_cond.c) */
	sites = pb_handover_call_sites(fn, call);
	/* an owner keeps them, at once or once it succeeds */
	if (rule && rule->role == PB_ROLE_OWNER)
		pb_note_kept(fn, sites, w, call);
	if (!pb_handover_waits(call)) {
		pb_note_handed_to(fn, sites, w, call, rule);
		pb_on_hand_over(fn, sites, w, pb_call_handed(call, rule));
	}
}

/* An asm may do anything with what it is given. */
static void pb_on_asm(struct pb_fn *fn, gasm *stmt, pb_word *w)
{
	unsigned int i;

	for (i = 0; i < gimple_asm_ninputs(stmt); i++)
		pb_on_hand_over(fn, pb_handover_argument_sites(fn,
				TREE_VALUE(gimple_asm_input_op(stmt, i))), w,
				PB_HANDED_ASM);
	for (i = 0; i < gimple_asm_noutputs(stmt); i++)
		pb_on_hand_over(fn, pb_handover_argument_sites(fn,
				TREE_VALUE(gimple_asm_output_op(stmt, i))), w,
				PB_HANDED_ASM);
}

/* The debug trace: each site's states where the function returns (the
 * blocks are those of -fdump-tree-ssa). */
static void pb_trace_return(struct pb_fn *fn, greturn *ret, edge via,
			    const pb_word *w)
{
	char buf[256];
	int i;

	for (i = 0; i < fn->nsites; i++)
		fprintf(stderr, "pinbalance:   return in bb %d from bb %d: "
			"site %d %s\n", gimple_bb(ret)->index,
			via ? via->src->index : -1, i,
			pb_word_format(w[i], buf, sizeof(buf)));
}

/*
 * A store gives the pages to the memory it writes; into a parameter's
 * struct, to the caller, but only if this function succeeds (the checks
 * read which reason a site was handed over for).
 */
static void pb_on_store(struct pb_fn *fn, gimple *stmt, pb_word *w)
{
	unsigned int sites = pb_handover_store_sites(fn, stmt);

	if (sites)
		pb_on_hand_over(fn, sites, w,
				pb_handover_store_to_caller(fn, stmt) ?
				PB_HANDED_CALLER_STORE : PB_HANDED_STORE);
}

/*
 * 'vec->nr_frames = nr_frames' just after 'pin_user_pages_fast(start,
 * nr_frames, ...)': a struct's field receives the number of pages asked
 * for where fewer may have been pinned.  Noted, on the last walk, for
 * pb_fields.c, which judges the releases that use the field as a count.
 */
static void pb_note_requested_store(struct pb_fn *fn, gimple *stmt,
				    const pb_word *w)
{
	tree lhs, rhs;
	int i;

	if (!gimple_assign_single_p(stmt))
		return;
	lhs = gimple_assign_lhs(stmt);
	if (TREE_CODE(lhs) != COMPONENT_REF || !INTEGRAL_TYPE_P(TREE_TYPE(lhs)))
		return;
	rhs = pb_strip_copies(gimple_assign_rhs1(stmt));
	if (!rhs || TREE_CODE(rhs) != SSA_NAME)
		return;
	for (i = 0; i < fn->nsites; i++)
		if (!fn->requested_stored[i] && fn->sites[i].req == rhs &&
		    (w[i] & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD)))
			fn->requested_stored[i] = stmt;
}

/*
 * A return, entered through VIA when its block is walked per edge: what
 * it returns goes to the caller, and what is still held leaks.
 */
static void pb_on_return(struct pb_fn *fn, greturn *ret, edge via, pb_word *w,
			 bool check)
{
	tree retval = gimple_return_retval(ret);
	int i;

	if (check) {
		pb_summary_note_return(fn, ret, via, w);
		for (i = 0; i < fn->nsites; i++)
			if (w[i] & PB_FACET(PB_CLASS_PARTIAL, PB_HOLD_HELD))
				fn->partial_returned |= 1u << i;
	}
	if (retval)
		pb_on_hand_over(fn, pb_handover_operand_sites(fn,
				pb_operand_on_edge(retval, via)), w,
				PB_HANDED_RETURN);
	if (!check)
		return;
	if (pb_options.debug)
		pb_trace_return(fn, ret, via, w);
	pb_check_return(fn, ret, via, w);
}

/*
 * What STMT does to W, entered through VIA when its block is walked per
 * edge; CHECK on the solver's last walk, when findings are recorded.
 */
void pb_sm_transfer(struct pb_fn *fn, gimple *stmt, edge via, pb_word *w,
		    bool check)
{
	switch (gimple_code(stmt)) {
	case GIMPLE_CALL:
		pb_on_call(fn, as_a<gcall *>(stmt), w, check);
		break;
	case GIMPLE_ASSIGN:
		if (check)
			pb_note_requested_store(fn, stmt, w);
		pb_on_store(fn, stmt, w);
		break;
	case GIMPLE_RETURN:
		pb_on_return(fn, as_a<greturn *>(stmt), via, w, check);
		break;
	case GIMPLE_ASM:
		pb_on_asm(fn, as_a<gasm *>(stmt), w);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------ edges */

/*
 * On a loop's back edge, pages released or handed over one by one in the
 * body absorb the iteration that skipped a page: 'for (...) { if
 * (!pages[i]) continue; unpin_user_page(pages[i]); }' releases the array,
 * it does not leak it; nor does 'skb_fill_page_desc(skb, frag++, head,
 * ...)' of the pages not merged into the previous frag, the merged ones
 * being dropped in a batch by 'page_ref_sub(last_head, refs)'.  Only a
 * release or hand-over the body made counts, not one the loop was
 * entered with (ENTRY): after a loop that handed pages to a bio one by
 * one, a loop that only counts past the others ('while (j < npages)
 * j++;') releases nothing.
 */
static pb_word pb_absorb_back_edge(pb_word w, pb_word entry)
{
	int c;

	for (c = 0; c < PB_NCLASSES; c++)
		if (w & ~entry &
		    (PB_FACET(c, PB_HOLD_PART) | PB_FACET(c, PB_HOLD_HANDED)))
			w &= ~PB_FACET(c, PB_HOLD_HELD);
	return w;
}

/* W along a loop's back edge; ENTRY, what the loop was entered with. */
void pb_sm_back_edge(struct pb_fn *fn, pb_word *w, const pb_word *entry)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		w[i] = pb_absorb_back_edge(w[i], entry[i]);
}

/* Fill ROW (nsites + 1 bytes) with what leaving through E says. */
void pb_sm_edge_row(struct pb_fn *fn, edge e, edge via, unsigned char *row)
{
	pb_cond_fill_row(fn, e, via, row);
}

/*
 * A conditional acquire that a branch left with nothing taken (its
 * iterator took no reference, or it returned 0) holds nothing on that
 * path: the class "took none" goes, as if the call had not run.  Kept, it
 * would come back at the join with a path a test of the iterator told
 * took pages (tee_shm.c's 'if (!iov_iter_is_kvec(iter)) unpin ... else
 * put ...', then one error label), and make the kind unsure there again.
 */
static void pb_sm_took_none(const struct pb_site *s, pb_word *w)
{
	const pb_word live = PB_CLASS_BITS(PB_CLASS_PARTIAL) |
			     PB_CLASS_BITS(PB_CLASS_FULL);

	if (s->conditional && s->source && !(*w & live) &&
	    (*w & PB_CLASS_BITS(PB_CLASS_ZERO)))
		*w = (*w & ~PB_CLASS_BITS(PB_CLASS_ZERO)) | PB_ABSENT;
}

/* Refine W by the row of the edge taken; false if no path can take it. */
bool pb_sm_on_edge(struct pb_fn *fn, const unsigned char *row, pb_word *w)
{
	int i;

	if (row[fn->nsites] & PB_ROW_DEAD)
		return false;
	if (!(row[fn->nsites] & PB_ROW_BRANCH))
		return true;
	for (i = 0; i < fn->nsites; i++) {
		unsigned char facts;

		if (!(w[i] & ~PB_ABSENT))
			continue;
		facts = row[i];
		if (facts & PB_FACT_CONTRADICTS) {
			w[i] &= PB_ABSENT;
			if (!w[i])
				return false;
			continue;
		}
		/* an owner rule's success: counted among the owners */
		if (facts & PB_FACT_OWNER)
			pb_on_hand_over(fn, 1u << i, w,
					facts & PB_FACT_OWNER_RULE ?
					PB_HANDED_OWNER : PB_HANDED_SUCCESS);
		if (!(facts & PB_FACT_REFINES))
			continue;
		w[i] = pb_keep_classes(w[i], facts & PB_ALL_CLASSES);
		if (!w[i])
			return false;
		pb_sm_took_none(&fn->sites[i], &w[i]);
	}
	return true;
}
