#!/bin/bash
# kernel-check.sh - build every Linux object that uses the pin API with the
# pin balance plugin enabled through kbuild (CONFIG_GCC_PLUGIN_PIN_BALANCE=y).
#
# On a fresh machine it installs what it needs from Debian, unpacks
# linux-source-VERSION into a cache outside the checkout, applies
# kernel-integration/apply.sh, configures x86_64 defconfig plus the
# subsystems that call the pin API (pin-api.config) and the plugin
# (pinbalance.config), and builds, through kbuild, every object whose source
# calls a pin or unpin function named in rules/linux.rules (found by
# searching the tree).  It prints progress, then a summary.  A second run
# reuses the unpacked, configured and prepared tree.
#
# Usage: kernel-integration/kernel-check.sh [VERSION]     (default 6.12)
# Environment: PINBALANCE_CACHE (default ~/.cache/pinbalance), JOBS.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
start=$(date +%s)
prepare_source "$version"
build=$cache/build-$version
log=$cache/kernel-check-$version.log
prepare_build "$build" "$top/kernel-integration/pin-api.config" \
	"$top/kernel-integration/pinbalance.config"

# The pin and unpin functions, from the rules; the files calling them, from
# the tree.
names=$(awk '($1 == "acquire" || $1 == "release") && / kind=pin / { print $2 }' \
	"$top/rules/linux.rules" | paste -sd'|')
mapfile -t sources < <(cd "$src" && grep -rlE --include='*.c' "\\b($names)[[:space:]]*\\(" \
	--exclude-dir=tools --exclude-dir=Documentation --exclude-dir=samples \
	--exclude-dir=scripts . | sed 's|^\./||' | sort)
objects=()
skipped=0
for s in "${sources[@]}"; do
	case "$s" in arch/*) [[ "$s" == arch/x86/* ]] || { skipped=$((skipped + 1)); continue; } ;; esac
	objects+=("${s%.c}.o")
done
say "${#sources[@]} files call the pin API; building ${#objects[@]} objects for x86_64 with kbuild"

# Rebuild them all: the check is the compile.
for o in "${objects[@]}"; do rm -f "$build/$o"; done
built_start=$(date +%s)
declare -A wanted
for o in "${objects[@]}"; do wanted[$o]=1; done
n=0
# kbuild's "  CC [M]  path" lines of the objects asked for are the progress
make -C "$src" O="$build" -k -j"$jobs" \
	KCFLAGS="-fplugin-arg-pinbalance_plugin-stats" "${objects[@]}" 2>&1 |
	tee "$log" | while IFS= read -r line; do
		case $line in
		*"  CC "*)
			[ -n "${wanted[${line##* }]:-}" ] || continue
			n=$((n + 1))
			printf '%s: [%d/%d] %s\n' "${0##*/}" "$n" "${#objects[@]}" "${line##* }" >&2 ;;
		*"[CWE-"*) printf '%s: finding: %s\n' "${0##*/}" "$line" >&2 ;;
		esac
	done || true
end=$(date +%s)

built=0
missing=()
for o in "${objects[@]}"; do
	if [ -f "$build/$o" ]; then built=$((built + 1)); else missing+=("$o"); fi
done
stats=$(grep -a '^pinbalance: ' "$log" | grep -v 'ignore rule' || true)
sites=$(awk '{s += $7} END {print s + 0}' <<<"$stats")
untracked=$(awk '{gsub(/\(/, "", $10); s += $10} END {print s + 0}' <<<"$stats")
owned=$(awk '{s += $12} END {print s + 0}' <<<"$stats")
functions=$(awk '{s += $3} END {print s + 0}' <<<"$stats")
findings=$({ grep -a -E ': (warning|error): .*\[CWE-[0-9]+\]' "$log" || true; } | sort -u | wc -l)
misfits=$(grep -a -c 'does not fit its declaration' "$log" || true)

echo
echo "pinbalance kernel check: linux-source-$version, x86_64 defconfig + pin-api.config, CONFIG_GCC_PLUGIN_PIN_BALANCE=y"
echo "  objects built:          $built of ${#objects[@]} (${#sources[@]} files call the pin API; $skipped other-arch files skipped)"
[ ${#missing[@]} -eq 0 ] || echo "  not built (not in this configuration, or other-arch code): ${missing[*]}"
echo "  functions compiled:     $functions"
echo "  pin/get sites seen:     $sites ($untracked untracked, $owned caller-owned: leak not checked)"
echo "  findings:               $findings"
echo "  rules not fitting:      $misfits"
echo "  wall time:              $((end - start)) s ($((end - built_start)) s building the objects)"
echo "  full log:               $log"
if [ "$findings" -gt 0 ]; then
	echo
	grep -a -E ': (warning|error): .*\[CWE-[0-9]+\]' "$log" | sort -u
fi
