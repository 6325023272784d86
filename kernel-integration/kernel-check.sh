#!/bin/bash
# kernel-check.sh - check every Linux object that uses the pin API.
#
# Installs what it needs from Debian, unpacks linux-source-6.12 into a cache
# outside the checkout, configures x86_64 defconfig plus the subsystems that
# call the pin API (kernel-integration/pin-api.config), then builds through
# kbuild every object whose source calls pin_user_pages*(), unpin_*() and
# friends (found by searching the tree), with the plugin loaded, and prints
# a summary.  A second run reuses the prepared tree.
#
# Usage: kernel-integration/kernel-check.sh [VERSION]     (default 6.12)
# Environment: PINBALANCE_CACHE (default ~/.cache/pinbalance), JOBS.
set -euo pipefail

version=${1:-6.12}
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${PINBALANCE_CACHE:-$HOME/.cache/pinbalance}
tree=$cache/linux-source-$version
log=$cache/kernel-check-$version.log
jobs=${JOBS:-$(nproc)}
plugin=$top/plugin/pinbalance.so

say() { printf 'kernel-check: %s\n' "$*" >&2; }

need_pkgs() {
	local missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing ${missing[*]}"
	if [ "$(id -u)" -ne 0 ]; then
		say "not root: install them with apt-get first"; exit 1
	fi
	apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
}

need_pkgs gcc-12-plugin-dev "linux-source-$version" flex bison bc libelf-dev \
	libssl-dev make xz-utils
make -C "$top" -s >/dev/null

if [ ! -f "$tree/Makefile" ]; then
	say "unpacking /usr/src/linux-source-$version.tar.xz into $cache"
	mkdir -p "$cache"
	tar -C "$cache" -xf "/usr/src/linux-source-$version.tar.xz"
fi
cd "$tree"
if [ ! -f .config ] || [ "$top/kernel-integration/pin-api.config" -nt .config ]; then
	say "configuring: x86_64 defconfig + pin-api.config"
	make -s defconfig >/dev/null
	scripts/kconfig/merge_config.sh -m .config \
		"$top/kernel-integration/pin-api.config" >/dev/null
	make -s olddefconfig >/dev/null
fi
if [ ! -f include/generated/autoconf.h ] || [ .config -nt include/generated/autoconf.h ]; then
	say "make prepare (first run only)"
	make -s -j"$jobs" prepare >/dev/null 2>&1
fi

# Every C file that calls the pin API, from the tree itself.
pattern='\b(pin_user_pages(_fast|_remote|_unlocked)?|unpin_user_pages?(_dirty_lock)?|unpin_user_page_range_dirty_lock|memfd_pin_folios|unpin_folios?|iov_iter_extract_pages)[[:space:]]*\('
mapfile -t sources < <(grep -rlE --include='*.c' "$pattern" \
	--exclude-dir=tools --exclude-dir=Documentation --exclude-dir=samples . |
	sed 's|^\./||' | sort)

# Build only what this configuration builds: kbuild's own list of objects.
objects=()
skipped=0
for src in "${sources[@]}"; do
	case "$src" in arch/*) [[ "$src" == arch/x86/* ]] || { skipped=$((skipped + 1)); continue; } ;; esac
	objects+=("${src%.c}.o")
done
say "${#sources[@]} files call the pin API; building ${#objects[@]} objects for x86_64 (progress in $log)"

rm -f "$log"
for o in "${objects[@]}"; do rm -f "$o"; done
start=$(date +%s)
n=0
for o in "${objects[@]}"; do
	n=$((n + 1))
	printf 'kernel-check: [%d/%d] %s\n' "$n" "${#objects[@]}" "$o" >&2
	make -s -k KCFLAGS="-fplugin=$plugin -fplugin-arg-pinbalance-stats -Wno-error" \
		"$o" >>"$log" 2>&1 || true
done
end=$(date +%s)

built=0
for o in "${objects[@]}"; do [ -f "$o" ] && built=$((built + 1)); done
stats=$(grep -a '^pinbalance: ' "$log" | grep -v -e '^pinbalance: <stdin>' || true)
sites=$(awk '{s += $7} END {print s + 0}' <<<"$stats")
untracked=$(awk '{gsub(/\(/, "", $10); s += $10} END {print s + 0}' <<<"$stats")
owned=$(awk '{s += $12} END {print s + 0}' <<<"$stats")
findings=$(grep -a -cE 'warning: .*\[CWE-[0-9]+\]' "$log" || true)

echo
echo "pinbalance kernel check: linux-source-$version, x86_64 defconfig + pin-api.config"
echo "  objects built:          $built of ${#objects[@]} (${#sources[@]} files call the pin API; $skipped other-arch files skipped)"
echo "  pin/get sites seen:     $sites ($untracked untracked, $owned caller-owned: leak not checked)"
echo "  findings:               $findings"
echo "  wall time:              $((end - start)) s"
echo "  full log:               $log"
if [ "$findings" -gt 0 ]; then
	echo
	grep -a -E 'warning: .*\[CWE-[0-9]+\]' "$log" | sort -u
fi
