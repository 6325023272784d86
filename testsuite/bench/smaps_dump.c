// SPDX-License-Identifier: GPL-2.0
/*
 * smaps_dump.c - LD_PRELOAD helper for memory-breakdown.py: when a cc1
 * process exits, copy its /proc/self/smaps into $PB_SMAPS_DIR/smaps.PID,
 * so that the resident memory of each mapping can be compared between
 * compiles with and without a plugin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int is_cc1(void)
{
	char comm[64] = "";
	FILE *f = fopen("/proc/self/comm", "r");

	if (!f)
		return 0;
	if (!fgets(comm, sizeof(comm), f))
		comm[0] = '\0';
	fclose(f);
	return !strncmp(comm, "cc1", 3);
}

__attribute__((destructor)) static void smaps_dump(void)
{
	const char *dir = getenv("PB_SMAPS_DIR");
	char path[4096], line[1024];
	FILE *in, *out;

	if (!dir || !is_cc1())
		return;
	snprintf(path, sizeof(path), "%s/smaps.%d", dir, (int)getpid());
	in = fopen("/proc/self/smaps", "r");
	out = fopen(path, "w");
	while (in && out && fgets(line, sizeof(line), in))
		fputs(line, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}
