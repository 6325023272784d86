# lib.sh - shared by kernel-check.sh and enforce-test.sh (sourced, not run).
#
# A kernel is checked out of tree: Debian's linux-source-VERSION is
# unpacked once into $cache/linux-source-VERSION (the source, with the
# plugin applied by apply.sh), and each kind of build gets its own output
# directory $cache/build-VERSION[-SUFFIX] (O=), configured and prepared
# once and reused by later runs.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${PINBALANCE_CACHE:-$HOME/.cache/pinbalance}
jobs=${JOBS:-$(nproc)}
# The compiler the kernel and its plugins are built with (gcc, gcc-11).
kcc=${KERNEL_CC:-gcc}
kcc_major=$("$kcc" -dumpversion 2>/dev/null | cut -d. -f1)
# gcc-11 builds the kernel with gcc-11 and its plugins with g++-11.
kcc_suffix=
[ "$kcc" = gcc ] || kcc_suffix=-$kcc
kmake_cc=(CC="$kcc" HOSTCC="$kcc" HOSTCXX="${kcc/gcc/g++}")

say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { say "$*"; exit 1; }

need_pkgs() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing ${missing[*]}"
	[ "$(id -u)" -eq 0 ] || die "not root: install ${missing[*]} with apt-get first"
	apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
}

# The compiler the kernel is built with, and its plugin headers.
kernel_cc_pkgs() {
	case $kcc in
	gcc) echo "gcc g++ gcc-${kcc_major:-12}-plugin-dev" ;;
	gcc-*) echo "$kcc ${kcc/gcc/g++} $kcc-plugin-dev" ;;
	esac
}

# prepare_source VERSION: unpack the source and apply the integration.
prepare_source() {
	local version=$1
	src=$cache/linux-source-$version
	# shellcheck disable=SC2046
	need_pkgs $(kernel_cc_pkgs) "linux-source-$version" flex bison bc \
		libelf-dev libssl-dev make xz-utils libiberty-dev
	if [ ! -f "$src/Makefile" ]; then
		say "unpacking /usr/src/linux-source-$version.tar.xz into $cache (first run only)"
		mkdir -p "$cache"
		tar -C "$cache" -xf "/usr/src/linux-source-$version.tar.xz"
	fi
	# O= builds need a clean source tree (older runs configured in place)
	if [ -f "$src/.config" ] || [ -d "$src/include/config" ]; then
		say "cleaning the in-tree configuration of $src"
		make -C "$src" -s mrproper
	fi
	"$top/kernel-integration/apply.sh" "$src" >&2
}

# prepare_build DIR FRAGMENT...: defconfig + fragments, then make prepare;
# redone only when a fragment is newer than the configuration.  A
# fragment that turns the plugin off (plain.config) makes a plain build.
prepare_build() {
	local dir=$1 frag redo=false
	shift
	mkdir -p "$dir"
	[ -f "$dir/.config" ] || redo=true
	for frag in "$@"; do
		[ "$frag" -nt "$dir/.config" ] && redo=true
	done
	if $redo; then
		say "configuring $dir: x86_64 defconfig + ${*##*/}"
		make -C "$src" O="$dir" "${kmake_cc[@]}" -s defconfig >/dev/null
		"$src/scripts/kconfig/merge_config.sh" -O "$dir" -m "$dir/.config" \
			"$@" >/dev/null
		make -C "$src" O="$dir" "${kmake_cc[@]}" -s olddefconfig >/dev/null
	fi
	if grep -q '^CONFIG_GCC_PLUGIN_PIN_BALANCE=y' "$dir/.config"; then
		want_plugin=true
	else
		want_plugin=false
		case " $* " in *plain.config*) ;; *)
			die "$dir/.config: CONFIG_GCC_PLUGIN_PIN_BALANCE did not stick (are $(kernel_cc_pkgs) installed?)" ;;
		esac
	fi
	say "make prepare in $dir (builds the plugins; quick when done before)"
	make -C "$src" O="$dir" "${kmake_cc[@]}" -s -j"$jobs" prepare \
		>"$dir/prepare.log" 2>&1 ||
		die "make prepare failed: see $dir/prepare.log"
	! $want_plugin || [ -f "$dir/scripts/gcc-plugins/pinbalance_plugin.so" ] ||
		die "the plugin was not built: see $dir/prepare.log"
}

# finding_lines LOG...: the plugin's findings in compiler output, one line
# each, unique, with the function they are in: "FILE: In function 'F':
# WARNING".  A finding reported at a macro in a header (free_page() in
# gfp.h) has the same warning line in every function it is found in: the
# function tells them apart.
finding_lines() {
	awk '
		FNR == 1 { where = FILENAME }
		/: In (member )?function / { where = $0; sub(/:[[:space:]]*$/, "", where); next }
		/: (warning|error): .*\[CWE-[0-9]+\]/ { print where ": " $0 }
	' "$@" | sort -u
}

# callers_in TREE NAMES [PATH...]: the .c files of TREE, or of its PATHs
# (files or directories, relative to TREE), that call one of the functions
# NAMES (an ERE alternation, 'a|b|c'): relative paths, sorted.
callers_in() {
	local tree=$1 names=$2
	shift 2
	[ $# -gt 0 ] || set -- .
	(cd "$tree" && grep -rlE --include='*.c' "\\b($names)[[:space:]]*\\(" \
		--exclude-dir=tools --exclude-dir=Documentation \
		--exclude-dir=samples --exclude-dir=scripts "$@" 2>/dev/null |
		sed 's|^\./||' | sort -u) || true
}

# objects_re: the sources on standard input (dir/file.c) as an ERE that
# matches their objects (dir/file.o), for recheck.sh's ONLY.
objects_re() {
	sed 's|\.c$|.o|; s/[.]/[.]/g' | paste -sd'|'
}

# rule_call_sources SRC: the .c files of the tree SRC (relative paths,
# sorted) that call a function the rules name as an acquire or a release:
# every file the plugin has something to analyse in.
# More rules files (a summary database) may follow SRC: their acquires and
# releases count too.
rule_call_sources() {
	local tree=$1
	shift
	callers_in "$tree" "$(awk '$1 == "acquire" || $1 == "release" { print $2 }' \
		"$top/rules/linux.rules" "$@" | sort -u | paste -sd'|')"
}

