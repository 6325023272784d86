#!/bin/bash
# bench.sh [all|timing|instr|scaling] - pinbalance's compile-time cost.
#
#   timing   compile-bench.py: kbuild's compile commands of the Linux 6.12
#            pin-API objects and of 100 other objects, plain / no-op plugin /
#            pinbalance, interleaved, 5 rounds: CPU time and peak memory
#   instr    instr-bench.py: executed instructions under cachegrind, 12
#            pin-API and 12 other objects
#   scaling  scaling-bench.py: pass time per statement for synthetic
#            functions of 10^2..10^5 statements, with an SVG plot, and
#            the instructions per statement under callgrind (INSTR=0: not)
#
# Uses the tree kernel-check prepares (~/.cache/pinbalance/build-6.12) and
# its pinbalance_plugin.so, building what is missing.  Results go to
# build/bench/ (markdown tables, JSON, scaling.svg); docs/performance.md
# shows them.  Environment: ROUNDS (5), OTHERS (100), JOBS (nproc), INSTR (1).
set -euo pipefail
. "$(dirname "$0")/../../kernel-integration/lib.sh"

what=${1:-all}
out=$top/build/bench
mkdir -p "$out"
rounds=${ROUNDS:-5}
others=${OTHERS:-100}
build=$cache/build-6.12

prepare_kernel_objects() {
	prepare_source 6.12
	prepare_build "$build" "$top/kernel-integration/pin-api.config" \
		"$top/kernel-integration/pinbalance.config"
	[ -f "$build/mm/gup.o" ] || "$top/kernel-integration/kernel-check.sh" 6.12 >&2
	# enough objects that do not call the pin API: mm/ and block/
	local n
	n=$(find "$build/mm" "$build/block" -name '*.o' 2>/dev/null | wc -l)
	if [ "$n" -lt $((others + 20)) ]; then
		say "building mm/ and block/ for the sample of non-pin objects"
		make -C "$src" O="$build" -k -j"$jobs" mm/ block/ >"$out/build-others.log" 2>&1 || true
	fi
}

plugin=$cache/build-6.12/scripts/gcc-plugins/pinbalance_plugin.so
noop=$top/build/noop_plugin.so
make -C "$top" -s build/noop_plugin.so

if [ "$what" = all ] || [ "$what" = instr ] || [ "$what" = timing ]; then
	prepare_kernel_objects
fi
if [ "$what" = all ] || [ "$what" = instr ]; then
	say "instructions under cachegrind (deterministic; $jobs jobs)"
	python3 "$top/testsuite/bench/instr-bench.py" --build "$build" \
		--plugin "$plugin" --noop "$noop" --rules "$top/rules/linux.rules" \
		--jobs "$jobs" --json "$out/instr.json" | tee "$out/instr.md"
fi
if [ "$what" = all ] || [ "$what" = timing ]; then
	say "CPU time and peak memory, $rounds rounds ($jobs jobs)"
	python3 "$top/testsuite/bench/compile-bench.py" --build "$build" \
		--plugin "$plugin" --noop "$noop" --rules "$top/rules/linux.rules" \
		--rounds "$rounds" --others "$others" --jobs "$jobs" \
		--json "$out/timing.json" | tee "$out/timing.md"
fi
if [ "$what" = all ] || [ "$what" = scaling ]; then
	make -C "$top" -s
	say "scaling: synthetic functions of 10^2..10^5 statements"
	scaling_instr=--instr
	[ "${INSTR:-1}" = 0 ] && scaling_instr=
	python3 "$top/testsuite/bench/scaling-bench.py" $scaling_instr \
		--plugin "$top/plugin/pinbalance.so" --svg "$out/scaling.svg" |
		tee "$out/scaling.md"
fi
say "results in $out"
