#!/bin/bash
# kernel-check.sh - build Linux with the pin balance plugin enabled through
# kbuild (CONFIG_GCC_PLUGIN_PIN_BALANCE=y) and summarise what it found.
#
# On a fresh machine it installs what it needs from Debian, unpacks
# linux-source-VERSION into a cache outside the checkout, applies
# kernel-integration/apply.sh, configures x86_64 defconfig (CONFIG_WERROR=y
# as defconfig has it) plus the subsystems that call the pin API
# (pin-api.config) and the plugin (pinbalance.config), and builds through
# kbuild:
#
#   - by default, every object whose source calls a function that the
#     rules (rules/linux.rules) name as an acquire or a release, of either
#     kind: every file the plugin has something to analyse in;
#   - with ALL=1, the whole configured tree (vmlinux and modules), from
#     clean, and then (unless PLAIN=0) the same tree without the plugin,
#     from clean, for the time ratio.
#
# It prints progress, then a summary: objects built, functions compiled,
# sites seen, findings, internal compiler errors and failed objects.  A
# second run reuses the unpacked, configured and prepared tree.
#
# Usage: kernel-integration/kernel-check.sh [VERSION]     (default 6.12)
# Environment: ALL=1 (whole tree), PLAIN=0 (no plain build with ALL=1),
#   DB=1 (with ALL=1: then the summary database of the tree and the check
#   with it, kernel-integration/summaries.sh),
#   KERNEL_CC=gcc-11 (build with another GCC), PINBALANCE_CACHE
#   (default ~/.cache/pinbalance), JOBS (default: the number of CPUs).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
all=${ALL:-0}
plain=${PLAIN:-1}
start=$(date +%s)
prepare_source "$version"
# The whole tree gets a build directory of its own, so that its "make
# clean" leaves the selected objects (and their recorded commands, which
# kernel-recall.sh reuses) in place.
build=$cache/build-$version$kcc_suffix
what=selected
if [ "$all" = 1 ]; then
	what=all
	build=$build-all
fi
log=$cache/kernel-check-$version$kcc_suffix-$what.log
prepare_build "$build" "$top/kernel-integration/pin-api.config" \
	"$top/kernel-integration/pinbalance.config"

# The files that call an acquire or a release named in the rules.
select_objects() {
	local s
	mapfile -t sources < <(rule_call_sources "$src")
	objects=()
	skipped=0
	for s in "${sources[@]}"; do
		case "$s" in arch/*) [[ "$s" == arch/x86/* ]] ||
			{ skipped=$((skipped + 1)); continue; } ;; esac
		objects+=("${s%.c}.o")
	done
}

# kbuild's "  CC [M]  path" lines are the progress: of the objects asked
# for (an associative array of them in the caller's 'wanted'), or of all.
show_progress() {
	local total=$1 n=0 line
	while IFS= read -r line; do
		case $line in
		*"  CC "*)
			if [ "$total" -gt 0 ]; then
				[ -n "${wanted[${line##* }]:-}" ] || continue
				n=$((n + 1))
				printf '%s: [%d/%d] %s\n' "${0##*/}" "$n" "$total" \
					"${line##* }" >&2
			else
				n=$((n + 1))
				[ $((n % 100)) -ne 0 ] ||
					printf '%s: [%d objects] %s\n' "${0##*/}" "$n" \
						"${line##* }" >&2
			fi ;;
		*"[CWE-"*) printf '%s: finding: %s\n' "${0##*/}" "$line" >&2 ;;
		*"internal compiler error"*) printf '%s: %s\n' "${0##*/}" "$line" >&2 ;;
		esac
	done
}

# kmake_timed TIMEFILE ARGS...: make in the tree, its time in TIMEFILE
# ("wall user system", seconds); the output on stdout.
kmake_timed() {
	local timefile=$1
	shift
	LANG=C LC_ALL=C /usr/bin/time -f '%e %U %S' -o "$timefile" \
		make -C "$src" "${kmake_cc[@]}" -k -j"$jobs" "$@" 2>&1 || true
}

run_selected() {
	local o
	select_objects
	say "${#sources[@]} files call an acquire or a release of the rules; building ${#objects[@]} objects for x86_64 with kbuild"
	# Rebuild them all: the check is the compile.
	for o in "${objects[@]}"; do rm -f "$build/$o"; done
	declare -gA wanted
	for o in "${objects[@]}"; do wanted[$o]=1; done
	kmake_timed "$log.time" O="$build" \
		PIN_BALANCE_ARGS=stats "${objects[@]}" |
		tee "$log" | show_progress "${#objects[@]}"
	built=0
	missing=()
	for o in "${objects[@]}"; do
		if [ -f "$build/$o" ]; then built=$((built + 1)); else missing+=("$o"); fi
	done
}

# The whole tree from clean, with the plugin; then without it.
run_all() {
	local plain_build=$cache/build-$version$kcc_suffix-plain
	say "building the whole configured tree with the plugin (make clean first)"
	make -C "$src" O="$build" "${kmake_cc[@]}" -s clean
	kmake_timed "$log.time" O="$build" \
		PIN_BALANCE_ARGS=stats |
		tee "$log" | show_progress 0
	built=$(grep -a -c -E '^  CC (\[M\] )? ' "$log" || true)
	[ -f "$build/vmlinux" ] && vmlinux=yes || vmlinux=no
	[ "$plain" = 1 ] || return 0
	prepare_build "$plain_build" "$top/kernel-integration/pin-api.config" \
		"$top/kernel-integration/pinbalance.config" \
		"$top/kernel-integration/plain.config"
	say "building the same tree without the plugin, for the time ratio"
	make -C "$src" O="$plain_build" "${kmake_cc[@]}" -s clean
	kmake_timed "$log.plain-time" O="$plain_build" >"$log.plain" 2>&1
	plain_built=$(grep -a -c -E '^  CC (\[M\] )? ' "$log.plain" || true)
}

if [ "$all" = 1 ]; then run_all; else run_selected; fi
end=$(date +%s)

stats=$(grep -a '^pinbalance: ' "$log" | grep -v 'ignore rule' || true)
sites=$(awk '{s += $7} END {print s + 0}' <<<"$stats")
untracked=$(awk '{gsub(/\(/, "", $10); s += $10} END {print s + 0}' <<<"$stats")
owned=$(awk '{s += $12} END {print s + 0}' <<<"$stats")
functions=$(awk '{s += $3} END {print s + 0}' <<<"$stats")
analysed=$(awk '{s += $5} END {print s + 0}' <<<"$stats")
findings=$(finding_lines "$log" | wc -l)
ices=$(grep -a -c 'internal compiler error' "$log" || true)
failed=$({ grep -a -E '^make\[[0-9]+\]: \*\*\* .*\.o\] Error' "$log" || true; } | wc -l)
misfits=$(grep -a -c 'does not fit its declaration' "$log" || true)
# GNU time writes "Command exited with non-zero status N" first when
# make -k met a failing object: the figures are the last line
read -r wall user sys < <(tail -n 1 "$log.time")

echo
echo "pinbalance kernel check: linux-source-$version, $kcc $kcc_major, x86_64 defconfig + pin-api.config, CONFIG_GCC_PLUGIN_PIN_BALANCE=y"
if [ "$all" = 1 ]; then
	echo "  whole tree:             $built objects compiled with the plugin, vmlinux built: $vmlinux"
else
	echo "  objects built:          $built of ${#objects[@]} (${#sources[@]} files call an acquire or release; $skipped other-arch files skipped)"
	[ ${#missing[@]} -eq 0 ] || echo "  not built (not in this configuration, or other-arch code): ${missing[*]}"
fi
echo "  functions compiled:     $functions ($analysed analysed: they take page references)"
echo "  pin/get sites seen:     $sites ($untracked untracked, $owned caller-owned: leak not checked)"
echo "  findings:               $findings"
echo "  internal compiler errors: $ices"
echo "  objects that failed:    $failed"
echo "  rules not fitting:      $misfits"
echo "  build time:             ${wall%.*} s wall, $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.0f", u + s}') s CPU"
if [ "$all" = 1 ] && [ "$plain" = 1 ]; then
	read -r pwall puser psys < <(tail -n 1 "$log.plain-time")
	echo "  plain build:            $plain_built objects, ${pwall%.*} s wall, $(awk -v u="$puser" -v s="$psys" 'BEGIN {printf "%.0f", u + s}') s CPU"
	echo "  with/without plugin:    $(awk -v a="$wall" -v b="$pwall" 'BEGIN {printf "%.3f", a / b}') wall, $(awk -v a="$user" -v b="$sys" -v c="$puser" -v d="$psys" 'BEGIN {printf "%.3f", (a + b) / (c + d)}') CPU"
fi
echo "  total time:             $((end - start)) s"
echo "  full log:               $log"
if [ "$findings" -gt 0 ]; then
	echo
	finding_lines "$log"
fi

# DB=1 (with ALL=1): the second phase, across files.  The summary database
# of the tree just built, and the check with it (summaries.sh).
if [ "${DB:-0}" = 1 ] && [ "$all" = 1 ]; then
	echo
	"$top/kernel-integration/summaries.sh" "$version"
fi
