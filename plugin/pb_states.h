/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pb_states.h - the named states of a pin site, and the word that holds
 * the ones a path may be in.
 *
 * A site's state is a (class, hold) pair: the class is what the call
 * returned, the hold what has happened to its pages since.  One bit per
 * pair (a "facet"), plus a bit for "the site has not run on this path",
 * make a site's word: the set of states some path may be in.  Keeping the
 * class beside the hold is what makes the analysis path-sensitive on the
 * return value: a branch on it drops the facets of the classes it rules
 * out.  Every mask below is derived from the counts of the two enums.
 */
#ifndef PB_STATES_H
#define PB_STATES_H

/* What the call that takes the pages returned. */
enum pb_class {
	PB_CLASS_ERR,		/* a negative error code: nothing taken */
	PB_CLASS_ZERO,		/* 0: nothing taken (asked for none, or 0 bytes) */
	PB_CLASS_PARTIAL,	/* fewer pages than requested were taken */
	PB_CLASS_FULL,		/* all requested pages were taken */
	PB_NCLASSES,
};

/* What has happened to the pages since they were taken. */
enum pb_hold {
	PB_HOLD_HELD,		/* still held by this function */
	PB_HOLD_RELEASED,	/* all released (a second release is a bug) */
	PB_HOLD_PART,		/* some released, one by one or a part */
	PB_HOLD_HANDED,		/* given to code that owns them now */
	PB_NHOLDS,
};

typedef unsigned int pb_word;

/* The site has not run on this path. */
#define PB_ABSENT		1u
#define PB_FACET(c, h)		(1u << (1 + (c) * PB_NHOLDS + (h)))
/* Every facet of class C. */
#define PB_CLASS_BITS(c)	(((1u << PB_NHOLDS) - 1) << (1 + (c) * PB_NHOLDS))

/* Masks of classes (bit C for class C) and of holds (bit H for hold H). */
#define PB_ALL_CLASSES		((1u << PB_NCLASSES) - 1)
#define PB_LIVE_CLASSES		((1u << PB_CLASS_PARTIAL) | (1u << PB_CLASS_FULL))
#define PB_TAKEN_HOLDS		((1u << PB_HOLD_HELD) | (1u << PB_HOLD_PART))
/* Holds whose pages still carry the site's kind of reference somewhere:
 * handing pages over does not change what must release them. */
#define PB_KIND_HOLDS		(PB_TAKEN_HOLDS | (1u << PB_HOLD_HANDED))

/* Names for traces: "FULL:held|PARTIAL:released". */
extern const char *const pb_class_names[PB_NCLASSES];
extern const char *const pb_hold_names[PB_NHOLDS];
const char *pb_word_format(pb_word w, char *buf, size_t len);

pb_word pb_move_hold(pb_word w, unsigned int from_holds, enum pb_hold to);
pb_word pb_keep_classes(pb_word w, unsigned int classes);
/* The first live class with one of HOLDS possible in W, or -1. */
int pb_live_class_with(pb_word w, unsigned int holds);

#endif /* PB_STATES_H */
