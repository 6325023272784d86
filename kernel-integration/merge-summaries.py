#!/usr/bin/env python3
"""merge-summaries.py - merge summary databases into one rules file.

Each input is what -fplugin-arg-pinbalance-summaries-out=FILE wrote (one
rule per line, 'defined=FILE:LINE' at its end), or the output of an
earlier merge.  The output is a rules file for
-fplugin-arg-pinbalance-rules=FILE, one rule per function, sorted by name.

The merge is associative and commutative, so per-object files can be
merged in any grouping (make -j, distcc): a function is a set of meanings
(its rule without the place), and its places.  One meaning: that rule,
with the first of its places in sort order.  Several (two configurations,
two architectures, two static functions of one name): nothing is true of
all of them but "unknown", so the function gets no rule, and a
'#conflict NAME MEANING' line per meaning keeps what was seen for the next
merge.  Each conflict is reported on standard error.

The 'asks' and 'passes' lines are facts about the calls of many files (a
site asks where the iterators a function is given come from; each file
that calls it answers): a function has any number of them, so each
distinct line is kept, with the first of its places.

Usage: merge-summaries.py [-o OUT] [--stats] FILE...
"""
import argparse
import re
import sys

DEFINED = re.compile(r'\s+defined=(\S+)\s*$')
CONFLICT = '#conflict '
FACTS = ('asks', 'passes')


def read(path, meanings, places, errors):
    """Add the rules of PATH to MEANINGS and PLACES (by function name)."""
    with open(path, encoding='ascii', errors='replace') as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if line.startswith(CONFLICT):
                fields = line[len(CONFLICT):].split(None, 1)
                if len(fields) == 2:
                    meanings.setdefault(fields[0], set()).add(fields[1])
                continue
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            words = line.split()
            if len(words) < 3 or not raw.endswith('\n'):
                errors.append(f'{path}:{number}: not a whole rule: {raw.strip()!r}')
                continue
            m = DEFINED.search(line)
            place = m.group(1) if m else None
            meaning = ' '.join(DEFINED.sub('', line).split())
            # a fact is its own key: any number per function
            name = meaning if words[0] in FACTS else words[1]
            meanings.setdefault(name, set()).add(meaning)
            if place:
                places.setdefault(name, set()).add(place)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('files', nargs='+')
    ap.add_argument('-o', '--output', default='-')
    ap.add_argument('--stats', action='store_true',
                    help='print the counts on standard error')
    args = ap.parse_args()
    meanings, places, errors = {}, {}, []
    for path in args.files:
        read(path, meanings, places, errors)
    out = sys.stdout if args.output == '-' else open(args.output, 'w')
    rules = conflicts = 0
    for name in sorted(meanings):
        seen = sorted(meanings[name])
        if len(seen) == 1:
            where = sorted(places.get(name, ()))
            out.write(seen[0] + (f' defined={where[0]}' if where else '') + '\n')
            rules += 1
            continue
        conflicts += 1
        print(f'merge-summaries: {name}: {len(seen)} different summaries '
              f'({", ".join(sorted(places.get(name, ())) or ["?"])}): '
              'left unknown', file=sys.stderr)
        for meaning in seen:
            out.write(f'{CONFLICT}{name} {meaning}\n')
    for e in errors:
        print(f'merge-summaries: {e}', file=sys.stderr)
    if args.stats:
        print(f'merge-summaries: {rules} rules, {conflicts} conflicts, '
              f'{len(errors)} bad lines', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
