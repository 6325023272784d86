#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""scaling-bench.py - does pinbalance's cost per statement stay flat as functions grow?

For each shape of gen-scaling.py (chain, alive, loops) and each function size
N (default 10^2, 10^3, 10^4, 10^5 statements), compiles a translation unit
of max(1, TOTAL / N) functions of about N statements with the plugin and
-ftime-report, and reads the plugin's own line ("plugin execution": the
pass accounts its time to TV_PLUGIN_RUN).  The time per statement is that
time divided by the statements compiled, as counted by the generator (its
'statements per function' comment); the median of --runs runs is kept.
A second table sweeps the number of pin sites in the chain shape at a
fixed size, since the work per statement is bounded by the sites tracked.

The compile is at -O0: pinbalance runs right after the "ssa" pass, before
any optimisation, so it sees the same GIMPLE as at -O2, while GCC's own
optimisers (superlinear on a 10^5-statement function) stay out of the way.

With --instr, each compile also runs once under callgrind, collecting only
inside pb_analyze_function, and the table adds the instructions the plugin
executed per statement: exact and repeatable, unlike -ftime-report's
10-millisecond ticks (slow: about 30 minutes for the default sizes, the
functions of 10^5 statements taking most of it).

Writes markdown tables to stdout and an SVG plot (--svg) of microseconds
per statement against N, one line per shape.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE = os.path.join(HERE, "..", "include")


def plugin_seconds(cc, plugin, src):
    r = subprocess.run([cc, "-O0", "-I", INCLUDE, "-fplugin=" + plugin, "-ftime-report",
                        "-c", src, "-o", os.devnull], capture_output=True, text=True)
    if r.returncode:
        sys.exit("scaling-bench: compile failed: %s" % r.stderr[-2000:])
    m = re.search(r"plugin execution\s*:\s*([\d.]+)\s*\(\s*\d+%\)\s*([\d.]+)", r.stderr)
    total = re.search(r"TOTAL\s*:\s*([\d.]+)\s+([\d.]+)", r.stderr)
    usr_sys = float(m.group(1)) + float(m.group(2)) if m else 0.0
    return usr_sys, float(total.group(1)) + float(total.group(2))


def plugin_instructions(cc, plugin, src):
    """Instructions executed inside pb_analyze_function, by callgrind."""
    with tempfile.TemporaryDirectory(prefix="pb-cg-") as d:
        r = subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                            "--collect-atstart=no", "--toggle-collect=*pb_analyze_function*",
                            "--callgrind-out-file=" + os.path.join(d, "cg.%p"),
                            cc, "-O0", "-I", INCLUDE, "-fplugin=" + plugin,
                            "-c", src, "-o", os.devnull], capture_output=True, text=True)
        if r.returncode:
            sys.exit("scaling-bench: callgrind failed: %s" % r.stderr[-2000:])
        total = 0
        for name in os.listdir(d):
            with open(os.path.join(d, name)) as f:
                for line in f:
                    if line.startswith("totals:") or line.startswith("summary:"):
                        total = max(total, int(line.split()[1]))
    return total


def statements_per_function(src):
    with open(src) as f:
        for line in f:
            m = re.match(r"/\* statements per function: (\d+) \*/", line)
            if m:
                return int(m.group(1))
    sys.exit("scaling-bench: %s does not say its size" % src)


def generate(tmp, shape, n, copies, sites):
    src = os.path.join(tmp, "%s-%d-%d-%s.c" % (shape, n, copies, sites or "d"))
    args = [sys.executable, os.path.join(HERE, "gen-scaling.py"), shape, str(n), str(copies)]
    if sites:
        args.append(str(sites))
    with open(src, "w") as f:
        subprocess.run(args, stdout=f, check=True)
    return src


def measure(a, tmp, shape, n, sites=None):
    copies = max(1, a.total // n)
    src = generate(tmp, shape, n, copies, sites)
    per_function = statements_per_function(src)
    stmts = per_function * copies
    runs = [plugin_seconds(a.cc, a.plugin, src) for _ in range(a.runs)]
    row = {"shape": shape, "n": per_function, "nominal": n,
           "copies": copies, "sites": sites,
           "plugin_s": statistics.median(r[0] for r in runs),
           "gcc_total_s": statistics.median(r[1] for r in runs)}
    row["us_per_stmt"] = row["plugin_s"] / stmts * 1e6
    if a.instr:
        # instructions do not need a large sample: --instr-total statements
        icopies = max(1, a.instr_total // n)
        isrc = generate(tmp, shape, n, icopies, sites)
        row["instr_per_stmt"] = plugin_instructions(a.cc, a.plugin, isrc) / (
            statements_per_function(isrc) * icopies)
    print("scaling-bench: %s N=%d x%d%s: plugin %.2f s of %.2f s" % (
        shape, row["n"], copies, " sites=%d" % sites if sites else "",
        row["plugin_s"], row["gcc_total_s"]), file=sys.stderr, flush=True)
    return row


def svg_plot(rows, path):
    """A log-x line chart of us/statement by size, one polyline per shape."""
    w, h, left, bottom, top, right = 640, 400, 70, 50, 30, 120
    ymax = max(r["us_per_stmt"] for r in rows) * 1.2
    xs = sorted({r["n"] for r in rows})
    import math

    def x(n):
        lo, hi = math.log10(xs[0]), math.log10(xs[-1])
        return left + (math.log10(n) - lo) / (hi - lo) * (w - left - right)

    def y(v):
        return h - bottom - v / ymax * (h - bottom - top)
    colors = {"chain": "#1f77b4", "alive": "#d62728", "loops": "#2ca02c"}
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (w, h),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="18" font-size="14">pinbalance pass time per statement (-ftime-report, plugin execution)</text>' % left,
           '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (left, h - bottom, w - right, h - bottom),
           '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (left, top, left, h - bottom)]
    for e in range(math.ceil(math.log10(xs[0])), math.floor(math.log10(xs[-1])) + 1):
        out.append('<text x="%.1f" y="%d" text-anchor="middle">10^%d</text>' % (x(10 ** e), h - bottom + 18, e))
    out.append('<text x="%d" y="%d" text-anchor="middle">statements per function</text>' % ((left + w - right) // 2, h - 10))
    for i in range(5):
        v = ymax * i / 4
        out.append('<text x="%d" y="%.1f" text-anchor="end">%.2f</text>' % (left - 6, y(v) + 4, v))
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (left, y(v), w - right, y(v)))
    out.append('<text x="16" y="%d" transform="rotate(-90 16 %d)" text-anchor="middle">microseconds per statement</text>' % (h // 2, h // 2))
    for k, shape in enumerate(sorted({r["shape"] for r in rows})):
        pts = sorted((r["n"], r["us_per_stmt"]) for r in rows if r["shape"] == shape)
        c = colors.get(shape, "black")
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
            c, " ".join("%.1f,%.1f" % (x(n), y(v)) for n, v in pts)))
        for n, v in pts:
            out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (x(n), y(v), c))
        out.append('<text x="%d" y="%d" fill="%s">%s</text>' % (w - right + 10, top + 20 + 18 * k, c, shape))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    ap.add_argument("--total", type=int, default=100000,
                    help="statements per translation unit for the smaller sizes")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sites", default="1,2,4,8,16,32",
                    help="pin sites for the sweep of the chain shape ('' for none)")
    ap.add_argument("--sites-size", type=int, default=10000)
    ap.add_argument("--instr", action="store_true",
                    help="also count the plugin's instructions with callgrind")
    ap.add_argument("--instr-total", type=int, default=10000,
                    help="statements per translation unit under callgrind")
    ap.add_argument("--svg")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    rows = []
    tmp = tempfile.mkdtemp(prefix="pb-scale-")
    for shape in ("chain", "alive", "loops"):
        for n in sizes:
            rows.append(measure(a, tmp, shape, n))
    sweep = [measure(a, tmp, "chain", a.sites_size, int(k))
             for k in a.sites.split(",") if k]

    instr_h = " instructions per statement |" if a.instr else ""
    print("| shape | statements per function | functions | plugin pass s | whole compile s (-O0) | us per statement |" + instr_h)
    print("|---|---|---|---|---|---|" + ("---|" if a.instr else ""))
    for r in rows:
        print("| %s | %d | %d | %.2f | %.2f | %.2f |" % (
            r["shape"], r["n"], r["copies"], r["plugin_s"], r["gcc_total_s"], r["us_per_stmt"]) +
            (" %.0f |" % r["instr_per_stmt"] if a.instr else ""))
    print()
    for shape in ("chain", "alive", "loops"):
        pts = sorted((r["n"], r["us_per_stmt"], r.get("instr_per_stmt")) for r in rows if r["shape"] == shape)
        line = "%s: cost per statement at N=%d is %.2fx that at N=%d" % (
            shape, pts[-1][0], pts[-1][1] / pts[0][1] if pts[0][1] else float("inf"), pts[0][0])
        if a.instr and pts[0][2]:
            line += " (instructions: %.2fx)" % (pts[-1][2] / pts[0][2])
        print(line)
    if sweep:
        print()
        print("| pin sites (chain) | statements per function | functions | plugin pass s | us per statement |" + instr_h)
        print("|---|---|---|---|---|" + ("---|" if a.instr else ""))
        for r in sweep:
            print("| %d | %d | %d | %.2f | %.2f |" % (
                r["sites"], r["n"], r["copies"], r["plugin_s"], r["us_per_stmt"]) +
                (" %.0f |" % r["instr_per_stmt"] if a.instr else ""))
    if a.svg:
        svg_plot(rows, a.svg)
        print("\nplot: %s" % a.svg)


if __name__ == "__main__":
    main()
