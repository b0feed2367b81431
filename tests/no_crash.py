#!/usr/bin/env python3
"""No crash, valid output on every file under shared/data.

    tests/no_crash.py [--bin build/copydesk] [--shared ../shared]

Feeds the CLI (--json) every file under shared/data: the WCXB pages, the
Readability pages (source, expected and metadata files alike), the html5lib
tokenizer/encoding suites and the WARC samples -- real pages and plain junk.
In batches; checks that the exit status is 0 or 1 (never a signal or other
code), that it is 1 exactly when an error record was written, that stdout is
valid UTF-8, that every line is a JSON object with "source" and either "text"
or "error", and that there is one record per input. A batch that fails is
rerun file by file to name the culprit. Missing data fails, never skips.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clicheck import check  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = 250


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--shared", default=os.environ.get("CD_SHARED", os.path.join(TOP, "..", "shared")))
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    data = os.path.join(os.path.abspath(a.shared), "data")
    need = [os.path.join(data, "wcxb-dev", "html"), os.path.join(data, "readability", "pages"),
            os.path.join(data, "html5lib-tests")]
    missing = [d for d in need if not os.path.isdir(d)]
    if not os.access(binary, os.X_OK) or missing:
        print("no-crash: FAIL: missing %s" % (", ".join(missing) or binary))
        print("no-crash: 0 passed, 1 failed")
        return 1
    files = []
    for root, dirs, names in os.walk(data):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names)]
    passed = failed = 0
    for i in range(0, len(files), BATCH):
        batch = files[i:i + BATCH]
        probs = check(binary, batch)
        if not probs:
            passed += len(batch)
            continue
        culprits = 0
        for f in batch:  # name the culprit(s)
            fp = check(binary, [f])
            if fp:
                culprits += 1
                failed += 1
                print("FAIL %s" % os.path.relpath(f, data))
                for x in fp:
                    print("     " + x)
            else:
                passed += 1
        if not culprits:
            print("FAIL batch %d: %s (no single file reproduces it)" % (i // BATCH, "; ".join(probs)))
            failed += 1
    print("no-crash: %d files under %s" % (len(files), data))
    print("no-crash: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
