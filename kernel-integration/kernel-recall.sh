#!/bin/bash
# kernel-recall.sh - measure the plugin's recall on bugs re-created in real
# Linux code: each bug of kernel-integration/recall-bugs.txt is a one-line
# edit (a perl substitution) of a file that uses the pin or get API, and the
# plugin should report a finding of the bug's kind in the edited file.
#
# It needs the selected-objects build of kernel-check.sh (make kernel-check):
# for each bug it takes the compile command kbuild recorded for the file's
# object ($build/<dir>/.<name>.o.cmd), copies the file into a temporary
# directory, applies the edit there, and compiles the copy with that command
# changed: the source is the copy, -iquote <the original directory> keeps its
# "local.h" includes working, the object goes to the temporary directory and
# no dependency file is written, and the kernel's copy of the plugin is
# replaced by PLUGIN (-fplugin-arg-pinbalance-warn-only), so it measures the
# checker as it is now.  Nothing in the kernel tree or the build directory
# is written.  The unedited file is compiled the same way (once per file);
# a bug is caught when the edited compile reports a finding of the bug's
# kind that the unedited one does not (findings compared as kind, function
# and message, without file, line and column).  An edit that does not
# change exactly one line, or a compile that fails, is an error for that
# bug (not caught, counted apart).
#
# Output: one line per bug (id, kind, shape, file, caught/MISSED/error),
# then caught/total per kind and per shape (in-file bugs and cross-file bugs
# in separate columns: a cross-file bug is out of reach of a checker that
# sees one function at a time), then "recall: C of T caught (P%)" over all
# bugs.  It is a benchmark: the exit status is 0 whatever the recall, and
# non-zero only when it cannot run.
#
# Usage: kernel-integration/kernel-recall.sh [VERSION]     (default 6.12)
# Environment: PLUGIN (default plugin/pinbalance.so of this checkout, or
#   plugin/$KERNEL_CC/pinbalance.so; copied at the start of the run),
#   BUGS (the list, default kernel-integration/recall-bugs.txt), ONLY=<id>
#   (run that bug only), VERBOSE=1 (show each bug's edit and new
#   findings, and a failed compile's errors), JOBS (parallel compiles,
#   default 1), KERNEL_CC and PINBALANCE_CACHE as for kernel-check.sh,
#   PLUGIN_ARGS="debug ..." (more plugin options, for every compile; with
#   KEEP=1 the logs stay in the temporary directory), KEEP=1 (keep the
#   temporary directory: pristine/<file>/ and bug/<n>/ hold each compile's
#   source, log and findings), FIX=1 (for each mismatch caught, apply the
#   patch of the plugin's fix-its, -fdiagnostics-generate-patch, and
#   compile again: "repaired" when the edited file no longer draws the
#   finding; counted at the end), DB=FILE (a summary database,
#   kernel-integration/summaries.sh: every compile uses it, and a
#   cross-file bug the edited file does not show is looked for in the
#   files that call the edited file's functions: the edited file's
#   summaries replace its lines of the database, and those files are
#   compiled with it and without).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:-6.12}
default_plugin=$top/plugin/pinbalance.so
[ "$kcc" = gcc ] || default_plugin=$top/plugin/$kcc/pinbalance.so
plugin=${PLUGIN:-$default_plugin}
plugin_args=
for a in ${PLUGIN_ARGS:-}; do plugin_args+=" -fplugin-arg-pinbalance-$a"; done
db=${DB:-}
[ -z "$db" ] || [ -f "$db" ] || die "no database $db: run kernel-integration/summaries.sh first"
base_args=$plugin_args
[ -z "$db" ] || plugin_args+=" -fplugin-arg-pinbalance-rules=$(realpath "$db")"
only=${ONLY:-}
verbose=${VERBOSE:-0}
fix=${FIX:-0}
jobs=${JOBS:-1}
bugs_file=${BUGS:-$top/kernel-integration/recall-bugs.txt}
src=$cache/linux-source-$version
build=$cache/build-$version$kcc_suffix

if [ ! -f "$build/.config" ] || [ ! -d "$src" ]; then
	die "no kernel build in $build: run 'make kernel-check' first"
fi
[ -f "$plugin" ] || die "no plugin $plugin: run 'make' first"
plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin")
[ -f "$bugs_file" ] || die "no $bugs_file"
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive number"
command -v perl >/dev/null || die "perl is needed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-recall.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	say "keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi
start=$(date +%s)

# A copy of the plugin, so that a rebuild during the run does not mix two
# builds in one result; it must load.
plugin_used="$plugin ($(date -u -r "$plugin" '+built %Y-%m-%d %H:%M UTC'))"
cp "$plugin" "$tmp/pinbalance.so"
echo 'int pinbalance_recall_probe;' >"$tmp/probe.c"
"$kcc" -c -o "$tmp/probe.o" -fplugin="$tmp/pinbalance.so" "$tmp/probe.c" 2>"$tmp/probe.log" ||
	die "$plugin does not load: $(head -n1 "$tmp/probe.log")"
plugin=$tmp/pinbalance.so

# The bugs: id, kind, shape, file, perl substitution, description.
ids=() kinds=() shapes=() files=() edits=() descs=()
declare -A seen_id
lineno=0
while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	case $line in '#'* | '') continue ;; esac
	IFS=$'\t' read -r id kind shape file edit desc <<<"$line"
	[ -n "${desc:-}" ] || die "$bugs_file:$lineno: expected 6 tab-separated fields"
	case $kind in mismatch | reverse-mismatch | leak | double-release | overcount) ;;
	*) die "$bugs_file:$lineno: unknown kind '$kind'" ;; esac
	case $shape in local | helper | field | cross-file) ;;
	*) die "$bugs_file:$lineno: unknown shape '$shape'" ;; esac
	[ -z "${seen_id[$id]:-}" ] || die "$bugs_file:$lineno: duplicate id '$id'"
	seen_id[$id]=1
	[ -z "$only" ] || [ "$id" = "$only" ] || continue
	ids+=("$id") kinds+=("$kind") shapes+=("$shape") files+=("$file")
	edits+=("$edit") descs+=("$desc")
done <"$bugs_file"
[ ${#ids[@]} -gt 0 ] || die "no bug${only:+ with id '$only'} in $bugs_file"

# compile_cmd FILE SOURCE OUT: the command kbuild recorded for FILE's
# object, made to compile SOURCE into OUT with $plugin; empty if the
# object was not built.
compile_cmd() {
	local file=$1 source=$2 out=$3 dir base cmdfile
	dir=$(dirname "$file")
	base=$(basename "$file" .c)
	cmdfile=$build/$dir/.$base.o.cmd
	[ -f "$build/$dir/$base.o" ] && [ -f "$cmdfile" ] || return 0
	# savedcmd_X := gcc ... -c -o X.o SRC.c   ; ./tools/objtool/... (the
	# compile ends at the first ';')
	ORIG="$src/$file" SOURCE="$source" OUT="$out" INC="$src/$dir" \
	PLUGIN="$plugin" ARGS="$plugin_args" perl -ne '
		next unless s/^(?:saved)?cmd_\S+ := //;
		s/\s*;.*//s;
		s/(^|\s)-Wp,-MMD,\S+/$1/g;
		s/(^|\s)-fplugin=\S*pinbalance_plugin\.so(?=\s|$)/$1-fplugin=$ENV{PLUGIN} -fplugin-arg-pinbalance-warn-only$ENV{ARGS}/;
		s/(^|\s)-fplugin-arg-pinbalance_plugin-\S+//g;
		s/(^|\s)-o\s+\S+/$1-o $ENV{OUT}/;
		my $orig = quotemeta $ENV{ORIG};
		s/(^|\s)$orig(?=\s|$)/$1-iquote $ENV{INC} $ENV{SOURCE}/ or next;
		print; exit;' "$cmdfile"
}

# findings LOG: one line per finding, "kind<TAB>function<TAB>message"
# (the message without its location); GCC names the function in an
# "In function 'f':" line before the first finding in it.
findings() {
	perl -ne '
		if (/: In (?:member )?function .(.*?).:\s*$/) { $fn = $1; next }
		if (/^\S+?:\d+:\d+: (?:warning|error): (.*\[pinbalance-([a-z-]+)\].*)$/) {
			print "$2\t", ($fn // "?"), "\t$1\n";
		}' "$1" | sort
}

# compile FILE SOURCE DIR: compile SOURCE as FILE into DIR; DIR/log,
# DIR/findings, DIR/status ("ok", "no object", or "failed").
compile() {
	local file=$1 source=$2 dir=$3 cmd
	cmd=$(compile_cmd "$file" "$source" "$dir/out.o")
	if [ -z "$cmd" ]; then
		echo "no object" >"$dir/status"
		return 0
	fi
	if (cd "$build" && LC_ALL=C LANG=C timeout 900 bash -c "$cmd") \
		>"$dir/log" 2>&1; then
		echo ok >"$dir/status"
	else
		echo failed >"$dir/status"
	fi
	findings "$dir/log" >"$dir/findings"
}

# The unedited files, once each.
declare -A pristine_dir
pfiles=()
for f in "${files[@]}"; do
	[ -z "${pristine_dir[$f]:-}" ] || continue
	pristine_dir[$f]=$tmp/pristine/${f//\//+}
	pfiles+=("$f")
done

# run_pristine FILE
run_pristine() {
	local f=$1 d=${pristine_dir[$1]}
	mkdir -p "$d"
	if [ ! -f "$src/$f" ]; then
		echo "no source" >"$d/status"
		return 0
	fi
	cp "$src/$f" "$d/$(basename "$f")"
	compile "$f" "$d/$(basename "$f")" "$d"
}

# new_findings OLD NEW: the findings of NEW that OLD does not have (as a
# multiset: a second identical finding is new).
new_findings() {
	perl -e '
		my %old;
		open my $p, "<", $ARGV[0] or die;
		$old{$_}++ while <$p>;
		open my $e, "<", $ARGV[1] or die;
		while (<$e>) { if ($old{$_}) { $old{$_}--; } else { print; } }
	' "$1" "$2"
}

# run_bug I: apply bug I's edit and compile; writes $tmp/bug/I/result
# ("caught", "MISSED" or "error: why").
run_bug() {
	local i=$1 d=$tmp/bug/$1 f=${files[$1]} pd hunks copy
	pd=${pristine_dir[${files[$1]}]}
	mkdir -p "$d"
	copy=$d/$(basename "$f")
	result() { echo "$*" >"$d/result"; }
	if [ ! -f "$src/$f" ]; then
		result "error: no $f in the tree"
		return 0
	fi
	case $(cat "$pd/status") in
	ok) ;;
	"no object") result "error: $f: no object in $build (not built by make kernel-check)"; return 0 ;;
	*) result "error: the unedited $f does not compile"; return 0 ;;
	esac
	if ! perl -pe "${edits[$i]}" "$src/$f" >"$copy" 2>"$d/perl.err"; then
		result "error: perl: $(head -n1 "$d/perl.err")"
		return 0
	fi
	diff "$src/$f" "$copy" >"$d/diff" || true
	hunks=$(grep -c '^[0-9]' "$d/diff" || true)
	if [ "$hunks" -ne 1 ] || ! grep -qE '^[0-9]+c[0-9]+$' "$d/diff"; then
		result "error: the edit changes $(grep -c '^<' "$d/diff" || true) lines into $(grep -c '^>' "$d/diff" || true), not one line"
		return 0
	fi
	compile "$f" "$copy" "$d"
	if [ "$(cat "$d/status")" != ok ]; then
		result "error: the edited file does not compile: $(grep -m1 -E 'error:|Error' "$d/log" || echo "exit status")"
		return 0
	fi
	new_findings "$pd/findings" "$d/findings" >"$d/new"
	if cut -f1 "$d/new" | grep -qx -- "${kinds[$i]}"; then
		result caught
		[ "$fix" = 0 ] || [[ ${kinds[$i]} != *mismatch ]] ||
			fix_bug "$i" "$d" "$f" "$copy" "$pd"
	elif [ -n "$db" ] && [ "${shapes[$i]}" = cross-file ] &&
		partners_catch "$i" "$d" "$f" "$copy"; then
		result caught
	else
		result MISSED
	fi
}

# partners_catch I DIR FILE COPY: does bug I show in the files that call
# FILE's functions?  COPY's summaries (summaries-out) replace FILE's
# lines of the database; each such file is compiled with the database
# and with the new one; a new finding of the bug's kind there catches it.
partners_catch() {
	local i=$1 d=$2 f=$3 copy=$4 cmd names p pdir
	cmd=$(compile_cmd "$f" "$copy" "$d/sum.o")
	[ -n "$cmd" ] || return 1
	: >"$d/part"
	(cd "$build" && LC_ALL=C LANG=C bash -c \
		"$cmd -fplugin-arg-pinbalance-summaries-out=$d/part") >/dev/null 2>&1 || true
	grep -v -F " defined=$src/$f:" "$db" >"$d/base.rules" || true
	python3 "$top/kernel-integration/merge-summaries.py" -o "$d/db2.rules" \
		"$d/base.rules" "$d/part" 2>/dev/null || true
	names=$( { grep -F " defined=$src/$f:" "$db" || true; cat "$d/part"; } |
		awk '{ print $2 }' | sort -u | paste -sd'|')
	[ -n "$names" ] || return 1
	mkdir -p "$d/partners"
	for p in $(callers_in "$src" "$names" "$(dirname "$f")" \
			"$(dirname "$(dirname "$f")")" | grep -v -x -F "$f" | head -n 12); do
		pdir=$d/partners/${p//\//+}
		mkdir -p "$pdir/old" "$pdir/new"
		compile "$p" "$src/$p" "$pdir/old"
		[ "$(cat "$pdir/old/status")" = ok ] || continue
		( plugin_args="$base_args -fplugin-arg-pinbalance-rules=$d/db2.rules"
		  compile "$p" "$src/$p" "$pdir/new" )
		new_findings "$pdir/old/findings" "$pdir/new/findings" |
			sed "s|^|$p: |" >>"$d/new"
	done
	cut -f1 "$d/new" | sed 's/^[^:]*: //' | grep -qx -- "${kinds[$i]}"
}

# fix_bug I DIR FILE COPY PRISTINE: the fix-its of bug I's edited copy as
# a patch, applied and compiled again; DIR/fix says what came of it.
fix_bug() {
	local i=$1 d=$2 f=$3 copy=$4 pd=$5 cmd
	mkdir -p "$d/fixed"
	cmd=$(compile_cmd "$f" "$copy" "$d/fix.o")
	(cd "$build" && LC_ALL=C LANG=C bash -c "$cmd -fdiagnostics-generate-patch") \
		>"$d/fix.log" 2>&1 || true
	sed -n '/^--- /,$p' "$d/fix.log" >"$d/fix.patch"
	if [ ! -s "$d/fix.patch" ]; then
		echo "no fix-it" >"$d/fix"
		return 0
	fi
	cp "$copy" "$d/fixed/$(basename "$f")"
	if ! patch -s "$d/fixed/$(basename "$f")" <"$d/fix.patch" >/dev/null 2>&1; then
		echo "the patch does not apply" >"$d/fix"
		return 0
	fi
	compile "$f" "$d/fixed/$(basename "$f")" "$d/fixed"
	new_findings "$pd/findings" "$d/fixed/findings" >"$d/fixed/new"
	if [ "$(cat "$d/fixed/status")" != ok ]; then
		echo "the patched file does not compile" >"$d/fix"
	elif cut -f1 "$d/fixed/new" | grep -qx -- "${kinds[$i]}"; then
		echo "not repaired" >"$d/fix"
	else
		echo repaired >"$d/fix"
	fi
}

# Run CMD... in the background, at most $jobs at a time.
throttle() {
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
}

say "${#ids[@]} bugs in ${#pfiles[@]} files; compiling the unedited files (JOBS=$jobs, PLUGIN=$plugin_used)"
for f in "${pfiles[@]}"; do
	throttle
	run_pristine "$f" &
done
wait
for f in "${pfiles[@]}"; do
	case $(cat "${pristine_dir[$f]}/status") in
	ok) ;;
	"no object") say "warning: $f: no object in $build" ;;
	*) say "warning: the unedited $f does not compile: see VERBOSE=1"
	   [ "$verbose" != 1 ] || sed 's/^/    /' "${pristine_dir[$f]}/log" | head -n 30 >&2 ;;
	esac
done

# Findings in the unedited files (false positives, or real bugs): a bug
# whose finding is the same as one of them is not counted as caught.
pre=$(for f in "${pfiles[@]}"; do cat "${pristine_dir[$f]}/findings" 2>/dev/null; done | wc -l)
if [ "$pre" -gt 0 ]; then
	say "the unedited files draw $pre findings; a bug whose finding equals one of them is not caught"
	if [ "$verbose" = 1 ]; then
		for f in "${pfiles[@]}"; do
			sed "s|^|    $f: |" "${pristine_dir[$f]}/findings" 2>/dev/null
		done >&2
	fi
fi
say "compiling the edited files"
declare -A T_kind C_kind E_kind X_T_kind X_C_kind T_shape C_shape E_shape
caught=0 missed=0 errors=0 fixes=0 repaired=0
next=0
report() {
	local i=$1 d=$tmp/bug/$1 r kind=${kinds[$1]} shape=${shapes[$1]} col
	r=$(cat "$d/result")
	case $r in
	caught) col=caught ;;
	MISSED) col=MISSED ;;
	*) col=error ;;
	esac
	[ ! -f "$d/fix" ] || r="$r, fix-it: $(cat "$d/fix")"
	printf '%-28s %-16s %-10s %-52s %s\n' "${ids[$i]}" "$kind" "$shape" \
		"${files[$i]}" "$r"
	if [ -f "$d/fix" ]; then
		fixes=$((fixes + 1))
		[ "$(cat "$d/fix")" != repaired ] || repaired=$((repaired + 1))
	fi
	if [ "$verbose" = 1 ]; then
		printf '    %s\n' "${descs[$i]}"
		[ ! -s "$d/diff" ] || sed -n 's/^[<>] /    &/p' "$d/diff"
		if [ -s "$d/new" ]; then
			echo "    new findings:"
			sed 's/^/      /' "$d/new"
		elif [ "$col" != error ]; then
			echo "    no new finding"
		fi
		if [ "$col" = error ] && [ -s "$d/log" ]; then
			grep -E 'error' "$d/log" | head -n 10 | sed 's/^/      /'
		fi
	fi
	T_shape[$shape]=$(( ${T_shape[$shape]:-0} + 1 ))
	if [ "$shape" = cross-file ]; then
		X_T_kind[$kind]=$(( ${X_T_kind[$kind]:-0} + 1 ))
	else
		T_kind[$kind]=$(( ${T_kind[$kind]:-0} + 1 ))
	fi
	case $col in
	caught)
		caught=$((caught + 1))
		C_shape[$shape]=$(( ${C_shape[$shape]:-0} + 1 ))
		if [ "$shape" = cross-file ]; then
			X_C_kind[$kind]=$(( ${X_C_kind[$kind]:-0} + 1 ))
		else
			C_kind[$kind]=$(( ${C_kind[$kind]:-0} + 1 ))
		fi ;;
	MISSED) missed=$((missed + 1)) ;;
	error)
		errors=$((errors + 1))
		E_kind[$kind]=$(( ${E_kind[$kind]:-0} + 1 ))
		E_shape[$shape]=$(( ${E_shape[$shape]:-0} + 1 )) ;;
	esac
}

# Start the bugs in order, at most $jobs at a time, and report each in
# order as soon as it and those before it are done.
pids=()
for i in "${!ids[@]}"; do
	throttle
	run_bug "$i" &
	pids[i]=$!
	while [ "$next" -le "$i" ] && ! kill -0 "${pids[next]}" 2>/dev/null; do
		wait "${pids[next]}" || true
		report "$next"
		next=$((next + 1))
	done
done
while [ "$next" -lt "${#ids[@]}" ]; do
	wait "${pids[next]}" || true
	report "$next"
	next=$((next + 1))
done

total=${#ids[@]}
pct() { awk -v c="$1" -v t="$2" 'BEGIN { if (t) printf "%.0f%%", 100 * c / t; else print "-" }'; }
cell() { [ "${2:-0}" -gt 0 ] && printf '%s/%s' "${1:-0}" "$2" || printf -- '-'; }
echo
printf '%-18s %-12s %-12s %s\n' kind in-file cross-file errors
for k in mismatch reverse-mismatch leak double-release overcount; do
	printf '%-18s %-12s %-12s %s\n' "$k" "$(cell "${C_kind[$k]:-0}" "${T_kind[$k]:-0}")" \
		"$(cell "${X_C_kind[$k]:-0}" "${X_T_kind[$k]:-0}")" "${E_kind[$k]:-0}"
done
echo
printf '%-18s %-12s %-6s %s\n' shape caught recall errors
for s in local helper field cross-file; do
	printf '%-18s %-12s %-6s %s\n' "$s" "$(cell "${C_shape[$s]:-0}" "${T_shape[$s]:-0}")" \
		"$(pct "${C_shape[$s]:-0}" "${T_shape[$s]:-0}")" "${E_shape[$s]:-0}"
done
xt=${T_shape[cross-file]:-0} xc=${C_shape[cross-file]:-0}
echo
echo "in-file bugs (local, helper, field): $((caught - xc)) of $((total - xt)) caught ($(pct $((caught - xc)) $((total - xt))))"
echo "cross-file bugs:                     $xc of $xt caught ($(pct "$xc" "$xt"))"
echo "errors (not counted as caught):      $errors"
echo "findings in the unedited files:      $pre"
[ "$fix" = 0 ] || echo "fix-its (FIX=1):                     the patch repairs $repaired of the $fixes mismatches caught"
echo "time: $(($(date +%s) - start)) s, JOBS=$jobs, plugin $plugin_used"
echo "recall: $caught of $total caught ($(pct "$caught" "$total"))"
