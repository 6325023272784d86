#!/bin/bash
# recheck.sh [VERSION] - the objects of the last kernel check, compiled
# again with the repository's plugin, without kbuild.
#
# For every object that `make kernel-check` built (the files calling an
# acquire or a release of the rules), takes the compile command kbuild
# recorded in its .o.cmd, swaps the kernel's copy of the plugin for
# $PLUGIN (plugin/pinbalance.so of this checkout by default), writes the
# object to /dev/null and the dependencies nowhere, and runs it.  Nothing
# in the build directory changes.  Prints each finding, then
#   recheck: N objects, F findings, I internal compiler errors, E failed
# and the stats summed over the objects.  A plugin change is tried on the
# whole pin/get part of the tree in minutes, before a kbuild run.
#
# Environment: PLUGIN, JOBS (default: the number of CPUs), ONLY (a
# regular expression: only the objects whose path matches it),
# ARGS (more plugin arguments, e.g. "debug"), PLAIN=1 (compile without the
# plugin, for a time beside it), CFLAGS_EXTRA (more compiler
# options, e.g. -fdiagnostics-generate-patch), KEEP (a directory that
# keeps each object's compiler output, as OBJECT-PATH-WITH-_.log),
# PINBALANCE_CACHE, and BUILD and LOG (another build directory and the
# kbuild log that lists its objects, e.g. the whole-tree build of ALL=1).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
build=${BUILD:-$cache/build-$version$kcc_suffix}
plugin=$(realpath "${PLUGIN:-$top/plugin/pinbalance.so}")
log=${LOG:-$cache/kernel-check-$version$kcc_suffix-selected.log}
[ -f "$log" ] || die "no kernel check of $version yet: run make kernel-check first"
[ -f "$plugin" ] || die "no plugin $plugin: run make first"
out=$(mktemp -d /tmp/pinbalance-recheck.XXXXXX)
trap 'rm -rf "$out"' EXIT
# a copy: a rebuild of the plugin during the run does not mix two versions
cp "$plugin" "$out/pinbalance.so"
plugin=$out/pinbalance.so

# The objects kbuild compiled in that check.
mapfile -t objects < <(grep -a -E '^  CC (\[M\] )? ' "$log" |
	awk '{ print $NF }' | grep -E "${ONLY:-.}" | sort -u |
	while read -r o; do [ ! -f "$build/$o" ] || echo "$o"; done)

# The recorded command of OBJECT, with this plugin and no outputs.
object_command() {
	local obj=$1 cmdfile extra=""
	cmdfile=$build/$(dirname "$obj")/.$(basename "$obj").cmd
	[ -f "$cmdfile" ] || return 1
	for a in ${ARGS:-}; do extra="$extra -fplugin-arg-pinbalance-$a"; done
	extra="$extra ${CFLAGS_EXTRA:-}"
	if [ "${PLAIN:-0}" = 1 ]; then
		# the same compile without the plugin, for the time beside it
		sed -n -E 's/^(saved)?cmd_[^ ]* := //p' "$cmdfile" | head -n 1 |
			sed -e 's/-Wp,-MMD,[^ ]*//' \
			    -e 's| -fplugin=[^ ]*pinbalance_plugin.so||' \
			    -e 's| -fplugin-arg-pinbalance_plugin-[^ ]*||g' \
			    -e 's| -o [^ ]*\.o | -o /dev/null |'
		return 0
	fi
	sed -n -E 's/^(saved)?cmd_[^ ]* := //p' "$cmdfile" | head -n 1 |
		sed -e 's/-Wp,-MMD,[^ ]*//' \
		    -e "s|-fplugin=[^ ]*pinbalance_plugin.so|-fplugin=$plugin$extra|" \
		    -e 's/-fplugin-arg-pinbalance_plugin-/-fplugin-arg-pinbalance-/g' \
		    -e 's| -o [^ ]*\.o | -o /dev/null |'
}
export -f object_command
export build plugin out ARGS CFLAGS_EXTRA PLAIN

compile_one() {
	local obj=$1 cmd name
	name=$(echo "$obj" | tr / _)
	cmd=$(object_command "$obj") || { echo "no-command $obj" >"$out/$name.err"; return 0; }
	(cd "$build" && eval "$cmd") >"$out/$name.log" 2>&1 ||
		echo "failed $obj" >"$out/$name.err"
}
export -f compile_one

say "compiling ${#objects[@]} objects of $build with $plugin"
printf '%s\n' "${objects[@]}" | xargs -P "$jobs" -I{} bash -c 'compile_one {}'

cat "$out"/*.log 2>/dev/null >"$out/all" || true
[ -z "${KEEP:-}" ] || { mkdir -p "$KEEP" && cp "$out"/*.log "$KEEP"/ 2>/dev/null || true; }
finding_lines "$out"/*.log 2>/dev/null || true
findings=$(finding_lines "$out"/*.log 2>/dev/null | wc -l)
ices=$(grep -a -c 'internal compiler error' "$out/all" || true)
failed=$( (cat "$out"/*.err 2>/dev/null || true) | wc -l)
cat "$out"/*.err 2>/dev/null || true
stats=$(grep -a '^pinbalance: ' "$out/all" | grep -v 'ignore rule' || true)
echo "recheck: ${#objects[@]} objects, $findings findings, $ices internal compiler errors, $failed failed"
awk '{ f += $3; a += $5; s += $7; gsub(/\(/, "", $10); u += $10; o += $12
	c += $17 }
	END { printf "recheck: %d functions (%d analysed), %d sites (%d untracked, %d caller-owned, %d that may take no reference)\n", f, a, s, u, o, c }' <<<"$stats"
# The rest of the stats line: summaries, struct fields judged, and where
# the caller-owned sites went (a caller's struct field, a wrapper whose
# callers are checked, the error returns, or unchecked: each site of the
# last two counted once by the plugin).
perl -ne '
	$s += $1 if /(\d+) summaries/;
	$l += $1 if /sites whose page a loop carries to its next round: (\d+)/;
	$t += $1 if /may take no reference: (\d+) checked where a test/;
	$r += $1 if /(\d+) checked by the record of their kind/;
	($uc, $uo) = ($uc + $1, $uo + $2) if /(\d+) unchecked whose iterator is their caller.s, (\d+) unchecked otherwise/;
	($fp, $ff, $fu) = ($fp + $1, $ff + $2, $fu + $3) if /iterators unchecked: (\d+) come through function pointers, (\d+) from other files, (\d+) from this file.s callers/;
	($j, $n) = ($j + $1, $n + $2) if /(\d+) page fields judged \((\d+) not/;
	($f, $w, $e, $c, $u) = ($f + $1, $w + $2, $e + $3, $c + $4, $u + $5)
		if /caller-owned sites: (\d+) in struct fields, (\d+) in wrappers checked at their callers, (\d+) in a parameter.s memory checked at error returns, (\d+) unchecked with their count stored for the caller, (\d+) unchecked;/;
	END {
		printf "recheck: %d summaries, %d page fields judged (%d not)\n", $s, $j, $n;
		printf "recheck: sites whose page a loop carries to its next round: %d, followed\n", $l;
		printf "recheck: sites that may take no reference: %d checked where a test of their iterator tells, %d checked by the record of their kind, %d unchecked whose iterator is their caller\x27s, %d unchecked otherwise\n", $t, $r, $uc, $uo;
		printf "recheck: of the caller\x27s iterators unchecked: %d come through function pointers, %d from other files, %d from this file\x27s callers\n", $fp, $ff, $fu;
		printf "recheck: caller-owned sites: %d in struct fields, %d in wrappers checked at their callers, %d in a parameter\x27s memory checked at error returns, %d unchecked with their count stored for the caller, %d unchecked\n",
			$f, $w, $e, $c, $u;
	}' <<<"$stats"
# Why pages still held went quiet: the end of the stats line, summed.
grep -a 'sites whose held pages were handed over' "$out/all" | perl -ne '
	s/.*handed over: //; @n = /(\d+) /g; $t[$_] += $n[$_] for 0 .. $#n;
	END {
		printf "recheck: sites whose held pages were handed over: %d to functions of other files without a rule, %d to functions of this file without a summary, %d through function pointers, %d to a call on the branch where it succeeded, %d to owners, %d by stores, %d by stores into a caller\x27s struct, %d returned, %d to asm\n", @t;
	}'
