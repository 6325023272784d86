#!/bin/bash
# summaries.sh [VERSION] - the summary database of a kernel tree, and the
# check that uses it (the two phases of `make kernel-check DB=1`).
#
# Phase 1 compiles, with kbuild's recorded commands of the whole-tree
# build (`make kernel-check ALL=1`) and this checkout's plugin
# (recheck.sh), every object of the directories that hold a file calling
# the pin API whose source mentions 'struct page' or 'struct folio' (no
# other function can have a summary), each with
# -fplugin-arg-pinbalance-summaries-out and -summaries-only (the compile
# stops once the summaries are written: no code), and merges what they write
# (merge-summaries.py).  A wrapper that calls a wrapper of another file
# gets its summary only once that one is in the database, so the phase
# runs again with the database as rules until it no longer changes: the
# rounds are counted.  A round after the first compiles only the units
# that call a function defined in another file whose lines the last
# round changed (the others cannot summarize differently), and the units
# of any directory that mention a function the database newly asks about
# (a site whose iterator is a parameter of a function other files call
# asks where theirs come from: each caller answers, and may pass on its
# own parameter, asking in turn), and keeps the other units' lines.
# The same objects compiled without the plugin give the time beside it.
#
# Phase 2 compiles every configured object that calls an acquire or a
# release of the rules or of the database, with the database, and prints
# the findings and the stats (the sites left unchecked among them), next
# to the same objects without it.
#
#   ~/.cache/pinbalance/summaries-VERSION.rules   the database
#
# Environment: PLUGIN, JOBS, PINBALANCE_CACHE, ROUNDS (at most; default 6),
# PHASE=2 (only the check, with the database of an earlier run),
# CENSUS=FILE (phase 2 with the database also appends its census to FILE:
# each site's verdict, and the function without a rule or summary that
# took its pages, "(to F)").
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
src=$cache/linux-source-$version
build=$cache/build-$version$kcc_suffix-all
log=$cache/kernel-check-$version$kcc_suffix-all.log
[ -f "$log" ] || die "no whole-tree build of $version: run make kernel-check ALL=1 first"
db=$cache/summaries-$version.rules
work=$(mktemp -d /tmp/pinbalance-db.XXXXXX)
trap 'rm -rf "$work"' EXIT
max_rounds=${ROUNDS:-6}
recheck=$top/kernel-integration/recheck.sh
merge=$top/kernel-integration/merge-summaries.py

# The objects the whole-tree build compiled, as source paths.
grep -a -E '^  CC (\[M\] )? ' "$log" | awk '{ print $NF }' |
	sed 's|\.o$|.c|' | sort -u >"$work/built"

# timed NAME CMD...: run CMD, its time ("wall cpu") in $work/NAME.time
timed() {
	local name=$1
	shift
	LANG=C LC_ALL=C /usr/bin/time -f '%e %U %S' -o "$work/$name.time" "$@"
}
# (GNU time writes "Command exited with non-zero status N" first when
# recheck.sh ends non-zero: the figures are the last line)
seconds() { tail -n 1 "$work/$1.time" | awk '{ printf "%.0f s wall, %.0f s CPU", $1, $2 + $3 }'; }

# The awk function place(): the source file of a database line, from its
# 'defined=FILE:LINE', relative to the tree.
awk_place='function place(d) { d = $NF; sub(/^defined=/, "", d); sub(/:[0-9]+$/, "", d)
	if (index(d, src) == 1) d = substr(d, length(src) + 1); return d }'

# per_file PAIRS FIND: for each file of the "file<TAB>name" lines of
# PAIRS, the units that "FIND NAMES" prints (NAMES: an ERE alternation of
# that file's names), the file itself excepted.
per_file() {
	local pairs=$1 find=$2 d names
	cut -f1 "$pairs" | sort -u | while read -r d; do
		names=$(awk -F'\t' -v d="$d" '$1 == d { print $2 }' "$pairs" | paste -sd'|')
		"$find" "$names" | { grep -vFx "$d" || true; }
	done | sort -u
}

# calls_in_phase1 NAMES: the phase-1 units that call one of NAMES.
calls_in_phase1() {
	local -a units
	mapfile -t units <"$work/phase1"
	callers_in "$src" "$1" "${units[@]}"
}

# mentions_in_built NAMES: the built units, of any directory, that name
# one of NAMES (a call, or an address taken).
mentions_in_built() {
	(cd "$src" && xargs grep -lwE "$1" <"$work/built" 2>/dev/null || true)
}

# callers_across DB: the phase-1 units that call a function of DB defined
# in another .c file than their own.
callers_across() {
	awk -v src="$src/" "$awk_place"'
	!/^#/ && $1 != "field" && $1 != "asks" && $1 != "passes" { print place() "\t" $2 }' \
		"$1" | sort -u >"$work/defined"
	per_file "$work/defined" calls_in_phase1
}

# asked DB: "file<TAB>name" for each function DB asks about (where do
# the iterators it is given come from?) and the file that asks: 'asks F',
# and each 'passes ... from=G:argM', which asks about G in turn.
asked() {
	awk -v src="$src/" "$awk_place"'
	$1 == "asks" { print place() "\t" $2 }
	$1 == "passes" { for (i = 3; i <= NF; i++) if ($i ~ /^from=[A-Za-z_][A-Za-z0-9_]*:arg[0-9]+$/) {
		g = substr($i, 6); sub(/:.*/, "", g); print place() "\t" g } }' "$1" | sort -u
}

# askers DB PREV: the built units, of any directory, that mention a
# function DB asks about and PREV did not, except the file that asks: each
# may answer where the iterators it passes come from, or that a function
# pointer may call the function.
askers() {
	asked "$1" >"$work/asked-new"
	asked "$2" >"$work/asked-old"
	sort "$work/asked-old" | comm -23 "$work/asked-new" - >"$work/asked"
	per_file "$work/asked" mentions_in_built
}

phase1() {
# Phase 1: the directories of the pin-API files, their page code.
rule_call_sources "$src" | xargs -n1 dirname | sort -u >"$work/dirs"
while read -r d; do
	grep -E "^$d/[^/]+\.c$" "$work/built" || true
done <"$work/dirs" | sort -u >"$work/dir-sources"
(cd "$src" && xargs grep -lsE 'struct (page|folio)\b' <"$work/dir-sources" || true) |
	sort -u >"$work/phase1"
say "phase 1: $(wc -l <"$work/phase1") objects of $(wc -l <"$work/dirs") directories ($(wc -l <"$work/dir-sources") built there)"
only1="^($(objects_re <"$work/phase1"))\$"

: >"$work/db-0.rules"
cp "$work/phase1" "$work/again-1"
round=0
fixpoint=no
while [ "$round" -lt "$max_rounds" ]; do
	round=$((round + 1))
	prev=$work/db-$((round - 1)).rules
	rules=()
	[ ! -s "$prev" ] || rules=("rules=$prev")
	: >"$work/raw-$round"
	BUILD=$build LOG=$log ONLY="^($(objects_re <"$work/again-$round"))\$" \
		ARGS="summaries-out=$work/raw-$round summaries-only ${rules[*]:-}" \
		timed "round-$round" "$recheck" "$version" >"$work/recheck-$round.out" || true
	# a database the plugin cannot load fails every compile: say so
	if grep -a -q 'cannot load the rules' "$work/recheck-$round.out"; then
		grep -a -m 3 -E 'rules:[0-9]+:[0-9]+: error' "$work/recheck-$round.out" >&2 || true
		die "round $round: the database of round $((round - 1)) does not load"
	fi
	# the units compiled again replace their lines of the last database
	sed "s|^|$src/|" "$work/again-$round" >"$work/again-paths"
	awk 'NR == FNR { again[$0] = 1; next }
	     /^#conflict / { print; next }
	     { p = $NF; sub(/^defined=/, "", p); sub(/:[0-9]+$/, "", p) }
	     !(p in again)' "$work/again-paths" "$prev" >"$work/kept-$round"
	python3 "$merge" --stats -o "$work/db-$round.rules" "$work/kept-$round" \
		"$work/raw-$round" 2>"$work/merge-$round.err" || true
	say "round $round: $(wc -l <"$work/again-$round") objects, $(grep -c -v '^#' "$work/db-$round.rules" || true) rules, $(seconds "round-$round")"
	if cmp -s "$work/db-$round.rules" "$prev"; then
		fixpoint=yes
		break
	fi
	# Only a unit that calls a function whose lines this round changed,
	# defined in another file, can summarize differently now (a wrapper
	# of another file's wrapper; its own functions it summarised
	# itself), and only a unit that mentions a function newly asked
	# about, in any directory, has a new question to answer: the next
	# round compiles those, and keeps the others' lines.  None: nothing
	# can change any more.
	sort "$prev" >"$work/prev-sorted"
	sort "$work/db-$round.rules" | comm -3 - "$work/prev-sorted" |
		sed 's/^\t//' >"$work/changed-$round"
	{ callers_across "$work/changed-$round"
	  askers "$work/db-$round.rules" "$prev"; } | sort -u >"$work/again-$((round + 1))"
	if [ ! -s "$work/again-$((round + 1))" ]; then
		fixpoint=yes
		break
	fi
done
cp "$work/db-$round.rules" "$db"
BUILD=$build LOG=$log ONLY="$only1" PLAIN=1 \
	timed plain1 "$recheck" "$version" >"$work/plain1.out" || true
}

if [ "${PHASE:-1}" = 2 ]; then
	[ -f "$db" ] || die "no database $db: run without PHASE=2 first"
else
	phase1
fi

# Phase 2: the objects that call the rules' or the database's functions.
rule_call_sources "$src" "$db" | grep -Fx -f "$work/built" >"$work/phase2" || true
only2="^($(objects_re <"$work/phase2"))\$"
BUILD=$build LOG=$log ONLY="$only2" ARGS="stats" \
	timed without "$recheck" "$version" >"$work/without.out" || true
census=()
[ -z "${CENSUS:-}" ] || census=("census=$(realpath "$CENSUS")")
BUILD=$build LOG=$log ONLY="$only2" ARGS="stats rules=$db ${census[*]:-}" \
	timed with "$recheck" "$version" >"$work/with.out" || true

lines=$(grep -c -v '^#' "$db" || true)
# its size: the functions summarised, the struct fields, the questions and
# answers about callers' iterators
functions=$(awk '!/^#/ && $1 != "field" && $1 != "asks" && $1 != "passes" { print $2 }' "$db" | sort -u | wc -l)
fields=$(grep -c '^field ' "$db" || true)
facts=$(grep -c -E '^(asks|passes) ' "$db" || true)
conflicts=$( { grep '^#conflict' "$db" || true; } | awk '{ print $2 }' | sort -u | wc -l)
echo
echo "pinbalance summary database: linux-source-$version, x86_64 defconfig + pin-api.config (whole-tree build)"
if [ "${PHASE:-1}" != 2 ]; then
	echo "  phase 1:   $(wc -l <"$work/phase1") objects (the page code of $(wc -l <"$work/dirs") directories holding pin-API callers)"
	echo "  rounds:    $round (fixpoint: $fixpoint; at most $max_rounds)"
	for r in $(seq 1 "$round"); do
		echo "    round $r: $(wc -l <"$work/again-$r") objects, $(seconds "round-$r")"
	done
	echo "  plainly:   $(seconds plain1) (the same objects without the plugin)"
	grep -a -h '^merge-summaries: .*different' "$work/merge-$round.err" | head -n 20 | sed 's/^/    /' || true
fi
echo "  database:  $db: $lines rules: $functions functions, $fields struct fields, $facts questions and answers about callers' iterators; $conflicts functions left unknown (conflicts)"
echo "  phase 2:   $(wc -l <"$work/phase2") objects call a function of the rules or of the database"
echo "    without the database: $(seconds without)"
{ grep -a -E '^recheck: ' "$work/without.out" || true; } | sed 's/^/      /'
echo "    with the database:    $(seconds with)"
{ grep -a -E '^recheck: ' "$work/with.out" || true; } | sed 's/^/      /'
echo "    findings with the database:"
{ grep -a -E ': (warning|error): .*\[CWE-[0-9]+\]' "$work/with.out" || true; } | sed "s|$src/||g; s/^/      /"
