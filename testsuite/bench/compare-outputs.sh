#!/bin/bash
# compare-outputs.sh OLD.so NEW.so - what two builds of the plugin print on
# every test file of the testsuite, side by side.
#
# Compiles each testsuite/pinbalance.*/*.c with each plugin, with the
# testsuite's fixed flags and the test's own dg-options, and compares the
# two outputs after removing the kind tag ("[pinbalance-leak] ") that
# later builds add to each warning.  Prints one line per file that differs
# (and the diff with VERBOSE=1), then
#   compare: N files, D differ
# Used to show that a refactoring left the findings and their paths as
# they were (docs/design.md).  Environment: CC (gcc).
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cc=${CC:-gcc}
[ $# -eq 2 ] || { echo "usage: ${0##*/} OLD.so NEW.so" >&2; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
flags="-fdiagnostics-path-format=separate-events -fno-diagnostics-show-caret
	-fdiagnostics-color=never -fdiagnostics-urls=never"

# The dg-options of a test, with @srcdir@ replaced by its directory.
test_options() {
	sed -n 's/.*dg-options "\([^"]*\)".*/\1/p' "$1" | head -n 1 |
		sed "s|@srcdir@|$(dirname "$1")|g"
}

# run PLUGIN FILE: the compile's output, tags and the plugin's path removed.
run() {
	local opts
	opts=$(test_options "$2")
	[ -n "$opts" ] || opts=-O2
	# shellcheck disable=SC2086
	LC_ALL=C "$cc" -fplugin="$1" -I"$top/testsuite/include" $flags $opts \
		-c -o /dev/null "$2" 2>&1 |
		sed -e 's/ \[pinbalance-[a-z-]*\]//' -e "s|$1|PLUGIN|g"
}

n=0
d=0
for f in "$top"/testsuite/pinbalance.*/*.c; do
	n=$((n + 1))
	if ! diff <(run "$old" "$f") <(run "$new" "$f") >/tmp/compare.$$ 2>&1; then
		d=$((d + 1))
		echo "differs: ${f#"$top"/}"
		[ "${VERBOSE:-0}" = 1 ] && cat /tmp/compare.$$
	fi
done
rm -f /tmp/compare.$$
echo "compare: $n files, $d differ"
