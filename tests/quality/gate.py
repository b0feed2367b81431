#!/usr/bin/env python3
"""Quality gate: extraction scores must not fall below the pinned floors.

    tests/quality/gate.py [--bin build/copydesk] [--shared ../shared] [--raise-floors]

Runs the CLI (--json) on
  - a fixed sample of WCXB dev pages (ids pinned in tests/quality/wcxb-sample.txt), and
  - all Mozilla Readability test pages,
scores each set with the shared scorer (shared/eval/score.py --json) and compares every
metric in tests/quality/floors.json: measured >= floor, else the gate fails.

shared/ is looked for beside the repo (../shared), or where --shared / $CD_SHARED says.
If the scorer or the data is missing the gate FAILS -- it never skips.

--raise-floors rewrites floors.json with max(old floor, measured - margin) for each
metric: floors only ever go up (see tests/quality/README.md).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: children bounded by CPU time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(TOP, "tests", "quality")
MARGIN = 0.01


def die(msg):
    print("quality gate: FAIL: " + msg)
    print("quality: 0 passed, 1 failed")
    sys.exit(1)


def run_cli(binary, inputs, out_path):
    with open(out_path, "wb") as out:
        p = bounded.run([binary, "--json", "-q"] + inputs, cpu=600, stdout=out, stderr=subprocess.PIPE)
    if p.returncode < 0:
        die("%s killed by signal %d" % (binary, -p.returncode))
    if p.returncode not in (0, 1):
        die("%s exited %d: %s" % (binary, p.returncode, p.stderr.decode("utf-8", "replace")[:500]))


def score(scorer, dataset, data_dir, preds):
    p = bounded.run([sys.executable, scorer, dataset, data_dir, preds, "--json"], cpu=600,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        die("score.py %s failed: %s" % (dataset, p.stderr.decode("utf-8", "replace")[-800:]))
    try:
        return json.loads(p.stdout.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        die("score.py %s printed no JSON summary" % dataset)


def measure(binary, shared, tmp):
    scorer = os.path.join(shared, "eval", "score.py")
    wcxb = os.path.join(shared, "data", "wcxb-dev")
    rdb = os.path.join(shared, "data", "readability")
    for path in (scorer, os.path.join(wcxb, "ground-truth"), os.path.join(wcxb, "html"),
                 os.path.join(rdb, "pages")):
        if not os.path.exists(path):
            die("missing %s (shared/ must sit beside the repo, or pass --shared)" % path)
    results = {}

    # wcxb: a data dir holding only the sampled pages, as symlinks.
    ids = [l.strip() for l in open(os.path.join(HERE, "wcxb-sample.txt"), encoding="utf-8")
           if l.strip() and not l.startswith("#")]
    sd = os.path.join(tmp, "wcxb-sample")
    os.makedirs(os.path.join(sd, "ground-truth"))
    os.makedirs(os.path.join(sd, "html"))
    for i in ids:
        gt = os.path.join(wcxb, "ground-truth", i + ".json")
        page = os.path.join(wcxb, "html", i + ".html.gz")
        if not (os.path.exists(gt) and os.path.exists(page)):
            die("sampled wcxb page %s is missing from %s" % (i, wcxb))
        os.symlink(gt, os.path.join(sd, "ground-truth", i + ".json"))
        os.symlink(page, os.path.join(sd, "html", i + ".html.gz"))
    preds = os.path.join(tmp, "wcxb.jsonl")
    run_cli(binary, [os.path.join(sd, "html", i + ".html.gz") for i in ids], preds)
    results["wcxb-sample"] = score(scorer, "wcxb", sd, preds)

    pages = sorted(os.path.join(rdb, "pages", d, "source.html") for d in os.listdir(os.path.join(rdb, "pages"))
                   if os.path.exists(os.path.join(rdb, "pages", d, "source.html")))
    if not pages:
        die("no readability pages under %s" % rdb)
    preds = os.path.join(tmp, "readability.jsonl")
    run_cli(binary, pages, preds)
    results["readability"] = score(scorer, "readability", rdb, preds)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--shared", default=os.environ.get("CD_SHARED", os.path.join(TOP, "..", "shared")))
    ap.add_argument("--floors", default=os.path.join(HERE, "floors.json"))
    ap.add_argument("--raise-floors", action="store_true",
                    help="raise floors to measured - %.2f where that is higher (never lowers)" % MARGIN)
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        die("binary not found: %s" % binary)
    shared = os.path.abspath(a.shared)
    floors = json.load(open(a.floors, encoding="utf-8"))

    with tempfile.TemporaryDirectory(prefix="copydesk-gate-") as tmp:
        results = measure(binary, shared, tmp)

    passed = failed = 0
    print("%-12s %-16s %8s %8s  %s" % ("set", "metric", "measured", "floor", "result"))
    for dataset in sorted(floors):
        got = results.get(dataset)
        if got is None:
            print("%-12s %-16s %8s %8s  FAIL (no such set)" % (dataset, "-", "-", "-"))
            failed += 1
            continue
        for metric, floor in sorted(floors[dataset].items()):
            v = got.get(metric)
            ok = v is not None and v >= floor
            print("%-12s %-16s %8s %8.4f  %s" % (dataset, metric, "-" if v is None else "%.4f" % v, floor,
                                                  "ok" if ok else "FAIL"))
            passed += ok
            failed += not ok
        print("%-12s %-16s %8d pages, %d errors, %d missing" % (dataset, "(pages)", got.get("pages", 0),
                                                               got.get("errors", 0), got.get("missing", 0)))
    if a.raise_floors:
        changed = False
        for dataset in floors:
            for metric, floor in floors[dataset].items():
                v = results.get(dataset, {}).get(metric)
                if v is not None and round(v - MARGIN, 4) > floor:
                    floors[dataset][metric] = round(max(0.0, v - MARGIN), 4)
                    changed = True
        if changed:
            with open(a.floors, "w", encoding="utf-8") as f:
                json.dump(floors, f, indent=2, sort_keys=True)
                f.write("\n")
            print("floors raised in %s: review and commit" % a.floors)
    print("quality: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
