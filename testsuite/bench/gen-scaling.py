#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""gen-scaling.py SHAPE STATEMENTS [COPIES [SITES]] - COPIES (default 1)
synthetic driver functions of about STATEMENTS C statements each, holding
SITES pin call sites each (default: the shape's own), in a shape that
stresses pinbalance's dataflow:

  chain   a ladder of SITES (16) pin calls, each followed by ifs on its
          return value (ret < 0, ret != n) with unpins and gotos to an error
          ladder, then a long chain of ifs on those return values
  alive   SITES (32, the most the checker tracks) pin sites alive at once:
          every array pinned, all held across a long body of conditions
          and borrows, then released in reverse order
  loops   SITES (8) loop nests of depth 4 with a pin and its unpin in the
          innermost loop, then more depth-4 nests comparing loop counters
          with the pin results

The size is the statements the function really has (each call,
assignment, if, goto, for and return counts one); the generator writes it
in a comment, '/* statements per function: N */', that scaling-bench.py
reads.  The translation unit is written to stdout; it includes
testsuite/include/pin-api.h.
"""
import sys


class Body:
    def __init__(self):
        self.lines = []
        self.stmts = 0

    def add(self, text, stmts):
        self.lines.append(text)
        self.stmts += stmts


def chain(n, sites, b):
    for k in range(sites):
        b.add("\tr%d = pin_user_pages_fast(uaddr + %d * PAGE_SIZE, npages, FOLL_WRITE, pages[%d]);" % (k, k, k), 1)
        b.add("\tif (r%d < 0)\n\t\tgoto err_%d;" % (k, k), 2)
        b.add("\tif (r%d != npages) {\n\t\tunpin_user_pages(pages[%d], r%d);\n\t\tgoto err_%d;\n\t}" % (k, k, k, k), 3)
        b.add("\tif (dma_map_user_pages(pages[%d], r%d)) {\n\t\tunpin_user_pages(pages[%d], r%d);\n\t\tgoto err_%d;\n\t}" % (k, k, k, k, k), 3)
        b.add("\tunpin_user_pages(pages[%d], r%d);" % (k, k), 1)
    j = 0
    while b.stmts < n - sites - 2:
        k = j % sites
        b.add("\tif (r%d != npages)\n\t\tacc += %d;\n\telse if (r%d > %d)\n\t\tgoto err_%d;" % (k, j, k, j, k), 4)
        j += 1
    b.add("\treturn acc;", 1)
    for k in reversed(range(sites)):
        b.add("err_%d:\n\tpr_debug_pages(\"step\", %d);" % (k, k), 1)
    b.add("\treturn -EFAULT;", 1)


def alive(n, sites, b):
    for k in range(sites):
        b.add("\tr%d = pin_user_pages_fast(uaddr + %d * PAGE_SIZE, npages, FOLL_WRITE, pages[%d]);" % (k, k, k), 1)
        b.add("\tif (r%d < 0)\n\t\tgoto undo_%d;" % (k, k), 2)
    j = 0
    while b.stmts < n - 2 * sites - 3:
        k = j % sites
        b.add("\tif (device_busy() > %d)\n\t\tacc += dma_map_user_pages(pages[%d], r%d);\n\telse\n\t\tacc -= %d;" % (j, k, k, j), 4)
        j += 1
    for k in reversed(range(sites)):
        b.add("\tunpin_user_pages(pages[%d], r%d);" % (k, k), 1)
    b.add("\treturn acc;", 1)
    for k in reversed(range(sites)):
        b.add("undo_%d:" % k, 0)
        if k > 0:
            b.add("\tunpin_user_pages(pages[%d], r%d);" % (k - 1, k - 1), 1)
    b.add("\treturn -EFAULT;", 1)


NEST = "\tfor (a = 0; a < npages; a++)\n\t\tfor (b = 0; b < a; b++)\n\t\t\tfor (c = 0; c < b; c++)\n\t\t\t\tfor (d = 0; d < c; d++) {"


def loops(n, sites, b):
    for k in range(sites):
        b.add(NEST, 4)
        b.add("\t\t\t\t\tr%d = pin_user_pages_fast(uaddr + d, 1, FOLL_WRITE, pages[%d]);" % (k, k), 1)
        b.add("\t\t\t\t\tif (r%d != 1)\n\t\t\t\t\t\tcontinue;" % k, 2)
        b.add("\t\t\t\t\tif (d == r%d)\n\t\t\t\t\t\tacc += dma_map_user_pages(pages[%d], r%d);" % (k, k, k), 2)
        b.add("\t\t\t\t\tunpin_user_page(pages[%d][0]);\n\t\t\t\t}" % k, 1)
    j = 0
    while b.stmts < n - 1:
        k = j % sites
        b.add(NEST, 4)
        b.add("\t\t\t\t\tif (d == r%d)\n\t\t\t\t\t\tacc += a;\n\t\t\t\t\telse\n\t\t\t\t\t\tacc -= %d;\n\t\t\t\t}" % (k, j), 3)
        j += 1
    b.add("\treturn acc;", 1)


SHAPES = {"chain": (chain, 16), "alive": (alive, 32), "loops": (loops, 8)}


def main():
    if len(sys.argv) not in (3, 4, 5) or sys.argv[1] not in SHAPES:
        sys.exit("usage: gen-scaling.py chain|alive|loops STATEMENTS [COPIES [SITES]]")
    shape, n = sys.argv[1], int(sys.argv[2])
    copies = int(sys.argv[3]) if len(sys.argv) >= 4 else 1
    make, sites = SHAPES[shape]
    if len(sys.argv) == 5:
        sites = int(sys.argv[4])
    if not 1 <= sites <= 32:
        sys.exit("gen-scaling.py: SITES must be between 1 and 32")
    body = Body()
    make(n, sites, body)
    print('#include "pin-api.h"\n')
    print("/* statements per function: %d */\n" % body.stmts)
    regs = ", ".join("r%d = 0" % k for k in range(sites))
    for i in range(copies):
        print("long synthetic_%s_%d(unsigned long uaddr, int npages, struct page *pages[32][16])" % (shape, i))
        print("{\n\tlong acc = 0, %s;\n\tint a, b, c, d;\n" % regs)
        print("\n".join(body.lines))
        print("}\n")


if __name__ == "__main__":
    main()
