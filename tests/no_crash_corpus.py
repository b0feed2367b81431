#!/usr/bin/env python3
"""No crash, valid UTF-8 in every format on every fuzz corpus file.

    tests/no_crash_corpus.py [--bin build/copydesk] [--corpus fuzz/corpus]

The sibling of tests/no_crash.py (which sweeps ../shared/data as JSON): the
CLI reads every file under fuzz/corpus/*/ (fuzzer-made junk as well as seeds)
in each format -- text, markdown, json -- in batches. Checks: the exit status
is 0 or 1, never a signal; stdout is valid UTF-8; in JSON, one parsable object
per input with "source" and "text" or "error", and exit status 1 exactly when
an error record was written. A failing batch is rerun file by file to name
the culprit. An empty or missing corpus fails.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clicheck import check  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = 200
FORMATS = ("text", "markdown", "json")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--corpus", default=os.path.join(TOP, "fuzz", "corpus"))
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    files = []
    if os.path.isdir(a.corpus):
        for root, dirs, names in os.walk(a.corpus):
            dirs.sort()
            files += [os.path.join(root, n) for n in sorted(names)]
    if not os.access(binary, os.X_OK) or not files:
        print("no-crash-corpus: FAIL: missing %s" % (binary if files else a.corpus))
        print("no-crash-corpus: 0 passed, 1 failed")
        return 1
    passed = failed = 0
    for fmt in FORMATS:
        for i in range(0, len(files), BATCH):
            batch = files[i:i + BATCH]
            probs = check(binary, batch, fmt)
            if not probs:
                passed += len(batch)
                continue
            culprits = 0
            for f in batch:
                fp = check(binary, [f], fmt)
                if fp:
                    culprits += 1
                    failed += 1
                    print("FAIL [%s] %s" % (fmt, os.path.relpath(f, TOP)))
                    for x in fp:
                        print("     " + x)
                else:
                    passed += 1
            if not culprits:
                print("FAIL [%s] batch %d: %s (no single file reproduces it)" % (fmt, i // BATCH, "; ".join(probs)))
                failed += 1
    print("no-crash-corpus: %d files x %d formats under %s" % (len(files), len(FORMATS), a.corpus))
    print("no-crash-corpus: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
