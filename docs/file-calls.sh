#!/bin/bash
# file-calls.sh - the calls between the plugin's files, and their sizes.
#
# Compiles each plugin/*.c on its own, reads which functions it defines
# and which it calls (nm), and prints, per file, its lines and the files
# whose functions it calls; then the files whose data it reads (the
# options and counters pinbalance.c holds), and any cycle of calls
# between files.  Run from the top of the checkout:
# docs/file-calls.sh [CC] (default gcc).
set -euo pipefail
cc=${1:-gcc}
cxx=${cc/gcc/g++}
inc=$("$cc" -print-file-name=plugin)/include
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s CC="$cc" plugin/pb_linux_rules.inc >/dev/null
for f in plugin/*.c; do
	n=$(basename "$f" .c)
	"$cxx" -I"$inc" -Iplugin -fPIC -fno-rtti -fno-exceptions -std=gnu++11 \
		-O0 -c -x c++ "$f" -o "$tmp/$n.o"
	nm "$tmp/$n.o" | awk '$2 == "T" { print $3 }' >"$tmp/$n.def"
	nm "$tmp/$n.o" | awk '$2 == "B" || $2 == "D" || $2 == "R" { print $3 }' >"$tmp/$n.data"
	nm "$tmp/$n.o" | awk '$1 == "U" { print $2 }' >"$tmp/$n.use"
done
printf '%-16s %6s  %s\n' file lines "calls functions of"
for f in plugin/*.c; do
	n=$(basename "$f" .c)
	callees=()
	readers=()
	for g in plugin/*.c; do
		m=$(basename "$g" .c)
		[ "$m" = "$n" ] && continue
		grep -qxFf "$tmp/$m.def" "$tmp/$n.use" && callees+=("$m.c")
		[ -s "$tmp/$m.data" ] && grep -qxFf "$tmp/$m.data" "$tmp/$n.use" &&
			readers+=("$m.c")
	done
	printf '%-16s %6d  %s%s\n' "$n.c" "$(wc -l <"$f")" "${callees[*]:-}" \
		"${readers[*]:+  (data of ${readers[*]})}"
	for c in "${callees[@]}"; do echo "$n.c $c"; done >>"$tmp/edges"
done
printf '%-16s %6d\n' "headers" "$(cat plugin/*.h | wc -l)"
echo
cycles=0
while read -r a b; do
	if grep -qx "$b $a" "$tmp/edges"; then
		[[ "$a" < "$b" ]] && { echo "cycle: $a <-> $b"; cycles=$((cycles + 1)); }
	fi
done <"$tmp/edges"
echo "$cycles cycles of calls between two files"
