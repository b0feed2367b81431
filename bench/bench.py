#!/usr/bin/env python3
"""Throughput of copydesk beside a peer extractor (`make bench`).

    bench/bench.py [--bin build/copydesk] [--dir ../shared/data/wcxb-dev/html]
                   [--runs 3] [--peer-every K] [--no-peer]

Builds nothing: it runs the already built bench_extract (BUILD/bench/bench_extract,
found next to --bin) on every page of --dir, median of --runs runs, one core,
pages decompressed into memory before timing, JSON output rendered.

Then it times the peer, readability-lxml (Debian's python3-readability:
`Document(html).summary()`), over the same pages held in memory as bytes, one
core, one run. --peer-every K restricts BOTH sides to a fixed subset (every K-th
page in name order) when the peer would take too long; the table says so.

Prints a table of MB/s (10^6 bytes of uncompressed HTML per second) and pages/s
and the ratio copydesk / peer, then copydesk's MB/s by the CPU time of its thread
(median run): on a shared machine the wall clock also counts the time the
process waited for the core.

Then the batch cost of site chrome (issue #13; --no-sites skips it): the CLI
itself, `copydesk --json -q -j 1 DIR`, with the default (--site-chrome auto:
a learning pass over the batch, then extraction with the model) against
--site-chrome off (page files are read and decompressed again in the second
pass: --site-cache keeps web archive records only). The measure is the CPU
time (user + system) of the child process, median of --site-runs runs taken in alternation, so a busy
machine slows every variant alike. Target: auto at most 15 % above off.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PEER = r"""
import gzip, json, os, sys, time
from readability import Document
d, every = sys.argv[1], int(sys.argv[2])
try:
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
except (AttributeError, OSError):
    pass
names = sorted(n for n in os.listdir(d) if n.endswith((".html", ".htm", ".html.gz")))[::every]
pages = []
for n in names:
    with open(os.path.join(d, n), "rb") as f:
        b = f.read()
    pages.append(gzip.decompress(b) if n.endswith(".gz") else b)
errors = 0
t0 = time.perf_counter()
for p in pages:
    try:
        Document(p).summary()
    except Exception:
        errors += 1
secs = time.perf_counter() - t0
print(json.dumps({"tool": "readability-lxml", "pages": len(pages), "bytes": sum(map(len, pages)),
                  "runs": 1, "median_s": secs, "errors": errors}))
"""


def find_bench(binary):
    for cand in (os.path.join(os.path.dirname(binary), "bench", "bench_extract"),
                 os.path.join(TOP, "build", "bench", "bench_extract")):
        if os.access(cand, os.X_OK):
            return cand
    sys.exit("bench.py: bench_extract not found next to %s: build first (make)" % binary)


def find_peer_python():
    for py in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if py and subprocess.run([py, "-c", "import readability, lxml"], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL).returncode == 0:
            return py
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--dir", default=os.path.join(TOP, "..", "shared", "data", "wcxb-dev", "html"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peer-every", type=int, default=1, help="fixed subset: every K-th page (both sides)")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--no-sites", action="store_true", help="skip the site chrome batch cost")
    ap.add_argument("--site-runs", type=int, default=5)
    a = ap.parse_args()
    bench = find_bench(os.path.abspath(a.bin))
    pdir = os.path.abspath(a.dir)
    if not os.path.isdir(pdir):
        sys.exit("bench.py: no page directory %s" % pdir)

    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        cdir = pdir
        if a.peer_every > 1:  # same fixed subset for both sides
            cdir = tmp
            names = sorted(n for n in os.listdir(pdir) if n.endswith((".html", ".htm", ".html.gz")))
            for n in names[::a.peer_every]:
                os.symlink(os.path.join(pdir, n), os.path.join(tmp, n))
        p = subprocess.run([bench, "-n", str(a.runs), "--json", cdir], stdout=subprocess.PIPE, check=True)
        cd = json.loads(p.stdout.decode().strip().splitlines()[-1])

        peer = None
        if not a.no_peer:
            py = find_peer_python()
            if not py:
                sys.exit("bench.py: no Python with readability-lxml (apt-get install python3-readability)")
            p = subprocess.run([py, "-c", PEER, pdir, str(a.peer_every)], stdout=subprocess.PIPE, check=True)
            peer = json.loads(p.stdout.decode().strip().splitlines()[-1])

    rows = [cd] + ([peer] if peer else [])
    for r in rows:
        r["mb_per_s"] = r["bytes"] / 1e6 / r["median_s"]
        r["pages_per_s"] = r["pages"] / r["median_s"]
    subset = "every %d-th page" % a.peer_every if a.peer_every > 1 else "all pages"
    print("pages: %s (%s), uncompressed in memory, one core" % (pdir, subset))
    print("%-18s %6s %9s %5s %10s %9s %9s %7s" % ("tool", "pages", "MB", "runs", "median s", "MB/s",
                                                   "pages/s", "errors"))
    for r in rows:
        print("%-18s %6d %9.1f %5d %10.3f %9.2f %9.1f %7d" % (r["tool"], r["pages"], r["bytes"] / 1e6, r["runs"],
                                                              r["median_s"], r["mb_per_s"], r["pages_per_s"],
                                                              r["errors"]))
    if peer:
        print("ratio copydesk/%s: %.1fx MB/s, %.1fx pages/s" % (peer["tool"], cd["mb_per_s"] / peer["mb_per_s"],
                                                               cd["pages_per_s"] / peer["pages_per_s"]))
    if cd.get("cpu_median_s"):
        print("copydesk by CPU time of the thread: median %.3f s, %.2f MB/s (best %.3f s, %.2f MB/s)"
              % (cd["cpu_median_s"], cd["bytes"] / 1e6 / cd["cpu_median_s"], cd["cpu_min_s"],
                 cd["bytes"] / 1e6 / cd["cpu_min_s"] if cd["cpu_min_s"] > 0 else 0))
    print("copydesk memory over the timed batch: VmRSS %d -> %d kB (%+d), VmHWM %d -> %d kB (%+d)"
          % (cd["rss_kb_before"], cd["rss_kb_after"], cd["rss_kb_after"] - cd["rss_kb_before"],
             cd["hwm_kb_before"], cd["hwm_kb_after"], cd["hwm_kb_after"] - cd["hwm_kb_before"]))
    if not a.no_sites:
        site_cost(os.path.abspath(a.bin), pdir, a.site_runs)
    return 0


SITE_VARIANTS = (("off", ["--site-chrome", "off"]), ("auto", []))


def cpu_run(args):
    """CPU seconds (user + system) and peak RSS (kB) of one CLI run."""
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("bench.py: %s: exit %d: %s" % (" ".join(args), code, err[-500:]))
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def site_cost(binary, pdir, runs):
    """The CLI over the batch, site chrome off / auto."""
    base = [binary, "--json", "-q", "-j", "1"]
    times = {name: [] for name, _ in SITE_VARIANTS}
    rss = {name: 0 for name, _ in SITE_VARIANTS}
    for _ in range(max(1, runs)):
        for name, extra in SITE_VARIANTS:
            t, m = cpu_run(base + extra + [pdir])
            times[name].append(t)
            rss[name] = max(rss[name], m)
    med = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
    print()
    print("site chrome, batch cost: copydesk --json -q -j 1 %s (CPU s = user + sys, median of %d, alternated)"
          % (pdir, max(1, runs)))
    print("%-22s %10s %9s %12s" % ("variant", "CPU s", "vs off", "peak RSS kB"))
    for name, _ in SITE_VARIANTS:
        print("%-22s %10.3f %+8.1f%% %12d" % (name, med[name], 100.0 * (med[name] / med["off"] - 1), rss[name]))
    cost = 100.0 * (med["auto"] / med["off"] - 1)
    print("default (auto) vs --site-chrome off: %+.1f %% (target <= 15 %%: %s)"
          % (cost, "met" if cost <= 15.0 else "NOT met"))


if __name__ == "__main__":
    sys.exit(main())
