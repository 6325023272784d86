#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""gen-scaling.py SHAPE STATEMENTS [COPIES] - COPIES (default 1) synthetic
driver functions of about STATEMENTS C statements each, in a shape that
stresses pinbalance's dataflow:

  chain   a long ladder of pin calls, each followed by ifs on its return value
          (ret < 0, ret != n) with unpins and gotos to an error ladder
  alive   up to 32 pin sites alive at once (the most the checker tracks):
          every array pinned, all held across a long body of conditions,
          then released in reverse order
  loops   nested loops (depth 4) with pins and unpins inside them, loop
          counters compared with the pin results

The translation unit is written to stdout; it includes
testsuite/include/pin-api.h.
"""
import sys


def chain(n, out):
    stmts = 0
    k = 0
    while stmts < n:
        out.append("\tret = pin_user_pages_fast(uaddr + %d * PAGE_SIZE, npages, FOLL_WRITE, pages[%d]);" % (k, k % 32))
        out.append("\tif (ret < 0)\n\t\tgoto err_%d;" % k)
        out.append("\tif (ret != npages) {\n\t\tunpin_user_pages(pages[%d], ret);\n\t\tgoto err_%d;\n\t}" % (k % 32, k))
        out.append("\tif (dma_map_user_pages(pages[%d], ret)) {\n\t\tunpin_user_pages(pages[%d], ret);\n\t\tgoto err_%d;\n\t}" % (k % 32, k % 32, k))
        out.append("\tunpin_user_pages(pages[%d], ret);" % (k % 32))
        stmts += 10
        k += 1
    out.append("\treturn 0;")
    for i in reversed(range(k)):
        out.append("err_%d:\n\tpr_debug_pages(\"step\", %d);" % (i, i))
    out.append("\treturn -EFAULT;")


def alive(n, out):
    sites = 32
    for i in range(sites):
        out.append("\tgot[%d] = pin_user_pages_fast(uaddr + %d * PAGE_SIZE, npages, FOLL_WRITE, pages[%d]);" % (i, i, i))
        out.append("\tif (got[%d] < 0)\n\t\tgoto undo_%d;" % (i, i))
    stmts = 4 * sites
    j = 0
    while stmts < n - 4 * sites:
        out.append("\tif (device_busy() > %d)\n\t\tacc += dma_map_user_pages(pages[%d], got[%d]);\n\telse\n\t\tacc -= %d;" % (j, j % sites, j % sites, j))
        stmts += 4
        j += 1
    out.append("\tret = acc;")
    for i in reversed(range(sites)):
        out.append("\tunpin_user_pages(pages[%d], got[%d]);" % (i, i))
    out.append("\treturn ret;")
    for i in reversed(range(sites)):
        out.append("undo_%d:" % i)
        if i > 0:
            out.append("\tunpin_user_pages(pages[%d], got[%d]);" % (i - 1, i - 1))
    out.append("\treturn -EFAULT;")


def loops(n, out):
    stmts = 0
    k = 0
    while stmts < n:
        out.append("\tfor (a = 0; a < npages; a++)\n\t\tfor (b = 0; b < a; b++)\n\t\t\tfor (c = 0; c < b; c++)\n\t\t\t\tfor (d = 0; d < c; d++) {")
        out.append("\t\t\t\t\tret = pin_user_pages_fast(uaddr + d, 1, FOLL_WRITE, pages[%d]);" % (k % 32))
        out.append("\t\t\t\t\tif (ret != 1)\n\t\t\t\t\t\tcontinue;")
        out.append("\t\t\t\t\tif (d == ret)\n\t\t\t\t\t\tacc += dma_map_user_pages(pages[%d], ret);" % (k % 32))
        out.append("\t\t\t\t\tunpin_user_page(pages[%d][0]);\n\t\t\t\t}" % (k % 32))
        stmts += 12
        k += 1
    out.append("\treturn acc;")


def main():
    shapes = {"chain": chain, "alive": alive, "loops": loops}
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in shapes:
        sys.exit("usage: gen-scaling.py chain|alive|loops STATEMENTS [COPIES]")
    shape, n = sys.argv[1], int(sys.argv[2])
    copies = int(sys.argv[3]) if len(sys.argv) == 4 else 1
    body = []
    shapes[shape](n, body)
    print('#include "pin-api.h"\n')
    for i in range(copies):
        print("long synthetic_%s_%d(unsigned long uaddr, int npages, struct page *pages[32][16])" % (shape, i))
        print("{\n\tlong ret = 0, acc = 0, got[32];\n\tint a, b, c, d;\n")
        print("\n".join(body))
        print("}\n")


if __name__ == "__main__":
    main()
