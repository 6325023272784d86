#!/usr/bin/env python3
"""census-report.py - a tree's census of page-reference sites, as Markdown.

Reads the JSON lines -fplugin-arg-pinbalance-census wrote over a kernel
tree (kernel-integration/census.sh) and prints:
  - the totals: acquire sites by kind and verdict, releases by kind;
  - a table by subsystem (the first two directories of the path);
  - the get sites that look like they should be pins by the rules of
    Documentation/core-api/pin_user_pages.rst: their pages go to an owner
    (sg tables, bios, pipes), or the call asks for FOLL_LONGTERM;
  - with --svg FILE, a bar chart of pin and get sites per subsystem;
  - with --compare OLD, what changed since an older tree's census: sites
    converted from get to pin, sites gone, sites new (matched by file,
    function and call family, not by line).

FOLL_LONGTERM's value differs between releases (0x10000 in 6.1, 1 << 8 in
6.12): --longterm gives it, census.sh reads it from the tree's headers.
"""
import argparse
import collections
import json
import os
import sys


def load(path, tree):
    sites = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                s = json.loads(line)
            except ValueError:
                continue
            name = s.get("file", "")
            if tree and name.startswith(tree):
                name = name[len(tree):].lstrip("/")
            s["file"] = name
            sites.append(s)
    # one object per site even if a file was compiled twice
    seen, unique = set(), []
    for s in sites:
        key = (s["site"], s["file"], s["line"], s["function"], s["call"])
        if key not in seen:
            seen.add(key)
            unique.append(s)
    return unique


def subsystem(path):
    parts = path.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def family(call):
    """pin_user_pages_fast and get_user_pages_fast are one family; so are
    the iov_iter functions (iov_iter_get_pages2 became
    iov_iter_extract_pages, which pins user memory) and the remote ones."""
    if call.startswith("iov_iter_"):
        return "iov_iter pages"
    if call in ("get_user_page_vma_remote", "get_user_pages_remote",
                "pin_user_pages_remote"):
        return "user_pages_remote"
    for prefix in ("pin_", "get_"):
        if call.startswith(prefix):
            return call[len(prefix):]
    return call


def candidate_reason(s, longterm):
    if s["kind"] != "get":
        return None
    if longterm and s.get("flags") is not None and s["flags"] & longterm:
        return "FOLL_LONGTERM"
    if s.get("verdict") == "handed" and "an owner" in s.get("detail", ""):
        return "pages handed to an owner (an sg table, a bio or a pipe)"
    return None


def totals(sites, out):
    acq = [s for s in sites if s["site"] == "acquire"]
    rel = [s for s in sites if s["site"] == "release"]
    kinds = collections.Counter(s["kind"] for s in acq)
    out.append(f"- acquire sites: {len(acq)} ({kinds['pin']} pin, "
               f"{kinds['get']} get), in "
               f"{len(set(s['file'] for s in acq))} files")
    relk = collections.Counter(s["kind"] for s in rel)
    out.append(f"- release sites: {len(rel)} ({relk['pin']} pin, "
               f"{relk['get']} get, {relk['any']} either)")
    out.append("")
    out.append("| verdict | pin | get | all |")
    out.append("|---|---|---|---|")
    verdicts = collections.Counter((s["verdict"], s["kind"]) for s in acq)
    for v in ("balanced", "finding", "handed", "caller-checked",
              "caller-owned", "kind-unsure", "untracked", "given-up"):
        p, g = verdicts[(v, "pin")], verdicts[(v, "get")]
        if p or g:
            out.append(f"| {v} | {p} | {g} | {p + g} |")
    out.append("")
    handed = collections.Counter()
    for s in acq:
        if s["verdict"] == "handed":
            for why in s.get("detail", "").split(", "):
                handed[why] += 1
    if handed:
        out.append("Handed over, by what took them (a site may count "
                   "under several):")
        out.append("")
        out.append("| to | sites |")
        out.append("|---|---|")
        for why, n in handed.most_common():
            out.append(f"| {why} | {n} |")
        out.append("")


def by_subsystem(sites, out):
    acq = [s for s in sites if s["site"] == "acquire"]
    rows = collections.defaultdict(collections.Counter)
    for s in acq:
        r = rows[subsystem(s["file"])]
        r[s["kind"]] += 1
        r[s["verdict"]] += 1
    out.append("| subsystem | sites | pin | get | balanced | finding | "
               "handed | caller's | other |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for sub in sorted(rows, key=lambda k: (-(rows[k]["pin"] + rows[k]["get"]), k)):
        r = rows[sub]
        n = r["pin"] + r["get"]
        callers = r["caller-owned"] + r["caller-checked"]
        other = n - r["balanced"] - r["finding"] - r["handed"] - callers
        out.append(f"| {sub} | {n} | {r['pin']} | {r['get']} | "
                   f"{r['balanced']} | {r['finding']} | {r['handed']} | "
                   f"{callers} | {other} |")
    out.append("")
    return rows


def svg(rows, path):
    subs = sorted(rows, key=lambda k: (-(rows[k]["pin"] + rows[k]["get"]), k))
    bar, gap, left, scale = 14, 4, 190, 12
    top = max([rows[k]["pin"] + rows[k]["get"] for k in subs] + [1])
    width = left + top * scale + 60
    height = 30 + len(subs) * (bar + gap)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" font-family="sans-serif" font-size="11">',
             f'<text x="{left}" y="14">pin (blue) and get (orange) '
             'acquire sites per subsystem</text>']
    y = 24
    for k in subs:
        p, g = rows[k]["pin"], rows[k]["get"]
        parts.append(f'<text x="{left - 6}" y="{y + 11}" '
                     f'text-anchor="end">{k}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{p * scale}" '
                     f'height="{bar}" fill="#3b6fb6"/>')
        parts.append(f'<rect x="{left + p * scale}" y="{y}" '
                     f'width="{g * scale}" height="{bar}" fill="#e08a2c"/>')
        parts.append(f'<text x="{left + (p + g) * scale + 4}" y="{y + 11}">'
                     f'{p}+{g}</text>')
        y += bar + gap
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")


def candidates(sites, longterm, out):
    rows = []
    for s in sites:
        if s["site"] != "acquire":
            continue
        why = candidate_reason(s, longterm)
        if why:
            rows.append((s["file"], s["line"], s["function"], s["call"], why))
    out.append(f"{len(rows)} get sites look like conversion candidates:")
    out.append("")
    if rows:
        out.append("| file:line | function | call | why |")
        out.append("|---|---|---|---|")
        for f, line, fn, call, why in sorted(rows):
            out.append(f"| {f}:{line} | {fn} | {call} | {why} |")
    out.append("")


def compare(old, new, out):
    def keyed(sites):
        d = {}
        for s in sites:
            if s["site"] == "acquire":
                d.setdefault((s["file"], s["function"], family(s["call"])),
                             []).append(s)
        return d
    a, b = keyed(old), keyed(new)
    # only the files both censuses compiled: a file one tree did not build
    # (another configuration) is neither gone nor new
    files_a = set(s["file"] for s in old)
    files_b = set(s["file"] for s in new)
    both = files_a & files_b
    out.append(f"Files compiled in both censuses: {len(both)} "
               f"(only in the older: {len(files_a - both)}, only in the "
               f"newer: {len(files_b - both)}); sites compared in those.")
    out.append("")
    a = {k: v for k, v in a.items() if k[0] in both}
    b = {k: v for k, v in b.items() if k[0] in both}
    converted = [k for k in a if k in b and
                 any(s["kind"] == "get" for s in a[k]) and
                 all(s["kind"] == "pin" for s in b[k])]
    gone = [k for k in a if k not in b]
    added = [k for k in b if k not in a]
    still_get = [k for k in b if k in a and
                 all(s["kind"] == "get" for s in b[k])]
    out.append(f"- sites (file, function, call family) in both: "
               f"{len([k for k in a if k in b])}")
    out.append(f"- converted from get to pin: {len(converted)}")
    out.append(f"- still get in both: {len(still_get)}")
    out.append(f"- gone since the older tree: {len(gone)}")
    out.append(f"- new in the newer tree: {len(added)}")
    out.append("")
    for title, keys in (("Converted from get to pin", converted),
                        ("Gone", gone), ("New", added)):
        if not keys:
            continue
        out.append(f"{title}:")
        out.append("")
        for f, fn, fam in sorted(keys):
            calls = sorted(set(s["call"] for s in (b.get((f, fn, fam)) or
                                                   a.get((f, fn, fam)))))
            out.append(f"- `{f}` `{fn}()`: {', '.join(calls)}")
        out.append("")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("census")
    ap.add_argument("--tree", default="", help="path prefix to strip")
    ap.add_argument("--title", default="Census")
    ap.add_argument("--longterm", type=lambda v: int(v, 0), default=0)
    ap.add_argument("--svg")
    ap.add_argument("--compare", help="an older census")
    ap.add_argument("--compare-tree", default="")
    args = ap.parse_args()
    sites = load(args.census, args.tree)
    out = [f"# {args.title}", ""]
    totals(sites, out)
    out.append("## By subsystem")
    out.append("")
    rows = by_subsystem(sites, out)
    if args.svg:
        svg(rows, args.svg)
        out.append(f"![pin and get sites per subsystem]({os.path.basename(args.svg)})")
        out.append("")
    out.append("## Conversion candidates")
    out.append("")
    candidates(sites, args.longterm, out)
    if args.compare:
        out.append("## Compared with the older tree")
        out.append("")
        compare(load(args.compare, args.compare_tree), sites, out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
