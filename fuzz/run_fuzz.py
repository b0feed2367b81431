#!/usr/bin/env python3
"""Run every libFuzzer target for a while; fail on any crash (make fuzz).

    fuzz/run_fuzz.py --bin-dir build-fuzz/fuzz [--seconds 60 | --ci] [--jobs 2]
                     [--merge [--from DIR ...]] [TARGET ...]

Fuzz mode (default): each target fuzz_NAME in --bin-dir runs for --seconds on
a *copy* of fuzz/corpus/NAME/ in a temporary directory (the tree is never
modified), with fuzz/html.dict. A crash, leak, sanitizer report, timeout
(-timeout, per input) or out-of-memory fails the run; the reproducer is kept
in --artifacts (default: BIN_DIR/../fuzz-artifacts) and the log tail printed.
Per target it prints runs, execs/s, coverage and corpus size before and after.

--ci (`make fuzz-ci`, what `make ci` runs): the same, but each target makes a
fixed number of runs (CI_RUNS below) from a fixed seed instead of running for
--seconds: a count, not a time, bounds the work, so the run explores the same
inputs on a fast machine and a busy one, and a commit that passes here passes
in CI. Finding new bugs is the long runs' work (--seconds, docs/reliability.md).

--corpus-dir DIR keeps the working corpora in DIR/NAME instead (for long runs
whose corpus is merged back afterwards).

Merge mode (--merge, `make fuzz-merge`): fuzz/corpus/NAME/ absorbs the inputs
of the --from directories (e.g. a long run's corpus) that add coverage
(libFuzzer -merge=1), keeping at most --max-files (200) per target: the
smallest of the new ones. This is the only mode that writes into the tree.
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUZZ = os.path.join(TOP, "fuzz")


def targets(bin_dir, names):
    found = sorted(n for n in os.listdir(bin_dir)
                   if n.startswith("fuzz_") and os.access(os.path.join(bin_dir, n), os.X_OK)
                   and os.path.isfile(os.path.join(bin_dir, n)))
    srcs = sorted(n[:-2] for n in os.listdir(FUZZ) if n.startswith("fuzz_") and n.endswith(".c"))
    missing = [s for s in srcs if s not in found]
    if missing:
        sys.exit("run_fuzz: not built: %s (build with COPYDESK_FUZZ=ON)" % ", ".join(missing))
    if names:
        want = [n if n.startswith("fuzz_") else "fuzz_" + n for n in names]
        bad = [n for n in want if n not in found]
        if bad:
            sys.exit("run_fuzz: unknown target(s): %s" % ", ".join(bad))
        return want
    return found


# Targets run with no sanitizer suppressions at all, whatever ASAN_OPTIONS
# says (the code they reach is entirely ours: issue #14's new parser).
UNSUPPRESSED = {"fuzz_tokenizer", "fuzz_parse_own"}


# --ci: runs per target (each about 10 s under ASan on an idle core of the CI
# machine, 20-45 s on a busy 2-core one), and the seed they start from.
CI_RUNS = {
    "fuzz_decode": 100000, "fuzz_extract": 3000, "fuzz_gunzip": 100000, "fuzz_json": 200000,
    "fuzz_meta": 30000, "fuzz_parse": 50000, "fuzz_parse_own": 12000, "fuzz_sites": 10000,
    "fuzz_tokenizer": 200000, "fuzz_warc": 8000,
}
CI_SEED = 1
CI_MAX_SECONDS = 900  # a cap only for a machine far slower than any seen


def no_aslr():
    """The prefix that runs a command without address-space randomisation, or
    [] where it cannot be had. The targets compare pointers, and libFuzzer feeds
    the operands of comparisons back into its mutations: with random addresses
    two runs from one seed part ways within seconds; without, they agree."""
    cmd = ["setarch", os.uname().machine, "-R"]
    try:
        if subprocess.run(cmd + ["true"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return cmd
    except OSError:
        pass
    return []


def count(d):
    return len(os.listdir(d)) if os.path.isdir(d) else 0


def last(pattern, text, default="?"):
    m = re.findall(pattern, text)
    return m[-1] if m else default


def fuzz_one(bin_dir, name, seconds, artifacts, extra, keep):
    short = name[len("fuzz_"):]
    seeds = os.path.join(FUZZ, "corpus", short)
    work = tempfile.mkdtemp(prefix="cd-fuzz-%s-" % short)
    corpus = os.path.join(keep, short) if keep else os.path.join(work, "corpus")
    if os.path.isdir(corpus):
        pass  # a kept corpus from an earlier run goes on growing
    elif os.path.isdir(seeds):
        shutil.copytree(seeds, corpus)
    else:
        os.makedirs(corpus)
    before = count(corpus)
    os.makedirs(artifacts, exist_ok=True)
    if seconds is None:  # --ci
        bound = ["-runs=%d" % CI_RUNS.get(name, 10000), "-seed=%d" % CI_SEED, "-reload=0",
                 "-max_total_time=%d" % CI_MAX_SECONDS]
    else:
        bound = ["-max_total_time=%d" % seconds]
    cmd = (no_aslr() if seconds is None else []) + [os.path.join(bin_dir, name)] + bound + ["-timeout=10",
           "-rss_limit_mb=2048", "-print_final_stats=1",
           "-artifact_prefix=%s/%s-" % (artifacts, short),
           "-dict=%s" % os.path.join(FUZZ, "html.dict")] + extra + [corpus]
    t0 = time.time()
    env = dict(os.environ)
    # tests/asan.supp: suppressions for code not ours (none since libmodest left).
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1:suppressions=%s"
                   % os.path.join(os.path.dirname(FUZZ), "tests", "asan.supp"))
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    if name in UNSUPPRESSED:
        for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if var in env:
                env[var] = ":".join(o for o in env[var].split(":") if not o.startswith("suppressions="))
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                       env=env, timeout=(seconds or CI_MAX_SECONDS) + 600)
    wall = time.time() - t0
    log = p.stdout.decode("utf-8", "replace")
    after = count(corpus)
    shutil.rmtree(work, ignore_errors=True)
    res = {
        "name": name, "rc": p.returncode, "wall": wall, "before": before, "after": after,
        "runs": last(r"stat::number_of_executed_units:\s*(\d+)", log),
        "eps": last(r"stat::average_exec_per_sec:\s*(\d+)", log),
        "cov": last(r"cov: (\d+)", log), "ft": last(r"ft: (\d+)", log),
        "rss": last(r"stat::peak_rss_mb:\s*(\d+)", log), "log": log, "cmd": cmd,
    }
    return res


def merge_one(bin_dir, name, froms, max_files):
    short = name[len("fuzz_"):]
    dest = os.path.join(FUZZ, "corpus", short)
    os.makedirs(dest, exist_ok=True)
    srcs = [d for d in (os.path.join(f, short) if os.path.isdir(os.path.join(f, short)) else f
                        for f in froms) if os.path.isdir(d)]
    before = count(dest)
    kept = set(os.listdir(dest))
    # Inputs that crash during the merge go to the artifacts directory, never
    # to the current directory (which is usually the source tree).
    arts = os.path.join(os.path.dirname(os.path.abspath(bin_dir)), "fuzz-artifacts")
    os.makedirs(arts, exist_ok=True)
    cmd = [os.path.join(bin_dir, name), "-merge=1", "-timeout=10", "-rss_limit_mb=2048",
           "-max_len=65536", "-artifact_prefix=%s/merge-%s-" % (arts, short), dest] + srcs
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    # -merge=1 keeps every input with a new feature (edge x hit count): far
    # too many for the tree. Keep the files already there and the smallest
    # new ones up to --max-files.
    added = sorted((os.path.getsize(os.path.join(dest, f)), f) for f in os.listdir(dest) if f not in kept)
    room = max(0, max_files - len(kept))
    for _, f in added[room:]:
        os.unlink(os.path.join(dest, f))
    print("%-14s merged %s: %d -> %d files%s" % (name, ", ".join(srcs) or "(nothing)", before,
                                                 count(dest), "" if p.returncode == 0 else " FAILED"))
    if p.returncode != 0:
        print(p.stdout.decode("utf-8", "replace")[-3000:])
    return p.returncode == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin-dir", default=os.path.join(TOP, "build-fuzz", "fuzz"))
    ap.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "60")))
    ap.add_argument("--ci", action="store_true",
                    help="a fixed number of runs per target from a fixed seed (CI_RUNS), not --seconds")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("FUZZ_JOBS", "2")))
    ap.add_argument("--artifacts", default=None)
    ap.add_argument("--merge", action="store_true", help="merge --from dirs into fuzz/corpus/")
    ap.add_argument("--from", dest="froms", action="append", default=[])
    ap.add_argument("--max-files", type=int, default=200,
                    help="merge: at most this many files per target in the tree (smallest new ones kept)")
    ap.add_argument("--corpus-dir", default=None,
                    help="keep each target's working corpus in DIR/NAME (outside the tree) for later merging")
    ap.add_argument("--arg", action="append", default=[], help="extra libFuzzer flag")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    bin_dir = os.path.abspath(a.bin_dir)
    if not os.path.isdir(bin_dir):
        sys.exit("run_fuzz: %s missing (build with COPYDESK_FUZZ=ON)" % bin_dir)
    names = targets(bin_dir, a.names)
    if a.merge:
        ok = all([merge_one(bin_dir, n, a.froms, a.max_files) for n in names])
        return 0 if ok else 1
    artifacts = os.path.abspath(a.artifacts or os.path.join(bin_dir, "..", "fuzz-artifacts"))
    seconds = None if a.ci else a.seconds
    if a.ci:
        print("fuzz: %d targets, a fixed number of runs each (seed %d), %d at a time" % (len(names), CI_SEED, a.jobs))
    else:
        print("fuzz: %d targets, %d s each, %d at a time" % (len(names), a.seconds, a.jobs))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        results = list(ex.map(lambda n: fuzz_one(bin_dir, n, seconds, artifacts, a.arg,
                                                     a.corpus_dir and os.path.abspath(a.corpus_dir)), names))
    failed = 0
    for r in results:
        ok = r["rc"] == 0
        print("%-14s %-4s runs %-10s exec/s %-7s cov %-6s ft %-7s corpus %d -> %d  rss %s MB  %.0f s"
              % (r["name"], "ok" if ok else "FAIL", r["runs"], r["eps"], r["cov"], r["ft"],
                 r["before"], r["after"], r["rss"], r["wall"]))
        if not ok:
            failed += 1
            print("    exit status %d; command: %s" % (r["rc"], " ".join(r["cmd"])))
            print("    artifacts: %s" % artifacts)
            print("\n".join("    | " + l for l in r["log"].splitlines()[-60:]))
    print("fuzz: %d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
