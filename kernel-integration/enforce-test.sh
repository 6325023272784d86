#!/bin/bash
# enforce-test.sh - a finding fails a real kernel build only when
# enforcement asks for it.
#
# Builds drivers/misc/xilinx_sdfec.o (Linux 6.12) through kbuild, with
# defconfig's CONFIG_WERROR=y throughout:
#   1. as shipped, with CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE=y: must build;
#   2. with xsdfec_table_write()'s unpin_user_page(pages[i]) edited into
#      put_page(pages[i]), releasing a pinned page as a FOLL_GET one: the
#      enforcing build must fail at that object, with the plugin's error
#      on that line;
#   3. the same edit with CONFIG_GCC_PLUGIN_PIN_BALANCE=y alone: must
#      build, the finding a warning that -Werror did not promote;
#   4. with the edit reverted: the enforcing build must pass again.
# The source file is restored however the script ends.  Prints one PASS or
# FAIL line per step and "N passed, N failed".
#
# Usage: kernel-integration/enforce-test.sh [VERSION]     (default 6.12)
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
warn_build=$cache/build-$version-warn
prepare_build "$warn_build" "$top/kernel-integration/pin-api.config" \
	"$top/kernel-integration/pinbalance.config"
for b in "$build" "$warn_build"; do
	grep -q '^CONFIG_WERROR=y' "$b/.config" ||
		die "$b/.config: CONFIG_WERROR is off: the test needs -Werror"
done

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

# build_obj NAME [DIR]: build the object in DIR (the enforcing build).
build_obj() {
	local dir=${2:-$build}
	rm -f "$dir/$obj"
	LANG=C LC_MESSAGES=C LC_CTYPE=C make -C "$src" O="$dir" -j"$jobs" "$obj" >"$dir/enforce-test-$1.log" 2>&1
}

# 1. as shipped
if build_obj shipped; then
	result pass "$obj builds with CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE=y"
else
	result fail "$obj builds with CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE=y (see $build/enforce-test-shipped.log)"
fi

# 2. the pinned page released with put_page(): one line, found by content
line=$(awk '/kunmap_local\(addr\);/ { k = NR } k && NR == k + 1 && /unpin_user_page\(pages\[i\]\);/ { print NR; exit }' "$src/$file")
[ -n "$line" ] || die "$file: the unpin_user_page(pages[i]) after kunmap_local(addr) is not where expected"
sed -i "${line}s/unpin_user_page(pages\\[i\\]);/put_page(pages[i]);/" "$src/$file"
say "edited $file:$line: unpin_user_page(pages[i]) -> put_page(pages[i])"
if build_obj edited; then
	result fail "the build fails when $file:$line puts a pinned page (it built)"
elif grep -qE "xilinx_sdfec.c:$line:[0-9]+: error: pinned page released with .{1,3}put_page" \
	"$build/enforce-test-edited.log"; then
	result pass "the build fails at $obj with the plugin's error at $file:$line"
	grep -E "error: pinned page released" "$build/enforce-test-edited.log" | head -1
else
	result fail "the build fails at $obj with the plugin's error at $file:$line (see $build/enforce-test-edited.log)"
fi

# 3. the same edit without enforcement: a warning, and the object builds
if ! build_obj warn "$warn_build"; then
	result fail "without _ENFORCE, $obj builds with the finding as a warning under CONFIG_WERROR=y (it failed: see $warn_build/enforce-test-warn.log)"
elif grep -qE "xilinx_sdfec.c:$line:[0-9]+: warning: pinned page released with .{1,3}put_page" \
	"$warn_build/enforce-test-warn.log"; then
	result pass "without _ENFORCE, $obj builds under CONFIG_WERROR=y with the plugin's warning at $file:$line"
	grep -E "warning: pinned page released" "$warn_build/enforce-test-warn.log" | head -1
else
	result fail "without _ENFORCE, $obj builds with the plugin's warning at $file:$line (no warning: see $warn_build/enforce-test-warn.log)"
fi

# 4. reverted
restore
trap - EXIT
if build_obj reverted; then
	result pass "$obj builds again once the edit is reverted"
else
	result fail "$obj builds again once the edit is reverted (see $build/enforce-test-reverted.log)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
