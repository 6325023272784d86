#!/bin/bash
# apply.sh KERNEL_TREE - make the pin balance plugin part of a kernel tree.
#
# Installs the plugin's sources (plugin/*.c, plugin/*.h) and its rules
# (rules/linux.rules) into scripts/gcc-plugins/, and adds, between
# "pinbalance begin/end" markers:
#   - GCC_PLUGIN_PIN_BALANCE{,_ENFORCE} to scripts/gcc-plugins/Kconfig
#     (Kconfig.pinbalance),
#   - the gcc-plugin-y lines and DISABLE_PIN_BALANCE_PLUGIN to
#     scripts/Makefile.gcc-plugins (Makefile.gcc-plugins.pinbalance),
#   - the multi-file build (pinbalance_plugin-objs) and the rule making
#     the compiled-in rules to scripts/gcc-plugins/Makefile
#     (Makefile.pinbalance).
# Running it again replaces the blocks and the sources: files whose content
# would not change are left alone, so kbuild rebuilds nothing needlessly.
# A tree whose plugin machinery does not look as expected is refused.
#
# Tested on Debian's linux-source-6.12 and linux-source-6.1.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
here=$top/kernel-integration
tree=${1:-}

die() { printf 'apply: %s\n' "$*" >&2; exit 1; }

[ -n "$tree" ] || die "usage: apply.sh KERNEL_TREE"
[ -d "$tree" ] || die "$tree: no such directory"
tree=$(cd "$tree" && pwd)

# Recognise the tree by the anchors the blocks go next to.
recognise() {
	local plugins=$tree/scripts/gcc-plugins
	[ -f "$tree/Makefile" ] && grep -q '^VERSION = ' "$tree/Makefile" ||
		die "$tree: not a Linux source tree (no top-level Makefile with VERSION)"
	grep -q '^menuconfig GCC_PLUGINS' "$plugins/Kconfig" 2>/dev/null ||
		die "$tree: scripts/gcc-plugins/Kconfig has no 'menuconfig GCC_PLUGINS': not a tree with GCC plugin support this script knows"
	tail -n 3 "$plugins/Kconfig" | grep -q '^endif' ||
		die "$tree: scripts/gcc-plugins/Kconfig does not end with the 'endif' of 'if GCC_PLUGINS'"
	grep -q '^# All the plugin CFLAGS are collected here' "$tree/scripts/Makefile.gcc-plugins" 2>/dev/null ||
		die "$tree: scripts/Makefile.gcc-plugins lacks the GCC_PLUGINS_CFLAGS section this script inserts before"
	grep -q 'plugin-multi' "$plugins/Makefile" 2>/dev/null &&
		grep -q '^always-y' "$plugins/Makefile" ||
		die "$tree: scripts/gcc-plugins/Makefile cannot build multi-file plugins (*-objs)"
}

version() {
	awk '/^VERSION =/ {v = $3} /^PATCHLEVEL =/ {p = $3} /^SUBLEVEL =/ {s = $3}
	     END {print v "." p "." s}' "$tree/Makefile"
}

# Write CONTENT (stdin) to FILE only if it differs.
update() {
	local file=$1 tmp
	tmp=$(mktemp)
	cat >"$tmp"
	if cmp -s "$tmp" "$file"; then
		rm -f "$tmp"
		return
	fi
	cat "$tmp" >"$file"
	rm -f "$tmp"
	changed=$((changed + 1))
}

install_file() {
	update "$2" <"$1"
}

# FILE without any earlier pinbalance block.
strip_block() {
	awk '/^# pinbalance begin/ {skip = 1; next}
	     /^# pinbalance end/ {skip = 0; after = 1; next}
	     after && /^$/ {after = 0; next}
	     {after = 0}
	     !skip' "$1"
}

block() {
	echo "# pinbalance begin: added by pinbalance kernel-integration/apply.sh"
	cat "$1"
	echo "# pinbalance end"
}

# Insert BLOCK_FILE into FILE before the first line matching RE.
insert_before() {
	local file=$1 re=$2 blk
	blk=$(block "$3")
	update "$file" < <(strip_block "$file" | awk -v re="$re" -v blk="$blk" '
		!done && $0 ~ re { print blk; print ""; done = 1 }
		{ print }')
}

# Insert BLOCK_FILE before the last line of FILE matching RE.
insert_before_last() {
	local file=$1 re=$2 blk last
	blk=$(block "$3")
	last=$(strip_block "$file" | grep -n "$re" | tail -n 1 | cut -d: -f1)
	update "$file" < <(strip_block "$file" | awk -v at="$last" -v blk="$blk" '
		NR == at { print blk; print "" }
		{ print }')
}

recognise
changed=0
plugins=$tree/scripts/gcc-plugins
for f in "$top"/plugin/*.c "$top"/plugin/*.h; do
	install_file "$f" "$plugins/$(basename "$f")"
done
# files an older pinbalance installed that it no longer has
for f in "$plugins"/pb_*.c "$plugins"/pb_*.h; do
	[ -e "$f" ] && [ ! -e "$top/plugin/$(basename "$f")" ] || continue
	rm -f "$f"
	changed=$((changed + 1))
done
install_file "$top/rules/linux.rules" "$plugins/pinbalance_linux.rules"
install_file "$top/rules/rules2c.sh" "$plugins/pinbalance_rules2c.sh"
insert_before_last "$plugins/Kconfig" '^endif' "$here/Kconfig.pinbalance"
insert_before "$tree/scripts/Makefile.gcc-plugins" \
	'^# All the plugin CFLAGS are collected here' \
	"$here/Makefile.gcc-plugins.pinbalance"
# before plugin-single/plugin-multi are computed from the *-objs lists
insert_before "$plugins/Makefile" '^always-y' "$here/Makefile.pinbalance"

case $(version) in
6.1.* | 6.12.*) note="" ;;
*) note=" (not a version this script was tested on: 6.1, 6.12)" ;;
esac
if [ "$changed" -eq 0 ]; then
	echo "apply: $tree (Linux $(version)): already up to date$note"
else
	echo "apply: $tree (Linux $(version)): $changed file(s) updated$note"
fi
