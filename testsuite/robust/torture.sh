#!/bin/bash
# torture.sh - the plugin over GCC's own C torture tests.
#
# Compiles every *.c of gcc/testsuite/gcc.c-torture/compile and .../execute
# (with their subdirectories) plainly ($CC -O2 -c -w) and then with the
# plugin at each of $LEVELS, the -O2 compile with
# -fplugin-arg-pinbalance-stats.  A file is a failure when a compile with
# the plugin
#   - ends in an internal compiler error (the driver's "internal compiler
#     error", "during ... pass", a signal), or
#   - fails or times out where the same compile without the plugin does not.
# The plugin's own findings are warnings and do not count.  Many torture
# files do not compile plainly here (other targets, expected errors, too
# slow): they are skipped and counted as such.  Failing files are kept in
# $OUT with the compiler's output.
#
# The tests come from Debian's gcc-MAJOR-source (MAJOR of $CC), which
# ships the GCC source tarball in /usr/src/gcc-MAJOR/: the package is
# installed when missing (as root, apt-get), and only gcc.c-torture is
# extracted from the tarball, once, into $TORTURE_CACHE/gcc-MAJOR.
#
# Ends with the line
#   torture: N files, S skipped (no plain compile), M compiles with the
#   plugin, K internal compiler errors, F failures only with the plugin
# (on one line) and exits 1 when K+F > 0, 2 when it cannot run at all.
#
# Environment:
#   CC                 compiler (gcc); the plugin must be built for it
#   PINBALANCE_PLUGIN  plugin (plugin/pinbalance.so of this repository)
#   OUT                kept failures (build/robust/torture of this repository)
#   TORTURE_CACHE      extracted tests (~/.cache/pinbalance/torture)
#   TORTURE_DIR        an existing gcc.c-torture directory to use instead
#   TIMEOUT            seconds per compile (60)
#   LEVELS             optimisation levels with the plugin ("-O0 -O2")
# Runs sequentially, one compile at a time; progress goes to stderr every
# 100 files.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cc=${CC:-gcc}
plugin=${PINBALANCE_PLUGIN:-$top/plugin/pinbalance.so}
out=${OUT:-$top/build/robust/torture}
cache=${TORTURE_CACHE:-$HOME/.cache/pinbalance/torture}
tmo=${TIMEOUT:-60}
levels=${LEVELS:--O0 -O2}

say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { say "$*"; exit 2; }

[ $# -eq 0 ] || die "usage: ${0##*/} (no arguments; see the header for the environment)"
command -v "$cc" >/dev/null || die "no compiler $cc"
[ -f "$plugin" ] || die "no plugin $plugin (set PINBALANCE_PLUGIN)"
plugin=$(cd "$(dirname "$plugin")" && pwd)/${plugin##*/}
major=$("$cc" -dumpversion | cut -d. -f1)

# get_torture: the gcc.c-torture directory, from TORTURE_DIR or Debian.
get_torture() {
	local pkg=gcc-$major-source dir=$cache/gcc-$major ver tarball x

	if [ -n "${TORTURE_DIR:-}" ]; then
		[ -d "$TORTURE_DIR/compile" ] || die "no compile/ in $TORTURE_DIR"
		torture=$TORTURE_DIR
		source="$TORTURE_DIR"
		return
	fi
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
		[ "$(id -u)" -eq 0 ] || die "not root: apt-get install $pkg first"
		say "installing $pkg"
		apt-get update -q >/dev/null 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >/dev/null ||
			die "apt-get install $pkg failed"
	fi
	ver=$(dpkg-query -W -f='${Version}' "$pkg")
	source="Debian $pkg $ver"
	torture=$dir/gcc.c-torture
	if [ -f "$dir/VERSION" ] && [ "$(cat "$dir/VERSION")" = "$ver" ] &&
		[ -d "$torture/compile" ]; then
		return
	fi
	tarball=$(ls /usr/src/gcc-"$major"/gcc-*.tar.* 2>/dev/null | grep -v gm2 | head -1)
	[ -n "$tarball" ] || die "$pkg ships no GCC tarball in /usr/src/gcc-$major"
	say "extracting gcc.c-torture from $tarball"
	rm -rf "$dir"
	mkdir -p "$dir/x" || die "cannot create $dir"
	tar -xf "$tarball" -C "$dir/x" --wildcards '*/gcc/testsuite/gcc.c-torture/*' ||
		die "extracting from $tarball failed"
	x=$(ls -d "$dir"/x/*/gcc/testsuite/gcc.c-torture | head -1)
	[ -d "$x/compile" ] || die "no gcc.c-torture/compile in $tarball"
	mv "$x" "$torture" && rm -rf "$dir/x"
	echo "$ver" >"$dir/VERSION"
}

get_torture

tmp=$(mktemp -d /tmp/pinbalance-torture.XXXXXX) || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" || die "cannot create $out"
out=$(cd "$out" && pwd)

# The plugin must load into $cc at all, or every compile would "fail".
echo 'int pb_robust_probe;' >"$tmp/probe.c"
# a copy: a rebuild of the plugin during the run does not mix two builds
# (nor fail the compiles that load it while it is being written)
mkdir -p "$tmp/plugin"
cp "$plugin" "$tmp/plugin/pinbalance.so"
plugin=$tmp/plugin/pinbalance.so
"$cc" -c -fplugin="$plugin" "$tmp/probe.c" -o /dev/null >"$tmp/probe.log" 2>&1 ||
	die "$plugin does not load into $cc: $(head -3 "$tmp/probe.log")"

# Plugin configurations: "name|level|plugin arguments".
configs=()
for l in $levels; do
	a=
	[ "$l" = -O2 ] && a=-fplugin-arg-pinbalance-stats
	configs+=("${l#-}|$l|$a")
done

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

# keep FILE CONFIG LOG: save a failing file and the compiler's output.
keep() {
	local name=${1#"$torture"/}

	name=${name//\//_}
	cp "$1" "$out/$name"
	cp "$3" "$out/${name%.c}.$2.log"
}

mapfile -t files < <(find "$torture/compile" "$torture/execute" -name '*.c' | LC_ALL=C sort)
total=${#files[@]}
[ "$total" -gt 0 ] || die "no .c files under $torture"

nfiles=0 compiles=0 ices=0 fails=0 skip_plain=0 skip_slow=0
functions=0 analyzed=0 sites=0
start=$SECONDS
say "$total files from $source, $cc, plugin $plugin"

for f in "${files[@]}"; do
	nfiles=$((nfiles + 1))
	if ((nfiles % 100 == 0)); then
		say "$nfiles/$total files, $compiles plugin compiles," \
			"$ices ICEs, $fails plugin-only failures," \
			"$((skip_plain + skip_slow)) skipped, $((SECONDS - start)) s"
	fi
	compile "$tmp/plain.log" -O2 -c -w "$f" -o /dev/null
	rc=$?
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		skip_slow=$((skip_slow + 1))
		continue
	elif [ $rc -ne 0 ]; then
		skip_plain=$((skip_plain + 1))
		continue
	fi
	for c in "${configs[@]}"; do
		IFS='|' read -r name level args <<<"$c"
		read -r -a pargs <<<"$args"
		log=$tmp/$name.log
		compiles=$((compiles + 1))
		compile "$log" "$level" -c -fplugin="$plugin" "${pargs[@]}" \
			"$f" -o /dev/null
		rc=$?
		if is_ice "$log" $rc; then
			ices=$((ices + 1))
			say "${f#"$torture"/}, $name: internal compiler error"
			keep "$f" "$name" "$log"
			continue
		fi
		if [ $rc -ne 0 ]; then
			# Does it fail the same way without the plugin?
			compile "$tmp/base.log" "$level" -c -w "$f" -o /dev/null
			if [ $? -eq 0 ]; then
				fails=$((fails + 1))
				say "${f#"$torture"/}, $name: fails only with the plugin (status $rc)"
				keep "$f" "$name" "$log"
			fi
			continue
		fi
		if [ -n "$args" ]; then
			# pinbalance: FILE: F functions, A analyzed, S pin/get sites ...
			read -r nf na np < <(sed -n 's/^pinbalance: .*: \([0-9]*\) functions, \([0-9]*\) analyzed, \([0-9]*\) pin\/get sites.*/\1 \2 \3/p' "$log" | head -1)
			functions=$((functions + ${nf:-0}))
			analyzed=$((analyzed + ${na:-0}))
			sites=$((sites + ${np:-0}))
		fi
	done
done

echo "torture: $source, $((SECONDS - start)) s; skipped $skip_plain" \
	"(plain gcc fails), $skip_slow (plain gcc timed out); stats:" \
	"$functions functions, $analyzed analyzed, $sites pin/get sites"
echo "torture: $nfiles files, $((skip_plain + skip_slow)) skipped (no plain compile)," \
	"$compiles compiles with the plugin, $ices internal compiler errors," \
	"$fails failures only with the plugin"
[ $((ices + fails)) -eq 0 ]
