#!/bin/bash
# kernel-fix.sh [VERSION] - the repairs of a kernel check as one patch.
#
# Compiles the objects of the last `make kernel-check` of VERSION again
# (recheck.sh: kbuild's recorded commands, this checkout's plugin) with
# -fdiagnostics-generate-patch, and gathers the patches GCC prints from the
# plugin's fix-its (a mismatch whose repair is mechanical: docs/design.md)
# into one file for the tree, its paths relative to the tree's top:
#
#   ~/.cache/pinbalance/pinbalance-fixes-VERSION.patch
#
# ready for `patch -p1` or `git apply` in the source tree.  It checks that
# the patch applies (patch --dry-run) and prints how many files and hunks
# it holds, and the mismatches of the check that got no fix-it.
#
# Environment: PLUGIN, JOBS, PINBALANCE_CACHE, OUT (another patch file),
# and BUILD and LOG as for recheck.sh (the whole-tree build of ALL=1).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
src=$cache/linux-source-$version
build=${BUILD:-$cache/build-$version$kcc_suffix}
log=${LOG:-$cache/kernel-check-$version$kcc_suffix-selected.log}
if [ -z "${BUILD:-}" ] && [ ! -f "$log" ]; then
	build=$build-all
	log=$cache/kernel-check-$version$kcc_suffix-all.log
fi
[ -f "$log" ] || die "no kernel check of $version: run make kernel-check first"
patchfile=${OUT:-$cache/pinbalance-fixes-$version.patch}
keep=$(mktemp -d /tmp/pinbalance-fix.XXXXXX)
trap 'rm -rf "$keep"' EXIT

say "compiling the objects of $log with -fdiagnostics-generate-patch"
BUILD=$build LOG=$log KEEP=$keep \
	CFLAGS_EXTRA="-fdiagnostics-generate-patch -fdiagnostics-parseable-fixits -fdiagnostics-path-format=none" \
	"$top/kernel-integration/recheck.sh" "$version" >"$keep/recheck.out"
grep -E '^recheck: [0-9]+ objects' "$keep/recheck.out" >&2 || true

# Each object's patch starts at its first '--- ' line, and is the diff
# lines from there (objtool, run by 6.1's recorded command, may print
# after it); GCC names the files
# as the compile did (absolute paths in an O= build): made relative to the
# tree, with the a/ and b/ of 'patch -p1'.
: >"$patchfile"
for f in "$keep"/*.log; do
	[ -f "$f" ] || continue
	sed -n '/^--- /,$p' "$f" | perl -pe '
		BEGIN { $src = shift @ARGV }
		s{^--- \Q$src\E/}{--- a/}; s{^\+\+\+ \Q$src\E/}{+++ b/};
		$_ = "" unless /^(--- |\+\+\+ |@@ |[ +-])/;' "$src" >>"$patchfile"
done

files=$(grep -c '^+++ ' "$patchfile" || true)
hunks=$(grep -c '^@@ ' "$patchfile" || true)
mismatches=$(grep -a -c -E '\[pinbalance-(reverse-)?mismatch\]' "$keep/recheck.out" || true)
if [ "$files" -gt 0 ]; then
	patch -p1 --dry-run -s -d "$src" <"$patchfile" >/dev/null ||
		die "$patchfile does not apply to $src"
fi
echo "kernel-fix: $version: mismatches: $mismatches; $patchfile: $files files, $hunks hunks (applies with patch -p1 in $src)"
# The mismatches the patch leaves: those no fix-it line follows (a
# helper's release, a macro: not a mechanical repair), each named.
for f in "$keep"/*.log; do
	[ -f "$f" ] || continue
	awk -v src="$src/" '
		function flush() { if (pending != "") print "kernel-fix: no fix-it: " pending; pending = "" }
		/: (warning|error): / { flush() }
		/\[pinbalance-(reverse-)?mismatch\]/ { pending = $0; sub(src, "", pending); sub(/: (warning|error): .*/, "", pending) }
		/^fix-it:/ { pending = "" }
		END { flush() }' "$f"
done
