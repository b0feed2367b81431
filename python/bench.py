#!/usr/bin/python3
"""Throughput of the Python module on wcxb-dev (docs/benchmarks.md, "Python").

    PYTHONPATH=build/python /usr/bin/python3 python/bench.py single  [--runs 3]
    PYTHONPATH=build/python /usr/bin/python3 python/bench.py threads [--runs 3]
    PYTHONPATH=build/python /usr/bin/python3 python/bench.py dask    [--runs 3]

Pages: ../shared/data/wcxb-dev/html/*.html.gz, decompressed into memory first
(like bench/bench_extract.c); MB = 10^6 bytes of uncompressed HTML; loading is
not timed.
  single   copydesk.extract(page) for every page, one thread, pinned to one
           core (compare: build/bench/bench_extract -n 3, also pinned).
  threads  the same pages over 1 thread and 2 threads (ThreadPoolExecutor,
           not pinned), runs alternating: the 2-thread speed-up shows the GIL
           is released (when two cores are free: see "CPU s per wall s").
  dask     the pages written as 8 WARC files (gzip per record) in a temp dir,
           then copydesk.dask.articles_bag over a LocalCluster of 1 and one of
           2 worker processes (1 thread each), runs alternating; the workers
           sum text lengths, so the time is extraction (and WARC reading), not
           moving records to the client.
Each mode prints every run, the median and the spread (min-max).
"""
import argparse
import glob
import gzip
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# python/ itself holds the package sources without the built extension.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
PAGES = os.path.join(TOP, "..", "shared", "data", "wcxb-dev", "html")


def load(limit):
    files = sorted(glob.glob(os.path.join(PAGES, "*.html.gz")))[:limit or None]
    if not files:
        sys.exit("bench.py: no pages in %s" % PAGES)
    pages = []
    for p in files:
        with gzip.open(p) as f:
            pages.append(f.read())
    return pages


def report(name, mb, n, times):
    for i, t in enumerate(times, 1):
        print("  %s run %d: %.3f s  %.2f MB/s" % (name, i, t, mb / t))
    med = statistics.median(times)
    print("%s: median %.3f s: %.2f MB/s, %.1f pages/s (spread %.2f-%.2f MB/s over %d runs)"
          % (name, med, mb / med, n / med, mb / max(times), mb / min(times), len(times)))
    return mb / med


def run_single(pages, runs):
    import copydesk
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    extract = copydesk.extract
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for d in pages:
            try:
                extract(d)
            except copydesk.Error:
                pass
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return times, cpu


def _one(d):
    import copydesk
    try:
        return len(copydesk.extract(d)["text"])
    except copydesk.Error:
        return 0


def run_threads(pages, runs, counts=(1, 2)):
    """Wall times per thread count, the counts alternating run by run so that
    both see the same machine load; also the CPU seconds the process used per
    wall second (how many threads ran at once: near n when nothing competes)."""
    times = {n: [] for n in counts}
    busy = {n: [] for n in counts}
    pools = {n: ThreadPoolExecutor(n) for n in counts}
    try:
        for pool in pools.values():
            list(pool.map(_one, pages[:20]))  # warm the document pool
        for _ in range(runs):
            for n in counts:
                t0, c0 = time.perf_counter(), time.process_time()
                for _ in pools[n].map(_one, pages, chunksize=4):
                    pass
                times[n].append(time.perf_counter() - t0)
                busy[n].append((time.process_time() - c0) / times[n][-1])
    finally:
        for pool in pools.values():
            pool.shutdown()
    for n in counts:
        print("  %d thread(s): CPU s per wall s %s" % (n, " ".join("%.2f" % b for b in busy[n])))
    return times


def _text_len(rec):
    return len(rec.get("text", ""))


def _bag(paths, run):
    """copydesk.dask.articles_bag(paths), with keys of its own for each run (dask
    would otherwise hand back a result it still holds from the last run)."""
    import dask.bag as db
    import copydesk
    return db.from_sequence(paths, partition_size=1).map(_records, copydesk.Extractor(), run).flatten()


def _records(path, ex, run):
    return list(ex.iter_path(path))


def write_warcs(pages, d, nfiles=8):
    import uuid
    paths = []
    per = (len(pages) + nfiles - 1) // nfiles
    for k in range(nfiles):
        path = os.path.join(d, "bench-%02d.warc.gz" % k)
        with open(path, "wb") as f:
            for i, body in enumerate(pages[k * per:(k + 1) * per]):
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
                block = http + body
                head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                        "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: https://bench.example/%d/%d\r\n"
                        "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                        % (uuid.uuid4(), k, i, len(block)))
                f.write(gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=1))
        paths.append(path)
    return paths


def run_dask(pages, runs, workers):
    """Wall times per cluster size; one cluster of each size is up at once and
    the runs alternate between them, so that both see the same machine load."""
    from dask.distributed import Client, LocalCluster
    import copydesk.dask as cdd
    out = {n: [] for n in workers}
    with tempfile.TemporaryDirectory() as d:
        paths = write_warcs(pages, d)
        clusters, clients = {}, {}
        try:
            for n in workers:
                clusters[n] = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address=None)
                clients[n] = Client(clusters[n], set_as_default=False)
                # Warm-up (imports, page cache), checking that the bench's bag
                # makes the records of cdd.articles_bag(paths).
                want = clients[n].compute(cdd.articles_bag(paths).map(_text_len).sum()).result()
                assert clients[n].compute(_bag(paths, -n).map(_text_len).sum()).result() == want
            for run in range(runs):
                for n in workers:
                    t0 = time.perf_counter()
                    clients[n].compute(_bag(paths, "%d-%d" % (n, run)).map(_text_len).sum()).result()
                    out[n].append(time.perf_counter() - t0)
        finally:
            for n in clients:
                clients[n].close()
            for n in clusters:
                clusters[n].close()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["single", "threads", "dask"])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="first N pages only")
    a = ap.parse_args()
    pages = load(a.limit)
    mb = sum(map(len, pages)) / 1e6
    import copydesk
    print("copydesk %s (%s): %d pages, %.1f MB uncompressed HTML, %d runs"
          % (copydesk.__version__, os.path.dirname(copydesk.__file__), len(pages), mb, a.runs))
    if a.mode == "single":
        times, cpu = run_single(pages, a.runs)
        report("python 1 thread (pinned)", mb, len(pages), times)
        # CPU time is what a loaded machine disturbs least: compare it with the C
        # bench's (user+sys of bench_extract -n K+1 minus -n 1, over K runs).
        report("python 1 thread, CPU time", mb, len(pages), cpu)
    elif a.mode == "threads":
        res = run_threads(pages, a.runs)
        one = report("python 1 thread", mb, len(pages), res[1])
        two = report("python 2 threads", mb, len(pages), res[2])
        print("2 threads / 1 thread: %.2fx" % (two / one))
    else:
        res = run_dask(pages, a.runs, (1, 2))
        one = report("dask 1 worker", mb, len(pages), res[1])
        two = report("dask 2 workers", mb, len(pages), res[2])
        print("2 workers / 1 worker: %.2fx" % (two / one))


if __name__ == "__main__":
    main()
