#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""instr-bench.py - executed instructions of the compiler, with and without pinbalance.

Whole-process times are noisy to a few percent; the number of instructions
the compiler executes is not.  For a fixed sample of kernel objects (the
first --pin objects, in path order, whose source calls the pin API, and
--others objects that do not, spread over the tree) this replays kbuild's
compile command plain, with the no-op plugin and with pinbalance under

    valgrind --tool=cachegrind --cache-sim=no --trace-children=yes

and sums the instructions (I refs) of gcc and every child (cc1, as).
Counts repeat exactly run after run, so one run per variant is enough, and
runs may go in parallel (--jobs) without changing them.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
cb = __import__("compile-bench")


def instructions(argv, cwd):
    d = tempfile.mkdtemp(prefix="pb-cg-")
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
           "--cachegrind-out-file=%s/cg.%%p" % d] + argv
    rc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL).returncode
    total = 0
    for f in glob.glob(d + "/cg.*"):
        with open(f) as fh:
            for line in fh:
                if line.startswith("summary:"):
                    total += int(line.split()[1])
        os.unlink(f)
    os.rmdir(d)
    return total, rc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--noop", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--pin", type=int, default=12)
    ap.add_argument("--others", type=int, default=12)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--json")
    a = ap.parse_args()
    names = []
    with open(a.rules) as f:
        for line in f:
            w = line.split("#")[0].split()
            if len(w) >= 2 and w[0] in ("acquire", "release") and "kind=pin" in w:
                names.append(w[1])
    pin_re = re.compile(r"\b(%s)\s*\(" % "|".join(map(re.escape, names)))
    pin, other = cb.find_objects(a.build, pin_re, a.others, None)
    pin = pin[:a.pin]
    tmp = tempfile.mkdtemp(prefix="pb-ib-")
    work = []
    for group, objs in (("pin-api", pin), ("other", other)):
        for i, (obj, argv) in enumerate(objs):
            base = cb.plain(argv, os.path.join(tmp, "%s-%d.o" % (group, i)))
            for v in cb.VARIANTS:
                work.append((group, obj, v, cb.variant_argv(base, v, a.noop, a.plugin)))
    print("instr-bench: %d pin-API and %d other objects x 3 variants under cachegrind, %d jobs" %
          (len(pin), len(other), a.jobs), file=sys.stderr)
    res = {}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = {ex.submit(instructions, argv, a.build): (g, o, v) for g, o, v, argv in work}
        for n, fut in enumerate(concurrent.futures.as_completed(futs), 1):
            g, o, v = futs[fut]
            count, rc = fut.result()
            res.setdefault(g, {}).setdefault(o, {})[v] = (count, rc)
            print("instr-bench: [%d/%d] %s %s: %d instructions" % (n, len(work), v, o, count),
                  file=sys.stderr, flush=True)
    summary = {}
    for g, objs in res.items():
        ok = {o: v for o, v in objs.items() if all(v[x][1] == 0 for x in cb.VARIANTS)}
        tot = {x: sum(v[x][0] for v in ok.values()) for x in cb.VARIANTS}
        summary[g] = {"objects": len(ok), "totals": tot,
                      "noop_ratio": tot["noop"] / tot["plain"],
                      "pinbalance_ratio": tot["pinbalance"] / tot["plain"],
                      "per_object": {o: {x: v[x][0] for x in cb.VARIANTS} for o, v in ok.items()}}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(summary, f, indent=1)
    for g in ("pin-api", "other"):
        s = summary.get(g)
        if not s:
            continue
        print("\n### %s objects (%d): executed instructions\n" % (g, s["objects"]))
        print("| object | plain | no-op plugin | pinbalance | pinbalance/plain | pinbalance/no-op |")
        print("|---|---|---|---|---|---|")
        for o, v in sorted(s["per_object"].items()):
            print("| %s | %d | %d | %d | %.5f | %.5f |" % (
                o, v["plain"], v["noop"], v["pinbalance"], v["pinbalance"] / v["plain"],
                v["pinbalance"] / v["noop"]))
        t = s["totals"]
        print("| **total** | %d | %d | %d | **%.5f** | **%.5f** |" % (
            t["plain"], t["noop"], t["pinbalance"], s["pinbalance_ratio"], t["pinbalance"] / t["noop"]))
        print("\nno-op/plain %.5f; pinbalance/plain %.5f; difference from the no-op plugin %.5f" % (
            s["noop_ratio"], s["pinbalance_ratio"], s["pinbalance_ratio"] - s["noop_ratio"]))


if __name__ == "__main__":
    main()
