#!/bin/bash
# census.sh [VERSION] - the census of a kernel tree: every acquire and
# release site of the objects the last kernel check built that call a
# function of the rules, with its verdict, as JSON lines
# (~/.cache/pinbalance/census-VERSION.jsonl) and as a report
# (build/census/census-VERSION.md and .svg, kernel-integration/census-report.py).
#
# The objects are compiled again with kbuild's recorded commands and this
# checkout's plugin (recheck.sh, ARGS=census=FILE): from the selected build
# of `make kernel-check` when there is one, else from the whole-tree build
# of `make kernel-check ALL=1`, keeping the objects whose source calls an
# acquire or a release of the rules.  COMPARE=OLDVERSION adds what changed
# since that version's census.
#
# Environment: PLUGIN, JOBS, PINBALANCE_CACHE, COMPARE, REPORT_ONLY=1 (the
# report again from the JSON lines of the last run, without compiling).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
src=$cache/linux-source-$version
build=$cache/build-$version$kcc_suffix
log=$cache/kernel-check-$version$kcc_suffix-selected.log
if [ ! -f "$log" ]; then
	build=$build-all
	log=$cache/kernel-check-$version$kcc_suffix-all.log
fi
[ -f "$log" ] || die "no kernel check of $version: run make kernel-check first"
out=$cache/census-$version.jsonl
report=$top/build/census
mkdir -p "$report"

# Objects whose source calls a function of the rules (as kernel-check.sh).
if [ "${REPORT_ONLY:-0}" != 1 ]; then
rm -f "$out"
only=$(rule_call_sources "$src" | objects_re)
say "census of $version from $log"
BUILD=$build LOG=$log ONLY="^($only)\$" ARGS="census=$out" \
	"$top/kernel-integration/recheck.sh" "$version" >"$report/recheck-$version.log"
tail -n 6 "$report/recheck-$version.log" >&2
fi

# FOLL_LONGTERM as this tree defines it: an enum bit in 6.12, a macro in 6.1.
longterm=$(perl -ne 'if (/FOLL_LONGTERM\s*=?\s*(?:(0x[0-9a-fA-F]+)|1\s*<<\s*(\d+))/) {
		print $1 ? hex($1) : 1 << $2; exit }' \
	"$src/include/linux/mm_types.h" "$src/include/linux/mm.h")
compare=()
if [ -n "${COMPARE:-}" ]; then
	[ -f "$cache/census-$COMPARE.jsonl" ] ||
		die "no census of $COMPARE: run census.sh $COMPARE first"
	compare=(--compare "$cache/census-$COMPARE.jsonl"
		 --compare-tree "$cache/linux-source-$COMPARE")
fi
python3 "$top/kernel-integration/census-report.py" "$out" --tree "$src" \
	--title "Census of Linux $version" --longterm "${longterm:-0}" \
	--svg "$report/census-$version.svg" "${compare[@]}" \
	>"$report/census-$version.md"
say "report: $report/census-$version.md ($(wc -l <"$out") sites; FOLL_LONGTERM=${longterm:-unknown})"
