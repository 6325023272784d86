// SPDX-License-Identifier: GPL-2.0
/*
 * pb_solve.c - the engine: a forward dataflow over one function's CFG.
 *
 * It knows nothing of pins.  Each site has a word per edge, an opaque
 * mask that only grows; the state machine (pb_sm.c) says what a statement
 * and an edge do to the words, the engine joins them (a bitwise OR) and
 * iterates to a fixed point with a worklist, in an order that finishes a
 * loop before flowing out of it.  Since each word has few bits and only
 * grows, every edge changes a bounded number of times: the work is linear
 * in the function's size times its number of sites.
 *
 * Small blocks that end in a branch or a return are run once per incoming
 * edge ("via"), so that PHI arguments (a loop counter starting at 0, an
 * error code set on one path) are seen for what they are on each edge.
 * What an edge says of the sites is a row of bytes, computed once per
 * edge (per edge in, for such a block) and kept here.
 *
 * Once the words are known, a last walk runs every statement again with
 * the checks on, and records which statement made which facet true in
 * each block (per edge in, and for the join of them), so that the
 * diagnostics (pb_diag.c) read the path of a finding without running
 * anything again.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

/* Blocks evaluated per incoming edge must be at most this long. */
#define PB_PER_EDGE_MAX_STMTS 8
/* Worklist visits per block before the function is given up on. */
#define PB_MAX_VISITS_PER_BLOCK 64

/* A statement that made facets of a site true, on the last walk. */
struct pb_gen {
	basic_block bb;
	edge via;		/* the edge in, or NULL for the join */
	int ord;		/* its place among the block's statements */
	gimple *stmt;
	int site;
	pb_word added;
};

/* This file's tables for one function. */
struct pb_flow {
	int nedges;
	pb_word *edge_state;		/* nedges x nsites */
	unsigned char *edge_reached;
	unsigned char *edge_rows;	/* nedges x (nsites + 1) */
	unsigned char *edge_row_known;
	unsigned char *via_rows;	/* per edge in: nedges x 2 x (nsites + 1) */
	unsigned char *via_row_known;
	basic_block *rpo;
	int *rpo_index;
	int nrpo;
	struct pb_gen *gens;
	int ngens, gens_cap;
};

/* ------------------------------------------------------------ edges */

static pb_word *pb_edge_words(struct pb_fn *fn, edge e)
{
	return fn->flow->edge_state + (size_t)(intptr_t)e->aux * fn->nsites;
}

const pb_word *pb_solve_edge_words(struct pb_fn *fn, edge e)
{
	return pb_edge_words(fn, e);
}

bool pb_solve_edge_reached(struct pb_fn *fn, edge e)
{
	return fn->flow->edge_reached[(intptr_t)e->aux];
}

static void pb_number_edges(struct pb_fn *fn)
{
	basic_block bb;
	int n = 0;

	FOR_ALL_BB_FN(bb, fn->fun) {
		edge e;
		edge_iterator ei;

		FOR_EACH_EDGE(e, ei, bb->succs)
			e->aux = (void *)(intptr_t)n++;
	}
	fn->flow->nedges = n;
}

static void pb_clear_edge_numbers(struct pb_fn *fn)
{
	basic_block bb;

	FOR_ALL_BB_FN(bb, fn->fun) {
		edge e;
		edge_iterator ei;

		FOR_EACH_EDGE(e, ei, bb->succs)
			e->aux = NULL;
	}
}

static bool pb_block_per_edge(basic_block bb)
{
	gimple_stmt_iterator gsi;
	gimple *last = last_stmt(bb);
	int n = 0;

	if (EDGE_COUNT(bb->preds) < 2 || !last ||
	    (gimple_code(last) != GIMPLE_COND && gimple_code(last) != GIMPLE_RETURN))
		return false;
	for (gsi = gsi_start_nondebug_bb(bb); !gsi_end_p(gsi);
	     gsi_next_nondebug(&gsi))
		if (++n > PB_PER_EDGE_MAX_STMTS)
			return false;
	return true;
}

/* The join of the reached edges into E's loop header that are not back
 * edges: what the loop was entered with. */
static void pb_loop_entry_words(struct pb_fn *fn, edge back, pb_word *out)
{
	edge e;
	edge_iterator ei;
	int i;

	memset(out, 0, fn->nsites * sizeof(pb_word));
	FOR_EACH_EDGE(e, ei, back->dest->preds) {
		const pb_word *w = pb_edge_words(fn, e);

		if ((e->flags & EDGE_DFS_BACK) || !pb_solve_edge_reached(fn, e))
			continue;
		for (i = 0; i < fn->nsites; i++)
			out[i] |= w[i];
	}
}

static void pb_edge_in_words(struct pb_fn *fn, edge e, pb_word *out)
{
	memcpy(out, pb_edge_words(fn, e), fn->nsites * sizeof(pb_word));
	if (e->flags & EDGE_DFS_BACK) {
		pb_word *entry = XALLOCAVEC(pb_word, fn->nsites);

		pb_loop_entry_words(fn, e, entry);
		pb_sm_back_edge(fn, out, entry);
	}
}

/* The join of all reached incoming edges; false if none is reached. */
static bool pb_join_preds(struct pb_fn *fn, basic_block bb, pb_word *out)
{
	pb_word *tmp = XALLOCAVEC(pb_word, fn->nsites);
	bool any = false;
	edge e;
	edge_iterator ei;
	int i;

	memset(out, 0, fn->nsites * sizeof(pb_word));
	FOR_EACH_EDGE(e, ei, bb->preds) {
		if (!pb_solve_edge_reached(fn, e))
			continue;
		pb_edge_in_words(fn, e, tmp);
		for (i = 0; i < fn->nsites; i++)
			out[i] |= tmp[i];
		any = true;
	}
	return any;
}

/* Merge W into edge E's state; true if that added anything. */
static bool pb_flow_into(struct pb_fn *fn, edge e, const pb_word *w)
{
	pb_word *dst = pb_edge_words(fn, e);
	bool changed = !pb_solve_edge_reached(fn, e);
	int i;

	for (i = 0; i < fn->nsites; i++) {
		if ((dst[i] | w[i]) != dst[i])
			changed = true;
		dst[i] |= w[i];
	}
	fn->flow->edge_reached[(intptr_t)e->aux] = 1;
	return changed;
}

/*
 * The row of what leaving through E, entered through VIA, says of the
 * sites: the state machine fills it the first time it is asked for.  A
 * block entered per edge ends in a condition, so (VIA, true or false)
 * names the edge out; ROOM (nsites + 1 bytes) is used when not kept.
 */
const unsigned char *pb_solve_edge_row(struct pb_fn *fn, edge e, edge via,
				       unsigned char *room)
{
	struct pb_flow *flow = fn->flow;
	size_t width = fn->nsites + 1;
	unsigned char *row = room, *known = NULL;
	size_t idx;

	if (!via) {
		idx = (size_t)(intptr_t)e->aux;
		row = &flow->edge_rows[idx * width];
		known = &flow->edge_row_known[idx];
	} else if (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) {
		idx = (size_t)(intptr_t)via->aux * 2 +
		      !(e->flags & EDGE_TRUE_VALUE);
		row = &flow->via_rows[idx * width];
		known = &flow->via_row_known[idx];
	}
	if (!known || !*known) {
		pb_sm_edge_row(fn, e, via, row);
		if (known)
			*known = 1;
	}
	return row;
}

/* ----------------------------------------------------- generators */

static void pb_record_gen(struct pb_fn *fn, basic_block bb, edge via, int ord,
			  gimple *stmt, int site, pb_word added)
{
	struct pb_flow *flow = fn->flow;

	if (flow->ngens == flow->gens_cap) {
		flow->gens_cap = flow->gens_cap ? 2 * flow->gens_cap : 32;
		flow->gens = XRESIZEVEC(struct pb_gen, flow->gens,
					flow->gens_cap);
	}
	flow->gens[flow->ngens].bb = bb;
	flow->gens[flow->ngens].via = via;
	flow->gens[flow->ngens].ord = ord;
	flow->gens[flow->ngens].stmt = stmt;
	flow->gens[flow->ngens].site = site;
	flow->gens[flow->ngens].added = added;
	flow->ngens++;
}

/* Record what STMT made true: the words before it in BEFORE. */
static void pb_record_step(struct pb_fn *fn, basic_block bb, edge via, int ord,
			   gimple *stmt, const pb_word *before,
			   const pb_word *after)
{
	int i;

	for (i = 0; i < fn->nsites; i++)
		if (after[i] & ~before[i])
			pb_record_gen(fn, bb, via, ord, stmt, i,
				      after[i] & ~before[i]);
}

/* STMT's place among the statements of its block. */
static int pb_stmt_ord(basic_block bb, gimple *stmt)
{
	gimple_stmt_iterator gsi;
	int ord = 0;

	for (gsi = gsi_start_nondebug_bb(bb); !gsi_end_p(gsi);
	     gsi_next_nondebug(&gsi), ord++)
		if (gsi_stmt(gsi) == stmt)
			return ord;
	return ord;
}

/*
 * The last statement of BB, before STOP if given, that made FACET of SITE
 * true on the last walk: entered through VIA, or from the join of the
 * block's incoming edges if VIA is NULL.  NULL if the facet came in.
 */
gimple *pb_solve_generator(struct pb_fn *fn, basic_block bb, edge via,
			   gimple *stop, int site, pb_word facet)
{
	struct pb_flow *flow = fn->flow;
	int limit = stop ? pb_stmt_ord(bb, stop) : INT_MAX;
	gimple *gen = NULL;
	int best = -1, i;

	for (i = 0; i < flow->ngens; i++) {
		const struct pb_gen *g = &flow->gens[i];

		if (g->bb == bb && g->via == via && g->site == site &&
		    (g->added & facet) && g->ord < limit && g->ord > best) {
			best = g->ord;
			gen = g->stmt;
		}
	}
	return gen;
}

/* ----------------------------------------------------------- blocks */

/*
 * Run BB's statements on W, entered through VIA.  On the last walk
 * (WALK), record what each statement made true, and CHECK: the checks
 * are on, except for the join of a block entered per edge, run only to
 * be recorded.
 */
static void pb_run_stmts(struct pb_fn *fn, basic_block bb, edge via,
			 pb_word *w, bool walk, bool check)
{
	pb_word *before = XALLOCAVEC(pb_word, fn->nsites);
	gimple_stmt_iterator gsi;
	int ord = 0;

	for (gsi = gsi_start_nondebug_bb(bb); !gsi_end_p(gsi);
	     gsi_next_nondebug(&gsi), ord++) {
		gimple *stmt = gsi_stmt(gsi);

		if (walk)
			memcpy(before, w, fn->nsites * sizeof(pb_word));
		pb_sm_transfer(fn, stmt, via, w, check);
		if (walk)
			pb_record_step(fn, bb, via, ord, stmt, before, w);
	}
}

static void pb_run_block(struct pb_fn *fn, basic_block bb, edge via,
			 pb_word *w, bitmap worklist, bool walk)
{
	unsigned char *room = XALLOCAVEC(unsigned char, fn->nsites + 1);
	pb_word *out = XALLOCAVEC(pb_word, fn->nsites);
	edge e;
	edge_iterator ei;

	pb_run_stmts(fn, bb, via, w, walk, walk);
	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (e->dest == EXIT_BLOCK_PTR_FOR_FN(fn->fun))
			continue;
		memcpy(out, w, fn->nsites * sizeof(pb_word));
		if (!pb_sm_on_edge(fn, pb_solve_edge_row(fn, e, via, room), out))
			continue;
		if (pb_flow_into(fn, e, out) && worklist)
			bitmap_set_bit(worklist, fn->flow->rpo_index[e->dest->index]);
	}
}

static void pb_visit_block(struct pb_fn *fn, basic_block bb, bitmap worklist,
			   bool walk)
{
	pb_word *w = XALLOCAVEC(pb_word, fn->nsites);
	edge e;
	edge_iterator ei;

	if (!pb_block_per_edge(bb)) {
		if (pb_join_preds(fn, bb, w))
			pb_run_block(fn, bb, NULL, w, worklist, walk);
		return;
	}
	FOR_EACH_EDGE(e, ei, bb->preds) {
		if (!pb_solve_edge_reached(fn, e))
			continue;
		pb_edge_in_words(fn, e, w);
		pb_run_block(fn, bb, e, w, worklist, walk);
	}
	/* what the join of the edges in makes true, for the paths that
	 * pass the block on their way to a finding elsewhere */
	if (walk && pb_join_preds(fn, bb, w))
		pb_run_stmts(fn, bb, NULL, w, true, false);
}

static void pb_seed_entry(struct pb_fn *fn, bitmap worklist)
{
	pb_word *w = XALLOCAVEC(pb_word, fn->nsites);
	edge e;
	edge_iterator ei;

	pb_sm_entry(fn, w);
	FOR_EACH_EDGE(e, ei, ENTRY_BLOCK_PTR_FOR_FN(fn->fun)->succs) {
		pb_flow_into(fn, e, w);
		if (e->dest != EXIT_BLOCK_PTR_FOR_FN(fn->fun))
			bitmap_set_bit(worklist, fn->flow->rpo_index[e->dest->index]);
	}
}

bool pb_solve(struct pb_fn *fn)
{
	bitmap worklist = BITMAP_ALLOC(NULL);
	long budget = (long)PB_MAX_VISITS_PER_BLOCK * (fn->flow->nrpo + 1);
	bool done = true;

	pb_seed_entry(fn, worklist);
	while (!bitmap_empty_p(worklist)) {
		int idx = bitmap_first_set_bit(worklist);

		bitmap_clear_bit(worklist, idx);
		if (--budget < 0) {
			done = false;
			break;
		}
		pb_visit_block(fn, fn->flow->rpo[idx], worklist, false);
	}
	BITMAP_FREE(worklist);
	return done;
}

/* The fixed point is known: walk once more, with the checks on. */
void pb_solve_walk(struct pb_fn *fn)
{
	int i;

	for (i = 0; i < fn->flow->nrpo; i++)
		pb_visit_block(fn, fn->flow->rpo[i], NULL, true);
}

/* ------------------------------------------------------------ setup */

void pb_solve_prepare(struct pb_fn *fn)
{
	int i;

	fn->flow = XCNEW(struct pb_flow);
	fn->flow->rpo = XNEWVEC(basic_block, n_basic_blocks_for_fn(fn->fun));
	fn->flow->rpo_index = XNEWVEC(int, last_basic_block_for_fn(fn->fun));
	{
		int *order = XNEWVEC(int, n_basic_blocks_for_fn(fn->fun));
		auto_bitmap exit_bbs;

		/*
		 * An order where each loop's blocks come together, before
		 * what follows the loop: the worklist, which takes the first
		 * block in this order, then finishes a loop before flowing
		 * out of it.  In a plain reverse postorder the code after a
		 * loop may come before the loop's body, and is then walked
		 * again for every change the loop makes.
		 */
		bitmap_set_bit(exit_bbs, EXIT_BLOCK);
		if (single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(fn->fun)))
			fn->flow->nrpo = rev_post_order_and_mark_dfs_back_seme(
				fn->fun,
				single_succ_edge(ENTRY_BLOCK_PTR_FOR_FN(fn->fun)),
				exit_bbs, true, order, NULL);
		else
			fn->flow->nrpo = pre_and_rev_post_order_compute_fn(
				fn->fun, NULL, order, false);
		for (i = 0; i < fn->flow->nrpo; i++) {
			fn->flow->rpo[i] = BASIC_BLOCK_FOR_FN(fn->fun, order[i]);
			fn->flow->rpo_index[order[i]] = i;
		}
		XDELETEVEC(order);
	}
	pb_mark_dfs_back_edges(fn->fun);
	calculate_dominance_info(CDI_DOMINATORS);
	pb_number_edges(fn);
}

/* One word per edge and site, allocated once the sites are known. */
void pb_solve_alloc(struct pb_fn *fn)
{
	struct pb_flow *flow = fn->flow;
	size_t width = fn->nsites + 1;

	flow->edge_state = XCNEWVEC(pb_word, (size_t)flow->nedges * fn->nsites);
	flow->edge_reached = XCNEWVEC(unsigned char, flow->nedges);
	flow->edge_rows = XCNEWVEC(unsigned char, (size_t)flow->nedges * width);
	flow->edge_row_known = XCNEWVEC(unsigned char, flow->nedges);
	flow->via_rows = XCNEWVEC(unsigned char,
				  (size_t)flow->nedges * 2 * width);
	flow->via_row_known = XCNEWVEC(unsigned char, (size_t)flow->nedges * 2);
}

void pb_solve_fini(struct pb_fn *fn)
{
	struct pb_flow *flow = fn->flow;

	if (!flow)
		return;
	pb_clear_edge_numbers(fn);
	XDELETEVEC(flow->edge_state);
	XDELETEVEC(flow->edge_reached);
	XDELETEVEC(flow->edge_rows);
	XDELETEVEC(flow->edge_row_known);
	XDELETEVEC(flow->via_rows);
	XDELETEVEC(flow->via_row_known);
	XDELETEVEC(flow->rpo);
	XDELETEVEC(flow->rpo_index);
	XDELETEVEC(flow->gens);
	XDELETE(flow);
	fn->flow = NULL;
}
