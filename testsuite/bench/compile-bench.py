#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""compile-bench.py - compile-time cost of pinbalance on real kernel objects.

Replays kbuild's own compile commands (the savedcmd_/cmd_ lines of the .cmd
files in a built kernel tree) three ways: plain (every -fplugin stripped),
with the no-op plugin (the floor: loading a plugin at all), and with
pinbalance.  Objects are taken one by one, the three variants run back to
back in an order that rotates with the object and the round, for --rounds
rounds.  Compiler CPU time (user + system of gcc and its children, from
wait4) and peak memory (maxrss) are recorded for every compile.

Two groups are measured: the objects whose source calls the pin API, and a
fixed sample of objects that do not.  For each group and round the script
reports the summed CPU time per variant and the ratios to plain, and the
median of those ratios over the rounds.  A sum is moved by any one slow
compile, so the script also gives the median, over every object and round,
of the ratio of the back-to-back compiles of one object (the paired
median): the figure least moved by the machine's drift.  Peak memory is
compared per object (the smallest maxrss over rounds per variant) and
summarised by the median and maximum ratio.  Raw results go to --json; --from-json summarises such a file again
without compiling anything.

With --jobs 2 two workers split the objects; each compile's CPU time is its
own, and the variants of one object always run in the same worker back to
back, so the ratios stay fair.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time

VARIANTS = ("plain", "noop", "pinbalance")


def read_command(cmd_file):
    """The compile command of a kbuild .cmd file, as an argv list."""
    with open(cmd_file, errors="replace") as f:
        for line in f:
            m = re.match(r"(?:saved)?cmd_\S+\.o := (.*)$", line)
            if m:
                # 6.1 appends '; ./tools/objtool/...' to some commands
                return shlex.split(m.group(1).split(" ; ")[0].split("; ")[0])
    return None


def source_of(argv):
    for a in reversed(argv):
        if a.endswith(".c"):
            return a
    return None


def plain(argv, out):
    """ARGV with no plugin, no dependency file, and OUT as the object."""
    res = []
    skip = False
    for a in argv:
        if skip:
            res.append(out)
            skip = False
            continue
        if a.startswith("-Wp,-MMD") or a.startswith("-Wp,-MD") or a.startswith("-fplugin"):
            continue
        if a == "-o":
            skip = True
        res.append(a)
    return res


def variant_argv(base, variant, noop, plugin):
    if variant == "plain":
        return base
    so = noop if variant == "noop" else plugin
    return base[:1] + ["-fplugin=" + so] + base[1:]


def run(argv, cwd):
    """CPU seconds (user + sys, gcc and its children) and maxrss in KiB."""
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = status
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss, os.waitstatus_to_exitcode(status)


def find_objects(build, pin_re, others, wanted_pin):
    pin, other = [], []
    for root, _, files in os.walk(build):
        for name in files:
            if not (name.startswith(".") and name.endswith(".o.cmd")):
                continue
            obj = os.path.join(root, name[1:-4])
            if not os.path.exists(obj):
                continue
            argv = read_command(os.path.join(root, name))
            if not argv or "-c" not in argv:
                continue
            # only what kbuild itself compiles with the plugin: host
            # programs such as arch/x86/tools/relocs never load it
            if not any(a.startswith("-fplugin=") for a in argv):
                continue
            src = source_of(argv)
            if not src or not os.path.exists(src):
                continue
            with open(src, errors="replace") as f:
                calls_pin = bool(pin_re.search(f.read()))
            rel = os.path.relpath(obj, build)
            if rel.startswith("scripts/") or rel.startswith("tools/"):
                continue
            (pin if calls_pin else other).append((rel, argv))
    pin.sort()
    other.sort()
    if wanted_pin:
        pin = [p for p in pin if p[0] in wanted_pin]
    # a fixed sample spread over the tree, not the first N of one directory
    if others == 0:
        other = []
    elif len(other) > others:
        step = len(other) / others
        other = [other[int(i * step)] for i in range(others)]
    return pin, other


def measure(jobs, rounds, build, noop, plugin, progress):
    """jobs: list of (group, obj, argv).  Returns results[group][obj][variant] = [(cpu, rss)]."""
    results = {}
    lock = threading.Lock()
    done = [0]
    total = len(jobs) * rounds
    tmpdir = tempfile.mkdtemp(prefix="pb-bench-")

    def worker(wid, part):
        out = os.path.join(tmpdir, "w%d.o" % wid)
        for r in range(rounds):
            for i, (group, obj, argv) in enumerate(part):
                base = plain(argv, out)
                k = (r + i) % len(VARIANTS)
                order = VARIANTS[k:] + VARIANTS[:k]
                if (r + i) % 2:
                    order = tuple(reversed(order))
                for v in order:
                    cpu, rss, rc = run(variant_argv(base, v, noop, plugin), build)
                    with lock:
                        results.setdefault(group, {}).setdefault(obj, {}).setdefault(v, []).append(
                            (cpu, rss, rc, r))
                with lock:
                    done[0] += 1
                    if progress and done[0] % 10 == 0:
                        print("bench: %d/%d compiles of 3 (round %d of %d)" %
                              (done[0], total, r + 1, rounds), file=sys.stderr, flush=True)

    parts = [jobs[i::progress_jobs[0]] for i in range(progress_jobs[0])]
    threads = [threading.Thread(target=worker, args=(i, p)) for i, p in enumerate(parts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


progress_jobs = [1]


def summarise(results, rounds):
    summary = {}
    for group, objs in results.items():
        ok = {o: v for o, v in objs.items()
              if all(rc == 0 for var in VARIANTS for (_, _, rc, _) in v.get(var, [(0, 0, 1, 0)]))}
        per_round = []
        for r in range(rounds):
            tot = {v: sum(c for o in ok.values() for (c, _, _, rr) in o[v] if rr == r) for v in VARIANTS}
            per_round.append({
                "plain_s": tot["plain"], "noop_s": tot["noop"], "pinbalance_s": tot["pinbalance"],
                "noop_ratio": tot["noop"] / tot["plain"],
                "pinbalance_ratio": tot["pinbalance"] / tot["plain"],
            })
        pairs = {v: [] for v in ("noop", "pinbalance")}
        for o in ok.values():
            for r in range(rounds):
                cpu = {v: [c for (c, _, _, rr) in o[v] if rr == r] for v in VARIANTS}
                if all(cpu.values()) and cpu["plain"][0] > 0:
                    for v in pairs:
                        pairs[v].append(cpu[v][0] / cpu["plain"][0])
        mem = []
        for o in ok.values():
            m = {v: min(rss for (_, rss, _, _) in o[v]) for v in VARIANTS}
            mem.append((m["pinbalance"] / m["plain"], m["noop"] / m["plain"]))
        summary[group] = {
            "objects": len(ok),
            "failed_objects": sorted(set(objs) - set(ok)),
            "rounds": per_round,
            "median_noop_ratio": statistics.median(p["noop_ratio"] for p in per_round),
            "median_pinbalance_ratio": statistics.median(p["pinbalance_ratio"] for p in per_round),
            "paired_median_noop_ratio": statistics.median(pairs["noop"]),
            "paired_median_pinbalance_ratio": statistics.median(pairs["pinbalance"]),
            "pairs": len(pairs["pinbalance"]),
            "mem_median_pinbalance_ratio": statistics.median(m[0] for m in mem),
            "mem_max_pinbalance_ratio": max(m[0] for m in mem),
            "mem_median_noop_ratio": statistics.median(m[1] for m in mem),
            "mem_max_noop_ratio": max(m[1] for m in mem),
        }
    return summary


def print_tables(summary):
    for group in ("pin-api", "other"):
        s = summary.get(group)
        if not s:
            continue
        print("\n### %s objects (%d)\n" % (group, s["objects"]))
        print("| round | plain CPU s | no-op plugin s | pinbalance s | no-op/plain | pinbalance/plain |")
        print("|---|---|---|---|---|---|")
        for i, r in enumerate(s["rounds"]):
            print("| %d | %.2f | %.2f | %.2f | %.4f | %.4f |" % (
                i + 1, r["plain_s"], r["noop_s"], r["pinbalance_s"], r["noop_ratio"], r["pinbalance_ratio"]))
        print("| **median** | | | | **%.4f** | **%.4f** |" % (
            s["median_noop_ratio"], s["median_pinbalance_ratio"]))
        if "pairs" in s:
            print("| **paired median** (%d compiles of each) | | | | **%.4f** | **%.4f** |" % (
                s["pairs"], s["paired_median_noop_ratio"], s["paired_median_pinbalance_ratio"]))
        print("\nPeak memory (maxrss, smallest over rounds, per object): pinbalance/plain "
              "median %.4f, max %.4f; no-op/plain median %.4f, max %.4f" % (
                  s["mem_median_pinbalance_ratio"], s["mem_max_pinbalance_ratio"],
                  s["mem_median_noop_ratio"], s["mem_max_noop_ratio"]))
        if s["failed_objects"]:
            print("\nLeft out (a variant failed to compile): %s" % ", ".join(s["failed_objects"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", help="kernel build (O=) directory")
    ap.add_argument("--plugin", help="pinbalance plugin .so")
    ap.add_argument("--noop", help="no-op plugin .so")
    ap.add_argument("--rules", help="rules/linux.rules (names the pin API)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--others", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", help="write raw results here")
    ap.add_argument("--from-json", help="summarise the raw results of an earlier run")
    a = ap.parse_args()
    if a.from_json:
        with open(a.from_json) as f:
            raw = json.load(f)["raw"]
        rounds = 1 + max(rr for objs in raw.values() for o in objs.values()
                         for runs in o.values() for (_, _, _, rr) in runs)
        print_tables(summarise(raw, rounds))
        return
    if not (a.build and a.plugin and a.noop and a.rules):
        ap.error("--build, --plugin, --noop and --rules are needed to measure")
    names = []
    with open(a.rules) as f:
        for line in f:
            w = line.split("#")[0].split()
            if len(w) >= 2 and w[0] in ("acquire", "release") and "kind=pin" in w:
                names.append(w[1])
    pin_re = re.compile(r"\b(%s)\s*\(" % "|".join(map(re.escape, names)))
    pin, other = find_objects(a.build, pin_re, a.others, None)
    if len(other) < a.others:
        sys.exit("bench: only %d non-pin objects built in %s (need %d)" % (len(other), a.build, a.others))
    print("bench: %d pin-API objects, %d other objects, %d rounds, 3 variants, %d jobs" %
          (len(pin), len(other), a.rounds, a.jobs), file=sys.stderr)
    progress_jobs[0] = a.jobs
    jobs = [("pin-api", o, argv) for o, argv in pin] + [("other", o, argv) for o, argv in other]
    t0 = time.time()
    results = measure(jobs, a.rounds, a.build, a.noop, a.plugin, True)
    summary = summarise(results, a.rounds)
    print("bench: %.0f s" % (time.time() - t0), file=sys.stderr)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"summary": summary, "raw": results}, f, indent=1)
    print_tables(summary)


if __name__ == "__main__":
    main()
