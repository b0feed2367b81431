#!/usr/bin/env python3
"""html5lib tree-construction tests through `copydesk --dump-tree`.

    tests/html5lib/run_tree.py --bin build/copydesk [--data DIR] [--show N] [TEST ...]

Runs every document test of DIR/*.dat (default
../shared/data/html5lib-tests/tree-construction): `#document-fragment` cases
are skipped (copydesk parses whole documents only) and so are `#script-on`
cases (copydesk parses with scripting off, so <noscript> content is markup);
`#script-off` and unmarked cases run. Each test's #data goes to
`copydesk --dump-tree -` on stdin and the output must equal its #document.

--raw TEST_TREE runs the tree builder on the raw bytes instead, below
src/input (build/tests/test_tree FILE; src/input turns NUL into U+FFFD): no
known failures apply then.

Prints the pass count. Fails when a test fails that
tests/html5lib/tree-known-failures.txt does not list, or when a listed test
passes (the list cannot go stale). Test names are FILE#INDEX, INDEX counting
the file's tests from 0. TEST arguments run only those tests and print the
difference for each failure.
"""
import argparse
import concurrent.futures
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: children bounded by CPU time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CPU_SECONDS = 60  # of CPU a run (tests/bounded.py): against a loop that does not end
KNOWN = os.path.join(HERE, "tree-known-failures.txt")


def parse_dat(path):
    """The tests of one .dat file: dicts with data, document, fragment, script."""
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8")
    tests = []
    cur = None
    section = None
    for line in raw.split("\n"):
        if line == "#data" and (cur is None or section == "document"):
            if cur is not None:
                tests.append(cur)
            cur = {"data": [], "document": [], "fragment": None, "script": None}
            section = "data"
            continue
        if cur is None:
            continue
        if line in ("#errors", "#new-errors"):
            section = "errors"
            continue
        if line == "#document-fragment":
            section = "fragment"
            continue
        if line in ("#script-on", "#script-off"):
            cur["script"] = line[1:]
            continue
        if line == "#document":
            section = "document"
            continue
        if section == "data":
            cur["data"].append(line)
        elif section == "fragment":
            cur["fragment"] = line
        elif section == "document":
            cur["document"].append(line)
    if cur is not None:
        tests.append(cur)
    for t in tests:
        t["data"] = "\n".join(t["data"])
        doc = t["document"]
        while doc and doc[-1] == "":
            doc.pop()
        t["document"] = "\n".join(doc)
    return tests


def load_known():
    known = {}
    with open(KNOWN, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            name, sep, why = line.partition(":")
            if not sep or not why.strip():
                sys.exit("%s:%d: every line is 'FILE#INDEX: why'" % (KNOWN, n))
            known[name.strip()] = why.strip()
    return known


def run_one(binary, data):
    p = bounded.run([binary, "--dump-tree", "-"], cpu=CPU_SECONDS, input=data.encode("utf-8"),
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip())
    return p.stdout.decode("utf-8", "replace").rstrip("\n"), None


def run_raw(test_tree, data):
    with tempfile.NamedTemporaryFile(suffix=".html") as f:
        f.write(data.encode("utf-8"))
        f.flush()
        p = bounded.run([test_tree, f.name], cpu=CPU_SECONDS, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip())
    return p.stdout.decode("utf-8", "replace").rstrip("\n"), None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--data", default=os.path.join(TOP, "..", "shared", "data", "html5lib-tests",
                                                   "tree-construction"))
    ap.add_argument("--show", type=int, default=5, help="print the difference of this many failures")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--list-failures", action="store_true", help="print every failing test's name")
    ap.add_argument("--raw", metavar="TEST_TREE", help="parse raw bytes with this test_tree binary")
    ap.add_argument("tests", nargs="*")
    a = ap.parse_args()

    files = sorted(glob.glob(os.path.join(a.data, "*.dat")))
    if not files:
        sys.exit("run_tree: no .dat files in %s" % a.data)
    cases = []
    skipped = 0
    for path in files:
        base = os.path.basename(path)
        for i, t in enumerate(parse_dat(path)):
            name = "%s#%d" % (base, i)
            if t["fragment"] is not None or t["script"] == "script-on":
                skipped += 1
                continue
            if a.tests and name not in a.tests:
                continue
            cases.append((name, t))

    known = {} if a.raw else load_known()
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        if a.raw:
            futs = {ex.submit(run_raw, a.raw, t["data"]): (name, t) for name, t in cases}
        else:
            futs = {ex.submit(run_one, a.bin, t["data"]): (name, t) for name, t in cases}
        for fut in concurrent.futures.as_completed(futs):
            name, t = futs[fut]
            out, err = fut.result()
            results[name] = (out, err, t)

    passed = 0
    unexpected = []
    stale = []
    shown = 0
    for name, t in cases:
        out, err, _ = results[name]
        ok = err is None and out == t["document"]
        if ok:
            passed += 1
            if name in known:
                stale.append(name)
            continue
        if a.list_failures:
            print("FAIL", name)
        if name not in known or a.tests:
            if name not in known:
                unexpected.append(name)
            if shown < a.show or a.tests:
                shown += 1
                print("---- %s%s" % (name, " (known: %s)" % known[name] if name in known else ""))
                print("data: %r" % t["data"])
                if err:
                    print(err)
                else:
                    print("expected:\n%s\ngot:\n%s" % (t["document"], out))
    total = len(cases)
    print("tree-construction: %d/%d document tests pass (%.2f %%); %d fragment/script-on cases skipped; "
          "%d known failures" % (passed, total, 100.0 * passed / max(total, 1), skipped,
                                 total - passed - len(unexpected)))
    if a.tests or a.raw:
        return 0 if passed == total else 1
    bad = 0
    if unexpected:
        print("unexpected failures (%d): %s" % (len(unexpected), " ".join(sorted(unexpected))))
        bad = 1
    if stale:
        print("listed in %s but passing (%d): %s" % (os.path.relpath(KNOWN, TOP), len(stale),
                                                    " ".join(sorted(stale))))
        bad = 1
    missing = [n for n in known if n not in results]
    if missing:
        print("listed in %s but no such test: %s" % (os.path.relpath(KNOWN, TOP), " ".join(missing)))
        bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
