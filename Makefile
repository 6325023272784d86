# pinbalance - GCC plugin checking pin/unpin balance in Linux kernel code.
#
#   make                 build plugin/pinbalance.so for $(CC) (default gcc)
#   make CC=gcc-11       build for GCC 11 (into plugin/gcc-11/pinbalance.so)
#   make check           run the DejaGnu testsuite
#   make debug           build with AddressSanitizer/UBSan into plugin/asan/
#   make check-asan      run the testsuite with that build
#   make fuzz            fuzz the rules parser (libFuzzer, FUZZ_SECONDS=1800)
#   make kernel-check    check Linux 6.12 through kbuild (ALL=1: whole tree)
#   make kernel-recall   recall on bugs re-created in 6.12 (docs/recall.md)
#   make kernel-recheck  the checked objects again with this plugin
#   make kernel-fix      the fix-its of a kernel check as one patch (VERSION=)
#   make kernel-db       the summary database of a tree, and the check with it
#   make check-enforce   test that a finding fails a kernel build only with
#                        CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE (check-kernel:
#                        its old name)
#   make bench           compile-time benchmarks (docs/performance.md)

.DEFAULT_GOAL := all

CC ?= gcc
ifeq ($(origin CC),default)
CC := gcc
endif
CXX_FOR_CC = $(patsubst %gcc,%g++,$(patsubst gcc-%,g++-%,$(CC)))
PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin)

# The plugin's files, top (options, passes) to bottom (the rules parser).
SRCS := plugin/pinbalance.c plugin/pb_analyze.c plugin/pb_fields.c \
	plugin/pb_sg.c \
	plugin/pb_census.c plugin/pb_database.c \
	plugin/pb_diag.c plugin/pb_fixit.c plugin/pb_summary.c plugin/pb_replace.c \
	plugin/pb_insert.c plugin/pb_borrow.c plugin/pb_wrappers.c \
	plugin/pb_solve.c plugin/pb_sm.c plugin/pb_checks.c \
	plugin/pb_findings.c plugin/pb_cond.c plugin/pb_source.c \
	plugin/pb_guards.c \
	plugin/pb_handover.c plugin/pb_sites.c plugin/pb_value.c \
	plugin/pb_states.c plugin/pb_api.c plugin/pb_rules.c
HDRS := plugin/pinbalance.h plugin/pb_states.h plugin/pb_gcc.h \
	plugin/pb_rules.h plugin/pb_linux_rules.inc

# rules/linux.rules, compiled in as the default rules: one C string line
# per rules line.
plugin/pb_linux_rules.inc: rules/linux.rules rules/rules2c.sh
	sh rules/rules2c.sh $< > $@.tmp && mv $@.tmp $@

# The kernel builds its plugins as C++ with these flags (scripts/gcc-plugins/Makefile).
PLUGIN_CXXFLAGS = -I$(PLUGIN_DIR)/include -fPIC -shared -fno-rtti \
	-fno-exceptions -fasynchronous-unwind-tables -std=gnu++11 \
	-Wall -Wextra -O2 -g

# cc1 is C++ and exports operator new/delete, so the plugin needs no
# libstdc++.so of its own: loading one costs every compile about 1 MiB of
# resident memory (docs/performance.md).  Only libc and libgcc are linked.
PLUGIN_LDFLAGS = -nodefaultlibs
PLUGIN_LIBS = -lc -lgcc

ifeq ($(CC),gcc)
OUT := plugin
else
OUT := plugin/$(CC)
endif

PLUGIN := $(OUT)/pinbalance.so

all: $(PLUGIN)

$(PLUGIN): $(SRCS) $(HDRS) Makefile
	@mkdir -p $(OUT)
	$(CXX_FOR_CC) $(PLUGIN_CXXFLAGS) $(PLUGIN_LDFLAGS) -o $@ -x c++ $(SRCS) \
		-x none $(PLUGIN_LIBS)

debug: plugin/asan/pinbalance.so
plugin/asan/pinbalance.so: $(SRCS) $(HDRS)
	@mkdir -p plugin/asan
	$(CXX_FOR_CC) $(PLUGIN_CXXFLAGS) -fsanitize=address,undefined \
		-fno-omit-frame-pointer -o $@ -x c++ $(SRCS)

check: $(PLUGIN)
	cd testsuite && runtest --tool pinbalance --srcdir . \
		PINBALANCE_CC=$(CC) PINBALANCE_PLUGIN=$(abspath $(PLUGIN))

clean:
	rm -rf plugin/*.so plugin/gcc-* plugin/asan testsuite/*.log testsuite/*.sum

# cc1 is not built with the sanitizers: preload their runtimes into it.
check-asan: plugin/asan/pinbalance.so
	cd testsuite && runtest --tool pinbalance --srcdir . PINBALANCE_CC=$(CC) \
		PINBALANCE_PLUGIN=$(abspath plugin/asan/pinbalance.so) \
		PINBALANCE_ENV="LD_PRELOAD='$(shell $(CC) -print-file-name=libasan.so) $(shell $(CC) -print-file-name=libubsan.so)' ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1"

.PHONY: all debug check check-asan clean

# The rules parser alone under libFuzzer (clang), seeded with the shipped
# rules files; testsuite/fuzz/rules-fuzz.c says what it asserts.
FUZZ_SECONDS ?= 1800
FUZZ_CC ?= clang
build/rules-fuzz: testsuite/fuzz/rules-fuzz.c plugin/pb_rules.c plugin/pb_rules.h plugin/pb_linux_rules.inc
	@mkdir -p build
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -Iplugin -I/usr/include/libiberty \
		testsuite/fuzz/rules-fuzz.c plugin/pb_rules.c -liberty -o $@

fuzz: build/rules-fuzz
	@mkdir -p build/fuzz-corpus build/fuzz-crashes
	cp rules/linux.rules testsuite/pinbalance.rules/*.rules build/fuzz-corpus/
	build/rules-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		-print_final_stats=1 -artifact_prefix=build/fuzz-crashes/ \
		build/fuzz-corpus 2>&1 | tee build/fuzz.log | \
		grep --line-buffered -E '^#[0-9]+.*(pulse|DONE)|^(==|stat::|Done)'

.PHONY: fuzz

# The main job: build every Linux 6.12 object that calls an acquire or a
# release of the rules with CONFIG_GCC_PLUGIN_PIN_BALANCE=y; ALL=1: the
# whole configured tree, and a plain build beside it
# (kernel-integration/kernel-check.sh).
kernel-check:
	kernel-integration/kernel-check.sh 6.12

# Recall on real code: bugs re-created by one-line edits in Linux 6.12
# files, each compiled with kbuild's recorded command and this checkout's
# plugin (a benchmark; docs/recall.md).  Needs make kernel-check first.
kernel-recall: $(PLUGIN)
	kernel-integration/kernel-recall.sh 6.12

# The objects of the last kernel check again, with this checkout's plugin,
# without kbuild: a plugin change tried on the whole pin/get part of the
# tree in minutes.
kernel-recheck: $(PLUGIN)
	ARGS=stats kernel-integration/recheck.sh 6.12

# Every acquire and release site of the pin/get part of a tree, with its
# verdict: JSON lines and a report in build/census/ (VERSION=6.1 for 6.1,
# COMPARE=6.1 to compare with an earlier census)
kernel-census: $(PLUGIN)
	kernel-integration/census.sh $(or $(VERSION),6.12)

# The summary database of a tree and the check with it (pages across
# files): ~/.cache/pinbalance/summaries-VERSION.rules.  Needs the
# whole-tree build of make kernel-check ALL=1 first.
kernel-db: $(PLUGIN)
	kernel-integration/summaries.sh $(or $(VERSION),6.12)

# The fix-its of every mismatch of the last kernel check, as one patch for
# the tree (~/.cache/pinbalance/pinbalance-fixes-VERSION.patch, patch -p1)
kernel-fix: $(PLUGIN)
	kernel-integration/kernel-fix.sh $(or $(VERSION),6.12)

# With CONFIG_GCC_PLUGIN_PIN_BALANCE_ENFORCE a put_page() of a pinned page
# stops a kernel build; without it, it is a warning CONFIG_WERROR ignores.
check-enforce:
	kernel-integration/enforce-test.sh 6.12

# The target's name before it was made distinct from kernel-check.
check-kernel: check-enforce

.PHONY: kernel-check kernel-recall kernel-recheck kernel-census kernel-fix kernel-db \
	check-enforce check-kernel

# The no-op plugin: the benchmark's floor, built like pinbalance.
build/noop_plugin.so: testsuite/bench/noop_plugin.c
	@mkdir -p build
	$(CXX_FOR_CC) $(PLUGIN_CXXFLAGS) $(PLUGIN_LDFLAGS) -o $@ -x c++ $< \
		-x none $(PLUGIN_LIBS)

# Compile-time benchmarks (docs/performance.md); BENCH=timing|instr|scaling.
bench: $(PLUGIN) build/noop_plugin.so
	testsuite/bench/bench.sh $(or $(BENCH),all)

.PHONY: bench
