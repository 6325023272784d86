#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""memory-breakdown.py - where a plugin's resident memory goes, mapping by mapping.

Compiles one C file (default: a one-line function) plain, with the no-op
plugin, with pinbalance and with pinbalance disabled
(-fplugin-arg-pinbalance-disable: loaded, but no pass registered), each
under an LD_PRELOAD helper (smaps_dump.c) that saves cc1's
/proc/self/smaps at exit, and prints the resident kilobytes of each
mapping that differs from the plain compile.  The smallest of --runs runs
is kept per mapping.

    testsuite/bench/memory-breakdown.py [--cc gcc] [--runs 3] [FILE.c [CFLAGS...]]
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.join(HERE, "..", "..")


def rss_by_mapping(path):
    rss = collections.Counter()
    name = None
    with open(path) as f:
        for line in f:
            m = re.match(r"^[0-9a-f]+-[0-9a-f]+ (\S+) ([0-9a-f]+) \S+ \S+\s*(.*)$", line)
            if m:
                # the file offset tells cc1's segments apart: offset 0 is
                # the one with the dynamic symbol tables
                name = "%s %s @0x%x" % (os.path.basename(m.group(3)) or "[anon]",
                                        m.group(1), int(m.group(2), 16))
                continue
            m = re.match(r"^Rss:\s+(\d+) kB", line)
            if m and name:
                rss[name] += int(m.group(1))
    return rss


def measure(cc, helper, flags, src, extra, runs, tmp):
    best = None
    for i in range(runs):
        d = tempfile.mkdtemp(dir=tmp)
        env = dict(os.environ, PB_SMAPS_DIR=d, LD_PRELOAD=helper)
        r = subprocess.run([cc] + flags + extra + ["-c", src, "-o", os.devnull],
                           env=env, capture_output=True, text=True)
        if r.returncode:
            sys.exit("memory-breakdown: compile failed: %s" % r.stderr[-2000:])
        dumps = glob.glob(os.path.join(d, "smaps.*"))
        if not dumps:
            sys.exit("memory-breakdown: no smaps from cc1 (is %s a gcc driver?)" % cc)
        rss = rss_by_mapping(dumps[0])
        best = rss if best is None else collections.Counter(
            {k: min(best.get(k, 0), rss.get(k, 0)) for k in set(best) | set(rss)})
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--plugin", default=os.path.join(TOP, "plugin", "pinbalance.so"))
    ap.add_argument("--noop", default=os.path.join(TOP, "build", "noop_plugin.so"))
    ap.add_argument("file", nargs="?")
    ap.add_argument("cflags", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="pb-mem-")
    helper = os.path.join(tmp, "smaps_dump.so")
    subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", helper,
                    os.path.join(HERE, "smaps_dump.c")], check=True)
    src = a.file
    if not src:
        src = os.path.join(tmp, "tiny.c")
        with open(src, "w") as f:
            f.write("int f(int x) { return x + 1; }\n")
    extra = a.cflags or ["-O2"]
    name = os.path.splitext(os.path.basename(a.plugin))[0]
    variants = [("plain", []), ("no-op plugin", ["-fplugin=" + a.noop]),
                ("pinbalance", ["-fplugin=" + a.plugin]),
                ("pinbalance, disabled", ["-fplugin=" + a.plugin,
                                          "-fplugin-arg-%s-disable" % name])]
    res = [(v, measure(a.cc, helper, f, src, extra, a.runs, tmp)) for v, f in variants]
    plain = res[0][1]
    print("resident KiB of cc1 at exit, %s (%s), smallest of %d runs\n" % (
        a.file or "a one-line function", " ".join(extra), a.runs))
    print("| mapping | plain | " + " | ".join("%s (diff)" % v for v, _ in res[1:]) + " |")
    print("|---|---|" + "---|" * (len(res) - 1))
    keys = set()
    for _, r in res[1:]:
        keys |= {k for k in set(r) | set(plain) if r.get(k, 0) != plain.get(k, 0)}
    for k in sorted(keys, key=lambda k: -max(r.get(k, 0) - plain.get(k, 0) for _, r in res[1:])):
        print("| %s | %d | " % (k, plain.get(k, 0)) + " | ".join(
            "%d (%+d)" % (r.get(k, 0), r.get(k, 0) - plain.get(k, 0)) for _, r in res[1:]) + " |")
    print("| **total** | %d | " % sum(plain.values()) + " | ".join(
        "%d (%+d)" % (sum(r.values()), sum(r.values()) - sum(plain.values())) for _, r in res[1:]) + " |")


if __name__ == "__main__":
    main()
