#!/usr/bin/env python3
"""Gold words removed by site chrome (issue #13; docs/sites.md).

    goldloss.py DATASET DATA_DIR OFF.jsonl ON.jsonl [--score PATH] [--list N]

OFF/ON: the same batch extracted without and with site learning. Per page,
the gold words (multiset of lower-cased \\w+ tokens) the OFF output holds and
the ON output does not are counted as removed; the rate is their sum over the
sum of gold words of all pages. --list N prints the N pages losing most.
The scorer (/work/shared/eval/score.py, or --score) gives the gold loaders."""
import argparse
import importlib.util
from collections import Counter


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("data")
    ap.add_argument("off")
    ap.add_argument("on")
    ap.add_argument("--score", default="/work/shared/eval/score.py")
    ap.add_argument("--list", type=int, default=0)
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", a.score)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    off, _ = sc.load_predictions(a.off, a.dataset)
    on, _ = sc.load_predictions(a.on, a.dataset)
    total = lost = gained = 0
    rows = []
    for pid, g in sc.LOADERS[a.dataset](a.data):
        text = g.get("text")
        if text is None:
            continue
        if a.dataset == "cleaneval":
            pfx = lambda r: (r.get("title") or "") + "\n" + (r.get("text") or "")
        else:
            pfx = lambda r: r.get("text") or ""
        gw = Counter(sc.words(text))
        total += sum(gw.values())
        ro, rn = off.get(pid) or {}, on.get(pid) or {}
        ho = gw & Counter(sc.words(pfx(ro)))
        hn = gw & Counter(sc.words(pfx(rn)))
        lo = sum((ho - hn).values())
        lost += lo
        gained += sum((hn - ho).values())
        if lo:
            rows.append((lo, pid))
    print("%s: gold words %d, removed by site chrome %d (%.3f %%), regained %d (%.3f %%)"
          % (a.dataset, total, lost, 100.0 * lost / max(total, 1), gained, 100.0 * gained / max(total, 1)))
    for lo, pid in sorted(rows, reverse=True)[: a.list]:
        print("  %6d %s" % (lo, pid))


if __name__ == "__main__":
    main()
