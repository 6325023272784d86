// SPDX-License-Identifier: GPL-2.0
/*
 * pb_states.c - the named states (pb_states.h) and what a word of them
 * can be asked: their names, moving pages from some holds to another,
 * keeping only some classes, the live class a hold is possible in.
 */
#include "pb_gcc.h"
#include "pinbalance.h"

const char *const pb_class_names[PB_NCLASSES] = {
	"ERR", "ZERO", "PARTIAL", "FULL",
};

const char *const pb_hold_names[PB_NHOLDS] = {
	"held", "released", "part", "handed",
};

/* W as "absent|FULL:held|PARTIAL:released", for the debug trace. */
const char *pb_word_format(pb_word w, char *buf, size_t len)
{
	size_t used = 0;
	int c, h;

	buf[0] = '\0';
	if (w & PB_ABSENT)
		used += snprintf(buf + used, len - used, "absent");
	for (c = 0; c < PB_NCLASSES; c++)
		for (h = 0; h < PB_NHOLDS && used < len; h++)
			if (w & PB_FACET(c, h))
				used += snprintf(buf + used, len - used, "%s%s:%s",
						 used ? "|" : "", pb_class_names[c],
						 pb_hold_names[h]);
	return buf;
}

pb_word pb_move_hold(pb_word w, unsigned int from_holds, enum pb_hold to)
{
	int c, h;

	for (c = 0; c < PB_NCLASSES; c++)
		for (h = 0; h < PB_NHOLDS; h++)
			if ((from_holds & (1u << h)) && (w & PB_FACET(c, h))) {
				w &= ~PB_FACET(c, h);
				w |= PB_FACET(c, to);
			}
	return w;
}

pb_word pb_keep_classes(pb_word w, unsigned int classes)
{
	pb_word kept = w & PB_ABSENT;
	int c;

	for (c = 0; c < PB_NCLASSES; c++)
		if (classes & (1u << c))
			kept |= w & PB_CLASS_BITS(c);
	return kept;
}

/* The first live class with one of HOLDS possible in W, or -1. */
int pb_live_class_with(pb_word w, unsigned int holds)
{
	int c, h;

	for (c = PB_CLASS_FULL; c >= PB_CLASS_PARTIAL; c--)
		for (h = 0; h < PB_NHOLDS; h++)
			if ((holds & (1u << h)) && (w & PB_FACET(c, h)))
				return c;
	return -1;
}
