// SPDX-License-Identifier: GPL-2.0
/*
 * pb_sg.c - the kind of the pages in a scatterlist's entries.
 *
 * A scatterlist entry holds one page: sg_set_page(sg, page, len, off)
 * keeps it there (an owner rule with 'entry='), sg_page(sg) gives it
 * back (a derive rule with 'entry=').  Drivers take user pages, set them
 * into a scatterlist, and drop the entries they filled when a later step
 * fails: 'put_page(sg_page(&rm->data.op_sg[i]))' (net/rds/message.c).
 * The scatterlist took the pages over, but a page keeps the kind its
 * acquire gave it, so a release of the other kind is a mismatch.
 *
 * Each function is scanned for the scatterlists it fills, each known by
 * where it is: a parameter, a local array, or the list a struct's field
 * points to ('rm->data.op_sg'), walked through pointer steps and loops.
 * A list is judged only when every page the function puts into it is of
 * one kind it knows: taken by an acquire of the function into a local or
 * an array nothing else writes, or by a helper whose summary says so
 * ('owner F entry=argN kind=get').  A page of another origin, a store
 * into the list, or the list given to code without a rule leaves it
 * unjudged.  A release of a page read from the list, reached from one of
 * the fills, of the other kind, is a mismatch.  A function that fills
 * its parameter's list so gets that summary, for its callers.
 *
 * Whether the list keeps the pages at all is told by where the function
 * releases them: before a function with sites is solved, a list whose
 * fills the function follows with a release of the same pages from where
 * it took them, on a way where no call failed and to a return that is
 * not an error, only maps them (pb_sg_note_lent): its fills are uses.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* How far an operand is followed back to the storage it points into. */
#define PB_SG_DEPTH 10

/* What a function puts into one scatterlist. */
struct pb_sg_list {
	tree key;			/* where the list is */
	unsigned int kinds;		/* bit PB_PIN, bit PB_GET */
	bool unknown;			/* pages of another origin went in */
	gimple *fill[2];		/* the first fill of each kind */
	gimple *source[2];		/* the acquire of its page */
	const struct pb_rule *source_rule[2];
};

/* ------------------------------------------------------------ storage */

static tree pb_sg_base(tree op, int depth, bitmap visiting);

/* The storage the reference REF is in: an array or single variable, a
 * struct's field, or what a pointer points to. */
static tree pb_sg_ref_base(tree ref, int depth, bitmap visiting)
{
	while (TREE_CODE(ref) == ARRAY_REF)
		ref = TREE_OPERAND(ref, 0);
	if (TREE_CODE(ref) == MEM_REF)
		return pb_sg_base(TREE_OPERAND(ref, 0), depth - 1, visiting);
	if (VAR_P(ref) || TREE_CODE(ref) == COMPONENT_REF)
		return ref;
	return NULL_TREE;
}

/* The storage a PHI's pointers agree on; a loop's step back to the PHI
 * itself ('sg++') is the same storage. */
static tree pb_sg_phi_base(gphi *phi, int depth, bitmap visiting)
{
	unsigned int version = SSA_NAME_VERSION(gimple_phi_result(phi));
	tree found = NULL_TREE;
	unsigned int i;

	if (!bitmap_set_bit(visiting, version))
		return error_mark_node;
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		tree b = pb_sg_base(gimple_phi_arg_def(phi, i), depth - 1,
				    visiting);

		if (b == error_mark_node)
			continue;
		if (!b || (found && !operand_equal_p(found, b, 0))) {
			found = NULL_TREE;
			break;
		}
		found = b;
	}
	bitmap_clear_bit(visiting, version);
	return found;
}

/*
 * The storage the pointer OP points into: a parameter (its default
 * definition), a local or global array, a buffer an allocator returned,
 * or a pointer loaded from a field ('rm->data.op_sg', the reference
 * itself, equal to every other load of it); through copies, casts,
 * pointer steps and loops.  NULL_TREE if
 * unsure; error_mark_node for a PHI being followed.
 */
static tree pb_sg_base(tree op, int depth, bitmap visiting)
{
	gimple *def;

	if (!op || depth <= 0)
		return NULL_TREE;
	if (TREE_CODE(op) == ADDR_EXPR)
		return pb_sg_ref_base(TREE_OPERAND(op, 0), depth, visiting);
	if (TREE_CODE(op) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(op)))
		return NULL_TREE;
	if (SSA_NAME_IS_DEFAULT_DEF(op))
		return SSA_NAME_VAR(op) &&
		       TREE_CODE(SSA_NAME_VAR(op)) == PARM_DECL ?
			       op : NULL_TREE;
	def = SSA_NAME_DEF_STMT(op);
	if (gassign *assign = dyn_cast<gassign *>(def)) {
		tree rhs = gimple_assign_rhs1(assign);

		switch (gimple_assign_rhs_code(assign)) {
		case POINTER_PLUS_EXPR:
		case SSA_NAME:
		case ADDR_EXPR:
		CASE_CONVERT:
			return pb_sg_base(rhs, depth - 1, visiting);
		case COMPONENT_REF:
			return rhs;
		default:
			return NULL_TREE;
		}
	}
	if (gphi *phi = dyn_cast<gphi *>(def))
		return pb_sg_phi_base(phi, depth, visiting);
	/* an array or list the function allocated: a storage of its own */
	if (gcall *call = dyn_cast<gcall *>(def))
		return pb_api_is_alloc(gimple_call_fndecl(call)) ?
			       op : NULL_TREE;
	return NULL_TREE;
}

/* The storage OP points into, or NULL_TREE. */
static tree pb_sg_storage(tree op)
{
	auto_bitmap visiting;
	tree base = pb_sg_base(op, PB_SG_DEPTH, visiting);

	return base == error_mark_node ? NULL_TREE : base;
}

/* ------------------------------------------------------------- writes */

/* With the debug option: why a list, or an array, is not judged. */
static void pb_sg_debug(const char *why, gimple *stmt)
{
	if (pb_options.debug)
		fprintf(stderr, "pinbalance: scatterlist or page array not "
			"judged: %s at line %d\n", why,
			LOCATION_LINE(gimple_location(stmt)));
}

/* Does CALL, of RULE, only read (or free) what its argument I points
 * to, or fill a scatterlist entry there in a way this file follows? */
static bool pb_sg_call_keeps(gcall *call, const struct pb_rule *rule,
			     unsigned int i)
{
	if (!rule || !pb_call_fits_rule(call, rule))
		return false;
	switch (rule->role) {
	case PB_ROLE_ACQUIRE:
	case PB_ROLE_OWNER:
		/* an acquire into it, a fill of one of its entries */
		return (int)i + 1 == rule->pages_arg ||
		       (int)i + 1 == rule->entry_arg;
	case PB_ROLE_RELEASE:
	case PB_ROLE_BORROW:
	case PB_ROLE_DERIVE:
	case PB_ROLE_TEST:
	case PB_ROLE_MAKES:
	case PB_ROLE_FREE:
		return true;
	default:
		return false;
	}
}

/*
 * Is the storage KEY written in FUN other than by the acquires and
 * fills the rules describe: a store into it (not a clobber or a NULL),
 * or a call without a rule given a pointer into it?
 */
static bool pb_sg_written(function *fun, tree key)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			gcall *call = dyn_cast<gcall *>(stmt);
			const struct pb_rule *rule;
			unsigned int i;
			tree base;

			if (gimple_store_p(stmt) && is_gimple_assign(stmt) &&
			    !pb_store_of_nothing(stmt)) {
				auto_bitmap visiting;

				base = pb_sg_ref_base(gimple_assign_lhs(stmt),
						      PB_SG_DEPTH, visiting);
				if (base && base != error_mark_node &&
				    operand_equal_p(base, key, 0)) {
					pb_sg_debug("a store", stmt);
					return true;
				}
			}
			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			for (i = 0; i < gimple_call_num_args(call); i++) {
				tree arg = gimple_call_arg(call, i);

				if (!POINTER_TYPE_P(TREE_TYPE(arg)) ||
				    pb_sg_call_keeps(call, rule, i))
					continue;
				base = pb_sg_storage(arg);
				if (base && operand_equal_p(base, key, 0)) {
					pb_sg_debug("code without a rule",
						    stmt);
					return true;
				}
			}
		}
	}
	return false;
}

/* ---------------------------------------------------------- the pages */

/*
 * The acquire of FUN whose pages the page OP is: a load of an element of
 * the array an acquire filled ('pages[npages++]' after
 * 'iov_iter_get_pages2(iter, pages, ...)') or of the local it filled
 * ('&page'), when every acquire into that storage takes pages of one
 * kind for sure and nothing else writes there.  NULL if none, or unsure.
 */
static gcall *pb_sg_page_source(function *fun, tree op)
{
	tree ref = pb_loaded_ref(op), key;
	gcall *found = NULL;
	basic_block bb;

	if (!ref)
		return NULL;
	{
		auto_bitmap visiting;

		key = pb_sg_ref_base(ref, PB_SG_DEPTH, visiting);
	}
	if (!key || key == error_mark_node)
		return NULL;
	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			tree base;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_ACQUIRE ||
			    !pb_call_fits_rule(call, rule) ||
			    rule->shape == PB_SHAPE_ARRAY_PTR)
				continue;
			base = pb_sg_storage(pb_call_pages_arg(call, rule));
			if (!base || !operand_equal_p(base, key, 0))
				continue;
			/* pins only sometimes, or not of one kind */
			if (rule->conditional || rule->when_arg > 0 ||
			    (found && pb_api_lookup(gimple_call_fndecl(found))
					      ->kind != rule->kind))
				return NULL;
			found = call;
		}
	}
	if (!found || pb_sg_written(fun, key))
		return NULL;
	return found;
}

/* ------------------------------------------------------------ fills */

static struct pb_sg_list *pb_sg_entry(vec<struct pb_sg_list> *lists,
				      tree key)
{
	struct pb_sg_list fresh;
	unsigned int i;

	for (i = 0; i < lists->length(); i++)
		if (operand_equal_p((*lists)[i].key, key, 0))
			return &(*lists)[i];
	memset(&fresh, 0, sizeof(fresh));
	fresh.key = key;
	lists->safe_push(fresh);
	return &lists->last();
}

/*
 * CALL, of RULE (an owner with 'entry='), puts a page into the list
 * LIST: the page an acquire of FUN took, or, for a helper's summary,
 * pages of the kind it says.
 */
static void pb_sg_note_fill(function *fun, struct pb_sg_list *list,
			    gcall *call, const struct pb_rule *rule)
{
	const struct pb_rule *source_rule = rule;
	gimple *source = call;
	int kind;

	if (rule->pages_arg > 0) {
		gcall *acquire = pb_sg_page_source(fun,
				pb_call_pages_arg(call, rule));

		if (!acquire) {
			pb_sg_debug("a page of unknown origin", call);
			list->unknown = true;
			return;
		}
		source = acquire;
		source_rule = pb_api_lookup(gimple_call_fndecl(acquire));
	}
	kind = source_rule->kind == PB_PIN ? PB_PIN : PB_GET;
	if (list->kinds & (1u << kind))
		return;
	list->kinds |= 1u << kind;
	list->fill[kind] = call;
	list->source[kind] = source;
	list->source_rule[kind] = source_rule;
}

/* The lists FUN fills, and what it puts there. */
static void pb_sg_collect(function *fun, vec<struct pb_sg_list> *lists)
{
	basic_block bb;
	unsigned int i;

	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			tree key;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_OWNER ||
			    rule->entry_arg < 1 ||
			    !pb_call_fits_rule(call, rule))
				continue;
			key = pb_sg_storage(
				gimple_call_arg(call, rule->entry_arg - 1));
			if (key)
				pb_sg_note_fill(fun, pb_sg_entry(lists, key),
						call, rule);
		}
	}
	for (i = 0; i < lists->length(); i++)
		if (!(*lists)[i].unknown && pb_sg_written(fun, (*lists)[i].key))
			(*lists)[i].unknown = true;
}

/* The one kind of the pages in LIST, or -1 if it is not judged. */
static int pb_sg_kind(const struct pb_sg_list *list)
{
	if (list->unknown)
		return -1;
	if (list->kinds == (1u << PB_PIN))
		return PB_PIN;
	if (list->kinds == (1u << PB_GET))
		return PB_GET;
	return -1;
}

/* --------------------------------------------------------- releases */

/* The call reading a scatterlist entry ('sg_page(sg)') the page OP is,
 * through copies, casts and the rules' derive functions; NULL if none. */
static gcall *pb_sg_entry_read(tree op, int depth)
{
	gcall *call;
	const struct pb_rule *rule;

	op = pb_strip_copies(op);
	if (!op || TREE_CODE(op) != SSA_NAME || depth <= 0)
		return NULL;
	call = dyn_cast<gcall *>(SSA_NAME_DEF_STMT(op));
	if (!call)
		return NULL;
	rule = pb_api_lookup(gimple_call_fndecl(call));
	if (!rule || rule->role != PB_ROLE_DERIVE ||
	    !pb_call_fits_rule(call, rule))
		return NULL;
	if (rule->entry_arg > 0)
		return call;
	if (rule->pages_arg > 0 && !rule->pages_field[0])
		return pb_sg_entry_read(pb_call_pages_arg(call, rule),
					depth - 1);
	return NULL;
}

/* CALL, a release of RULE: a page read from a list of LISTS, of the
 * other kind than every page FUN put there, is a mismatch. */
static void pb_sg_check_release(function *fun, vec<struct pb_sg_list> *lists,
				gcall *call, const struct pb_rule *rule)
{
	gcall *read = pb_sg_entry_read(pb_call_pages_arg(call, rule),
				       PB_SG_DEPTH);
	const struct pb_rule *read_rule;
	const struct pb_sg_list *list = NULL;
	unsigned int i;
	bool reached;
	tree key;
	int kind;

	if (!read)
		return;
	read_rule = pb_api_lookup(gimple_call_fndecl(read));
	key = pb_sg_storage(gimple_call_arg(read, read_rule->entry_arg - 1));
	for (i = 0; key && i < lists->length(); i++)
		if (operand_equal_p((*lists)[i].key, key, 0))
			list = &(*lists)[i];
	kind = list ? pb_sg_kind(list) : -1;
	reached = kind >= 0 && pb_stmt_reaches(fun, list->fill[kind], call);
	if (pb_options.debug)
		fprintf(stderr, "pinbalance: release of a scatterlist entry at "
			"line %d: %s\n", LOCATION_LINE(gimple_location(call)),
			!key ? "list not known" :
			!list ? "list not filled here" :
			kind < 0 ? "pages of unknown or mixed kinds" :
			!reached ? "not after a fill" : "judged");
	if (!reached || (int)rule->kind == kind)
		return;
	pb_diag_report_entry(list->source_rule[kind], list->source[kind],
			     list->fill[kind], rule, call);
}

/* ------------------------------------------------------- lent pages */

/*
 * A scatterlist entry takes no reference of its own (sg_set_page()
 * stores the pointer): the list keeps the pages only if whoever holds
 * them releases them through it later, reading each back with
 * sg_page().  A function that, after putting a site's pages into a
 * list, releases them itself from where it took them, and returns
 * success on a way from that release, used the list as a map of its own
 * pages for one request (net/9p/trans_virtio.c: pack_sg_list_p() of
 * the pages into chan->sg, the request, then p9_release_pages() of the
 * array).  Every fill of that list in the function is then a use: the
 * pages stay the function's, checked for leaks as before the fill.  A
 * release only on the way to an error return says nothing (a failed
 * mapping gives the pages back; on success the list may keep them), nor
 * does anything when the function also releases a page it reads back
 * from the list.
 */

/* One fill of a list with the pages of a caller's sites. */
struct pb_sg_fill {
	gcall *call;
	tree key;		/* the list */
	unsigned int sites;	/* whose pages went in */
};

/* The blocks reached from FROM's, FROM's included, into REACHED; when
 * SUCCEEDING, by no edge that says a call failed. */
static void pb_sg_reached(function *fun, gimple *from, bool succeeding,
			  sbitmap reached)
{
	auto_vec<basic_block> work;
	basic_block bb;
	edge_iterator ei;
	edge e;

	bitmap_clear(reached);
	bitmap_set_bit(reached, gimple_bb(from)->index);
	work.safe_push(gimple_bb(from));
	while (!work.is_empty()) {
		bb = work.pop();
		FOR_EACH_EDGE(e, ei, bb->succs) {
			/* GCC 11's sbitmap set returns nothing: test first */
			if (e->dest == EXIT_BLOCK_PTR_FOR_FN(fun) ||
			    (succeeding && pb_cond_edge_says_call_failed(e)) ||
			    bitmap_bit_p(reached, e->dest->index))
				continue;
			bitmap_set_bit(reached, e->dest->index);
			work.safe_push(e->dest);
		}
	}
}

/* Is VAL, as a return gives it on the ways REACHED holds, something but
 * an error code on one of them?  A PHI counts by its arguments on edges
 * out of those blocks that do not say a call failed. */
static bool pb_sg_value_succeeds(struct pb_fn *fn, tree val, edge e,
				 sbitmap reached, int depth)
{
	gphi *phi;
	unsigned int i;

	val = pb_strip_copies(val);
	if (!val)
		return true;
	if (depth <= 0)
		return false;
	phi = TREE_CODE(val) == SSA_NAME ?
		      dyn_cast<gphi *>(SSA_NAME_DEF_STMT(val)) : NULL;
	if (!phi)
		return !pb_cond_value_fails(fn, val, e);
	for (i = 0; i < gimple_phi_num_args(phi); i++) {
		edge in = gimple_phi_arg_edge(phi, i);

		if (bitmap_bit_p(reached, in->src->index) &&
		    !pb_cond_edge_says_call_failed(in) &&
		    pb_sg_value_succeeds(fn, gimple_phi_arg_def(phi, i), in,
					 reached, depth - 1))
			return true;
	}
	return false;
}

/*
 * Is RELEASE on a way from FILL on which no call fails, to a return
 * that gives something but an error code on such a way ('err =
 * wait(...)' at the label the error paths share)?
 */
static bool pb_sg_release_succeeds(struct pb_fn *fn, gimple *fill,
				   gimple *release)
{
	auto_sbitmap reached(last_basic_block_for_fn(fn->fun));
	auto_sbitmap after(last_basic_block_for_fn(fn->fun));
	basic_block bb;

	pb_sg_reached(fn->fun, fill, true, reached);
	if (!bitmap_bit_p(reached, gimple_bb(release)->index) ||
	    (gimple_bb(fill) == gimple_bb(release) &&
	     !pb_stmt_dominates(fill, release)))
		return false;
	pb_sg_reached(fn->fun, release, false, after);
	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi = gsi_last_bb(bb);
		greturn *ret;

		if (!bitmap_bit_p(after, bb->index) || gsi_end_p(gsi))
			continue;
		ret = dyn_cast<greturn *>(gsi_stmt(gsi));
		if (ret && pb_sg_value_succeeds(fn, gimple_return_retval(ret),
						NULL, reached, 4))
			return true;
	}
	return false;
}

/* The fills of FN that put its sites' pages into a list it names. */
static void pb_sg_collect_fills(struct pb_fn *fn, vec<struct pb_sg_fill> *fills)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			struct pb_sg_fill fill;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_OWNER ||
			    rule->entry_arg < 1 || rule->pages_arg < 1 ||
			    !pb_call_fits_rule(call, rule))
				continue;
			fill.call = call;
			fill.key = pb_sg_storage(
				gimple_call_arg(call, rule->entry_arg - 1));
			fill.sites = pb_handover_operand_sites(fn,
					pb_call_pages_arg(call, rule));
			if (fill.key && fill.sites)
				fills->safe_push(fill);
		}
	}
}

/* The list a page CALL releases was read from, or NULL_TREE. */
static tree pb_sg_release_list(gcall *call, const struct pb_rule *rule)
{
	gcall *read = pb_sg_entry_read(pb_call_pages_arg(call, rule),
				       PB_SG_DEPTH);

	if (!read)
		return NULL_TREE;
	return pb_sg_storage(gimple_call_arg(read,
			pb_api_lookup(gimple_call_fndecl(read))->entry_arg - 1));
}

/* What FN's releases say of the list KEY: -1 if one releases a page
 * read back from it, 1 if one releases, after a fill of FILLS into it,
 * that fill's pages from where they were taken, on a way to success. */
static int pb_sg_list_use(struct pb_fn *fn, vec<struct pb_sg_fill> *fills,
			  tree key)
{
	int said = 0;
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn->fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;
			tree list;
			unsigned int sites, i;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (!rule || rule->role != PB_ROLE_RELEASE ||
			    !pb_call_fits_rule(call, rule))
				continue;
			if (!pb_call_pages_arg(call, rule))
				continue;
			list = pb_sg_release_list(call, rule);
			if (list) {
				/* the entries kept their pages */
				if (operand_equal_p(list, key, 0))
					return -1;
				continue;
			}
			if (said)
				continue;
			sites = pb_handover_operand_sites(fn,
					pb_call_pages_arg(call, rule));
			for (i = 0; i < fills->length(); i++)
				if (operand_equal_p((*fills)[i].key, key, 0) &&
				    ((*fills)[i].sites & sites) &&
				    pb_sg_release_succeeds(fn, (*fills)[i].call,
							   call)) {
					said = 1;
					break;
				}
		}
	}
	return said;
}

/* Before FN is solved: the fills of lists it only maps its pages with,
 * for the state machine to take as uses. */
void pb_sg_note_lent(struct pb_fn *fn)
{
	auto_vec<struct pb_sg_fill> fills;
	unsigned int i, j;

	pb_sg_collect_fills(fn, &fills);
	for (i = 0; i < fills.length(); i++) {
		bool judged = false;

		for (j = 0; j < i && !judged; j++)
			judged = operand_equal_p(fills[j].key, fills[i].key, 0);
		if (judged || pb_sg_list_use(fn, &fills, fills[i].key) <= 0)
			continue;
		for (j = i; j < fills.length(); j++)
			if (operand_equal_p(fills[j].key, fills[i].key, 0) &&
			    fn->nlent < PB_MAX_LENT)
				fn->lent[fn->nlent++] = fills[j].call;
		if (pb_options.debug)
			fprintf(stderr, "pinbalance: %s: a scatterlist only maps "
				"the pages it is given (filled at line %d)\n",
				function_name(fn->fun),
				LOCATION_LINE(gimple_location(fills[i].call)));
	}
}

/* ---------------------------------------------------------- summary */

/*
 * A function that fills its parameter's scatterlist with pages of one
 * kind, which it took itself, and nothing else there, tells its callers
 * the kind: 'owner vhost_scsi_map_to_sgl entry=arg3 kind=get on-success'
 * (on-success: like code without a rule, a failing call took nothing of
 * its caller's).  Only for a function without another summary, and with
 * one such list.
 */
static void pb_sg_summarize(function *fun, vec<struct pb_sg_list> *lists)
{
	int arg = 0, kind = -1, a;
	unsigned int i;
	char line[256];

	if (!fun->decl || !DECL_NAME(fun->decl) || pb_api_has_rule(fun->decl))
		return;
	for (i = 0; i < lists->length(); i++) {
		a = pb_param_index(fun, (*lists)[i].key);
		if (!a)
			continue;
		if (arg || pb_sg_kind(&(*lists)[i]) < 0)
			return;
		arg = a;
		kind = pb_sg_kind(&(*lists)[i]);
	}
	if (!arg)
		return;
	/* a function summarized already keeps that summary: the summary
	 * set refuses a second rule for one name */
	snprintf(line, sizeof(line), "owner %s entry=arg%d kind=%s on-success",
		 IDENTIFIER_POINTER(DECL_NAME(fun->decl)), arg,
		 pb_kind_words[kind]);
	pb_summary_add(fun, line);
}

/* ------------------------------------------------------------- entry */

/* After FUN was checked: its releases of pages read from a scatterlist
 * it filled, and its summary as a filler of its caller's list. */
void pb_sg_check(function *fun)
{
	auto_vec<struct pb_sg_list> lists;
	basic_block bb;

	pb_sg_collect(fun, &lists);
	if (lists.is_empty())
		return;
	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
			const struct pb_rule *rule;

			if (!call)
				continue;
			rule = pb_api_lookup(gimple_call_fndecl(call));
			if (rule && rule->role == PB_ROLE_RELEASE &&
			    rule->kind != PB_ANY && !pb_api_is_case(rule) &&
			    rule->shape == PB_SHAPE_PAGE &&
			    pb_call_fits_rule(call, rule))
				pb_sg_check_release(fun, &lists, call, rule);
		}
	}
	pb_sg_summarize(fun, &lists);
}
