#!/bin/bash
# check-kernel.sh - the enforce option stops a real kernel build.
#
# Builds drivers/misc/xilinx_sdfec.o (Linux 6.12) through kbuild with
# CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE=y three times:
#   1. as shipped: must build;
#   2. with xsdfec_table_write()'s unpin_user_page(pages[i]) edited into
#      put_page(pages[i]), releasing a pinned page as a FOLL_GET one: the
#      build must fail at that object, with the plugin's error on that line;
#   3. with the edit reverted: must build again.
# The source file is restored however the script ends.  Prints one PASS or
# FAIL line per step and "N passed, N failed".
#
# Usage: kernel-integration/check-kernel.sh [VERSION]     (default 6.12)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
obj=drivers/misc/xilinx_sdfec.o
file=drivers/misc/xilinx_sdfec.c
prepare_source "$version"
build=$cache/build-$version-enforce
prepare_build "$build" "$top/kernel-integration/pin-api.config" \
	"$top/kernel-integration/enforce.config"
grep -q '^CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE=y' "$build/.config" ||
	die "CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE did not stick"
grep -q '^CONFIG_XILINX_SDFEC=[ym]' "$build/.config" ||
	die "CONFIG_XILINX_SDFEC is off: $obj would not be built"

passed=0
failed=0
result() {
	if [ "$1" = pass ]; then
		passed=$((passed + 1)); echo "PASS: $2"
	else
		failed=$((failed + 1)); echo "FAIL: $2"
	fi
}

backup=$(mktemp)
cp "$src/$file" "$backup"
restore() { cmp -s "$backup" "$src/$file" || cp "$backup" "$src/$file"; rm -f "$backup"; }
trap restore EXIT

build_obj() {
	rm -f "$build/$obj"
	LANG=C LC_MESSAGES=C LC_CTYPE=C make -C "$src" O="$build" -j"$jobs" "$obj" >"$build/check-kernel-$1.log" 2>&1
}

# 1. as shipped
if build_obj shipped; then
	result pass "$obj builds with CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE=y"
else
	result fail "$obj builds with CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE=y (see $build/check-kernel-shipped.log)"
fi

# 2. the pinned page released with put_page(): one line, found by content
line=$(awk '/kunmap_local\(addr\);/ { k = NR } k && NR == k + 1 && /unpin_user_page\(pages\[i\]\);/ { print NR; exit }' "$src/$file")
[ -n "$line" ] || die "$file: the unpin_user_page(pages[i]) after kunmap_local(addr) is not where expected"
sed -i "${line}s/unpin_user_page(pages\\[i\\]);/put_page(pages[i]);/" "$src/$file"
say "edited $file:$line: unpin_user_page(pages[i]) -> put_page(pages[i])"
if build_obj edited; then
	result fail "the build fails when $file:$line puts a pinned page (it built)"
elif grep -qE "xilinx_sdfec.c:$line:[0-9]+: error: pinned page released with .{1,3}put_page" \
	"$build/check-kernel-edited.log"; then
	result pass "the build fails at $obj with the plugin's error at $file:$line"
	grep -E "error: pinned page released" "$build/check-kernel-edited.log" | head -1
else
	result fail "the build fails at $obj with the plugin's error at $file:$line (see $build/check-kernel-edited.log)"
fi

# 3. reverted
restore
trap - EXIT
if build_obj reverted; then
	result pass "$obj builds again once the edit is reverted"
else
	result fail "$obj builds again once the edit is reverted (see $build/check-kernel-reverted.log)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
