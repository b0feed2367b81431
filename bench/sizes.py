#!/usr/bin/env python3
"""Throughput by page size, 1 KB to 10 MB (`make bench`, issue #14: "MB/s within 2x").

    bench/sizes.py [--bin build/copydesk] [--dir ../shared/data/wcxb-dev/html]
                   [--min-mb 24] [--keep DIR | --samples DIR] [--instructions]

Builds nothing. Cuts samples from the pages of --dir (name order, decompressed):

  1 KB    the first 1,024 bytes of every page
  10 KB   the first 10,240 bytes of every page at least that long
  100 KB  the first 102,400 bytes of every page at least that long
  1 MB    the pages concatenated, cut into 16 pieces of 1,048,576 bytes
  10 MB   the pages concatenated, cut into 2 documents of 10,485,760 bytes

then runs the already built bench_extract (next to --bin) on each sample: JSON output,
one core, pages in memory, as many runs as make at least --min-mb megabytes of input
per sample (at least 5), and prints copydesk's MB/s by the CPU time of its thread
(median run) and by the wall clock, with the ratio of the fastest size to the slowest,
and the minor page faults a page of the timed runs after the first (memory taken
from the system again page after page).

A 1 KB cut is nearly all <head> markup: it measures what a page costs whatever its
size (setting up, metadata pickers, extraction's passes) against what each byte costs.
--samples DIR reads the samples --keep wrote instead of cutting them again.
--instructions also counts each sample's instructions under valgrind's callgrind
(copydesk_doc_parse and copydesk_doc_render, as docs/benchmarks.md counts them; one
run) and prints instructions a byte and instructions per CPU second: a size that is
slower than its instruction count says runs fewer instructions a second (on these
samples: head and navigation markup, read by meta and extract, docs/benchmarks.md
"Session 14, h/speed15").

Wall and CPU time on a shared machine move with the load: run it on a quiet machine and
read the ratio from one run (all sizes are timed in the same minute). Instruction counts
(`valgrind --tool=callgrind`, docs/benchmarks.md) are the load-independent measure.
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KB = 1024
MB = 1024 * 1024


def pages(d):
    for n in sorted(os.listdir(d)):
        if not n.endswith((".html", ".htm", ".html.gz")):
            continue
        with open(os.path.join(d, n), "rb") as f:
            b = f.read()
        yield gzip.decompress(b) if n.endswith(".gz") else b


def write(dirpath, docs):
    os.makedirs(dirpath)
    total = 0
    for i, b in enumerate(docs):
        with open(os.path.join(dirpath, "%05d.html" % i), "wb") as f:
            f.write(b)
        total += len(b)
    return len(docs), total


def samples(src, out):
    all_pages = list(pages(src))
    if not all_pages:
        sys.exit("sizes: no pages under %s" % src)
    cat = b"".join(all_pages)
    made = []
    for name, cut in (("1KB", KB), ("10KB", 10 * KB), ("100KB", 100 * KB)):
        docs = [p[:cut] for p in all_pages if len(p) >= cut]
        made.append((name, os.path.join(out, name), write(os.path.join(out, name), docs)))
    for name, size, count in (("1MB", MB, 16), ("10MB", 10 * MB, 2)):
        docs = [cat[i * size:(i + 1) * size] for i in range(count)]
        docs = [d for d in docs if len(d) == size]
        if not docs:
            continue
        made.append((name, os.path.join(out, name), write(os.path.join(out, name), docs)))
    return made


def kept(out):
    """The samples under out, as samples() wrote them."""
    made = []
    for name in ("1KB", "10KB", "100KB", "1MB", "10MB"):
        d = os.path.join(out, name)
        if not os.path.isdir(d):
            continue
        fs = [f for f in sorted(os.listdir(d)) if f.endswith(".html")]
        made.append((name, d, (len(fs), sum(os.path.getsize(os.path.join(d, f)) for f in fs))))
    if not made:
        sys.exit("sizes: no samples under %s" % out)
    return made


def count(bench, path):
    """Instructions of one run over path in parse and render (callgrind)."""
    fd, cg = tempfile.mkstemp(prefix="cd-sizes-cg-")
    os.close(fd)
    try:
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg,
                        "--toggle-collect=copydesk_doc_parse", "--toggle-collect=copydesk_doc_render",
                        bench, "-n", "1", "-f", "json", path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(cg) as f:
            for line in f:
                if line.startswith(("summary:", "totals:")):
                    return int(line.split()[1])
    finally:
        os.unlink(cg)
    sys.exit("sizes: no callgrind total for %s" % path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--dir", default=os.path.join(TOP, "..", "shared", "data", "wcxb-dev", "html"))
    ap.add_argument("--min-mb", type=float, default=24.0)
    ap.add_argument("--keep", help="write the samples here (must not exist) and keep them")
    ap.add_argument("--samples", help="read the samples from here (as --keep wrote them)")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions (valgrind --tool=callgrind)")
    a = ap.parse_args()

    bench = os.path.join(os.path.dirname(os.path.abspath(a.bin)), "bench", "bench_extract")
    if not os.access(bench, os.X_OK):
        sys.exit("sizes: %s not built (run make first)" % bench)
    if not os.path.isdir(a.dir):
        sys.exit("sizes: no page directory %s" % a.dir)
    tmp = None
    if a.samples:
        out = a.samples
    elif a.keep:
        out = a.keep
        os.makedirs(out)
    else:
        tmp = out = tempfile.mkdtemp(prefix="cd-sizes-")
    try:
        made = kept(out) if a.samples else samples(a.dir, out)
        rows = []
        for name, path, (n, total) in made:
            runs = max(5, int(a.min_mb * 1e6 / total + 0.999))
            res = subprocess.run([bench, "-n", str(runs), "--json", path],
                                 check=True, capture_output=True, text=True)
            r = json.loads(res.stdout)
            if r.get("errors"):
                sys.exit("sizes: %s: %d error records" % (name, r["errors"]))
            faults = r.get("minor_faults_per_page", -1)
            instr = count(bench, path) if a.instructions else None
            rows.append((name, n, total, runs, r["cpu_mb_per_s"], r["mb_per_s"], faults, instr,
                         r["cpu_median_s"]))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    print("copydesk end to end by page size (JSON output, one core, in memory; %s)"
          % ("samples " + a.samples if a.samples else a.dir))
    print("| sample | pages | bytes | runs | MB/s (CPU, median) | MB/s (wall, median) | minor faults a page (runs 2-) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, n, total, runs, cpu, wall, faults, _, _ in rows:
        print("| %s | %d | %d | %d | %.1f | %.1f | %.2f |" % (name, n, total, runs, cpu, wall, faults))
    if a.instructions:
        print()
        print("| sample | instructions | a byte | a page | G instructions per CPU second |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, n, total, runs, cpu, wall, faults, instr, sec in rows:
            print("| %s | %d | %.2f | %.0f | %.2f |" % (name, instr, instr / total, instr / n,
                                                     instr / sec / 1e9 if sec > 0 else 0))
    cpu = [r[4] for r in rows]
    wall = [r[5] for r in rows]
    print("fastest / slowest size: %.2fx by CPU time, %.2fx by wall clock (target: within 2x)"
          % (max(cpu) / min(cpu), max(wall) / min(wall)))


if __name__ == "__main__":
    main()
