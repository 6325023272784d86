#!/bin/sh
# check-prototypes.sh RULES KERNEL_TREE - compare a rules file with a kernel tree.
#
# For each function a rule names, find how the tree declares it: as a
# function (extern or static inline, in include/ or block/blk.h, the
# block layer's own header; printed with its prototype's first
# line; Page*() tests made by the PAGEFLAG() macros count), only as a macro
# (noted: a rule for it matches no call in this tree, as the kmalloc family
# in 6.12, macros over __malloc *_noprof functions), or not at all (an
# error: the exit status is the number of such rules, capped at 1).  Used to keep rules/linux.rules true to Linux 6.12:
#   rules/check-prototypes.sh rules/linux.rules ~/.cache/pinbalance/linux-source-6.12
set -eu
rules=${1:?usage: check-prototypes.sh RULES KERNEL_TREE}
tree=${2:?usage: check-prototypes.sh RULES KERNEL_TREE}
[ -d "$tree/include/linux" ] || { echo "$tree: not a kernel tree" >&2; exit 2; }

missing=0
for name in $(sed -e 's/#.*//' "$rules" | awk 'NF >= 2 { print $2 }' | sort -u); do
	decl=$(grep -rhE "^[a-z_].*[ *]$name\(" "$tree/include/linux" \
		"$tree/include/asm-generic" "$tree/arch/x86/include" \
		"$tree/block/blk.h" 2>/dev/null |
		grep -v '^#' | head -1 || true)
	case $name in
	Page*)	flag=${name#Page}
		grep -qE "^(PAGEFLAG|TESTPAGEFLAG|PAGEFLAG_FALSE)\($flag," \
			"$tree/include/linux/page-flags.h" &&
			decl="made by PAGEFLAG($flag, ...) in page-flags.h" ;;
	esac
	if [ -n "$decl" ]; then
		printf 'function  %-34s %s\n' "$name" "$decl"
	elif grep -rqE "^#[[:space:]]*define[[:space:]]+$name\(" "$tree/include" \
		"$tree/arch/x86/include" 2>/dev/null; then
		printf 'macro     %-34s (matches no call in this tree)\n' "$name"
	else
		printf 'MISSING   %-34s\n' "$name"
		missing=$((missing + 1))
	fi
done
echo "$missing rule(s) name nothing this tree declares"
[ "$missing" -eq 0 ]
