#!/bin/bash
# csmith.sh [N] [SEED0] - the plugin must never break a compile of arbitrary C.
#
# Generates N (1000) random programs with csmith, seeds SEED0 (1) to
# SEED0+N-1, and compiles each one plainly ($CC -O2 -c -w) and then with
# the plugin at each of $LEVELS, plus once at -O2 with
# -fplugin-arg-pinbalance-stats.  A program is a failure when a compile
# with the plugin
#   - ends in an internal compiler error (the driver's "internal compiler
#     error", "during ... pass", a signal), or
#   - fails or times out where the same compile without the plugin does not.
# The plugin's own findings are warnings and do not count.  Programs that
# plain gcc cannot compile within $TIMEOUT seconds (csmith sometimes makes
# very slow ones), or at all, are skipped and counted as such.  Failing
# programs are kept in $OUT with the compiler's output, as
# seed-S.c and seed-S.CONFIG.log.
#
# Ends with the line
#   csmith: N programs, M compiles with the plugin, K internal compiler
#   errors, F failures only with the plugin
# (on one line) and exits 1 when K+F > 0, 2 when it cannot run at all.
#
# Environment (csmith and libcsmith-dev are installed when missing):
#   CC                 compiler (gcc); the plugin must be built for it
#   PINBALANCE_PLUGIN  plugin (plugin/pinbalance.so of this repository)
#   OUT                kept failures (build/robust/csmith of this repository)
#   TIMEOUT            seconds per compile and per csmith run (60)
#   LEVELS             optimisation levels with the plugin ("-O0 -O2")
#   CSMITH             csmith binary (csmith)
#   CSMITH_INCLUDE     where csmith.h is (/usr/include/csmith)
#   CSMITH_ARGS        extra csmith options (none)
# Runs sequentially, one compile at a time; progress goes to stderr every
# 100 programs.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-1000}
seed0=${2:-1}
cc=${CC:-gcc}
plugin=${PINBALANCE_PLUGIN:-$top/plugin/pinbalance.so}
out=${OUT:-$top/build/robust/csmith}
tmo=${TIMEOUT:-60}
levels=${LEVELS:--O0 -O2}
csmith=${CSMITH:-csmith}
inc=${CSMITH_INCLUDE:-/usr/include/csmith}
read -r -a csmith_args <<<"${CSMITH_ARGS:-}"

say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { say "$*"; exit 2; }

case $n$seed0 in
*[!0-9]*) die "usage: ${0##*/} [N] [SEED0] (numbers)" ;;
esac
# Debian's csmith, and libcsmith-dev for csmith.h, installed when missing.
if ! command -v "$csmith" >/dev/null || [ ! -f "$inc/csmith.h" ]; then
	[ "$(id -u)" -eq 0 ] || die "no $csmith or $inc/csmith.h: apt-get install csmith libcsmith-dev"
	say "installing csmith libcsmith-dev"
	apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q csmith libcsmith-dev >/dev/null
fi
command -v "$csmith" >/dev/null || die "no $csmith (apt-get install csmith)"
command -v "$cc" >/dev/null || die "no compiler $cc"
[ -f "$inc/csmith.h" ] || die "no csmith.h in $inc (set CSMITH_INCLUDE)"
[ -f "$plugin" ] || die "no plugin $plugin (set PINBALANCE_PLUGIN)"
plugin=$(cd "$(dirname "$plugin")" && pwd)/${plugin##*/}

tmp=$(mktemp -d /tmp/pinbalance-csmith.XXXXXX) || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" || die "cannot create $out"
out=$(cd "$out" && pwd)

# The plugin must load into $cc at all, or every compile would "fail".
echo 'int pb_robust_probe;' >"$tmp/probe.c"
"$cc" -c -fplugin="$plugin" "$tmp/probe.c" -o /dev/null >"$tmp/probe.log" 2>&1 ||
	die "$plugin does not load into $cc: $(head -3 "$tmp/probe.log")"

# Plugin configurations: "name|level|plugin arguments".
configs=()
for l in $levels; do
	configs+=("${l#-}|$l|")
done
configs+=("O2-stats|-O2|-fplugin-arg-pinbalance-stats")

# compile LOG ARGS...: $cc ARGS under the timeout; its exit status.
compile() {
	local log=$1
	shift
	timeout -k 5 "$tmo" "$cc" "$@" >"$log" 2>&1
}

# is_ice LOG STATUS: the compile crashed the compiler.
is_ice() {
	[ "$2" -gt 128 ] && [ "$2" -ne 124 ] && [ "$2" -ne 137 ] && return 0
	grep -qE 'internal compiler error|during [A-Z]+ pass|Please submit a full bug report|(terminated|killed) by signal' "$1"
}

# keep SEED CONFIG LOG: save a failing program and the compiler's output.
keep() {
	cp "$tmp/t.c" "$out/seed-$1.c"
	cp "$3" "$out/seed-$1.$2.log"
}

programs=0 compiles=0 ices=0 fails=0
skip_gen=0 skip_slow=0 skip_plain=0
functions=0 analyzed=0 sites=0
start=$SECONDS
say "$n csmith programs from seed $seed0, $cc, plugin $plugin"

for ((s = seed0; s < seed0 + n; s++)); do
	programs=$((programs + 1))
	if ((programs % 100 == 0)); then
		say "$programs/$n programs, $compiles plugin compiles," \
			"$ices ICEs, $fails plugin-only failures," \
			"$((skip_gen + skip_slow + skip_plain)) skipped, $((SECONDS - start)) s"
	fi
	rm -f "$tmp/t.c"
	if ! timeout -k 5 "$tmo" "$csmith" --seed "$s" "${csmith_args[@]}" \
		-o "$tmp/t.c" >"$tmp/csmith.log" 2>&1 || [ ! -s "$tmp/t.c" ]; then
		skip_gen=$((skip_gen + 1))
		continue
	fi
	compile "$tmp/plain.log" -O2 -c -w -I"$inc" "$tmp/t.c" -o /dev/null
	rc=$?
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		skip_slow=$((skip_slow + 1))
		continue
	elif [ $rc -ne 0 ]; then
		skip_plain=$((skip_plain + 1))
		cp "$tmp/t.c" "$out/plain-fails-seed-$s.c"
		cp "$tmp/plain.log" "$out/plain-fails-seed-$s.log"
		continue
	fi
	for c in "${configs[@]}"; do
		IFS='|' read -r name level args <<<"$c"
		read -r -a pargs <<<"$args"
		log=$tmp/$name.log
		compiles=$((compiles + 1))
		compile "$log" "$level" -c -I"$inc" -fplugin="$plugin" \
			"${pargs[@]}" "$tmp/t.c" -o /dev/null
		rc=$?
		if is_ice "$log" $rc; then
			ices=$((ices + 1))
			say "seed $s, $name: internal compiler error"
			keep "$s" "$name" "$log"
			continue
		fi
		if [ $rc -ne 0 ]; then
			# Does it fail the same way without the plugin?
			compile "$tmp/base.log" "$level" -c -w -I"$inc" \
				"$tmp/t.c" -o /dev/null
			if [ $? -eq 0 ]; then
				fails=$((fails + 1))
				say "seed $s, $name: fails only with the plugin (status $rc)"
				keep "$s" "$name" "$log"
			fi
			continue
		fi
		if [ "$name" = O2-stats ]; then
			# pinbalance: FILE: F functions, A analyzed, S pin/get sites ...
			read -r f a p < <(sed -n 's/^pinbalance: .*: \([0-9]*\) functions, \([0-9]*\) analyzed, \([0-9]*\) pin\/get sites.*/\1 \2 \3/p' "$log" | head -1)
			functions=$((functions + ${f:-0}))
			analyzed=$((analyzed + ${a:-0}))
			sites=$((sites + ${p:-0}))
		fi
	done
done

echo "csmith: seeds $seed0..$((seed0 + n - 1)), $((SECONDS - start)) s;" \
	"skipped $skip_slow (plain gcc timed out), $skip_plain (plain gcc failed)," \
	"$skip_gen (csmith failed); stats: $functions functions," \
	"$analyzed analyzed, $sites pin/get sites"
echo "csmith: $programs programs, $compiles compiles with the plugin," \
	"$ices internal compiler errors, $fails failures only with the plugin"
[ $((ices + fails)) -eq 0 ]
