#!/usr/bin/env python3
"""Audit of date_published: where our date comes from and how it fails.

    build/copydesk --json --explain -q --ordered ../shared/data/wcxb-dev/html > /tmp/wcxb.jsonl
    build/copydesk --json --explain -q --ordered ../shared/data/l3s-gn1/html > /tmp/l3s.jsonl
    tools/date_audit.py wcxb /tmp/wcxb.jsonl [--examples N] [--list KIND]
    tools/date_audit.py l3s /tmp/l3s.jsonl [--examples N] [--list KIND]

wcxb: the gold publish_date (ground-truth/NNNN.json) against ours, by the
source of ours (`sources.date_published` of --explain) and page type:
right / wrong (which source) / null where the gold has one / set where the
gold has none (not scored). Also whether a wrong value carries a time.

l3s: the pages have no date gold; the gold's supplemental text (byline and
date lines, labelled by hand) usually holds the story's date line. Each page
falls in one kind: ours agrees with that line, is later (a masthead's 'today'
or the crawl date), is null while the line holds a date, ... by our source.
A masthead-like value is one shared by many pages of the crawl (the day they
were fetched): the tool counts how many pages share each visible date.
Standard library only.
"""
import argparse
import collections
import json
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tools"))
import datetime  # noqa: E402

from l3s_fields import find_dates  # noqa: E402


def load(pred):
    recs = {}
    with open(pred, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                recs[os.path.basename(r["source"]).split(".")[0]] = r
    return recs


def src_of(r):
    return ((r.get("sources") or {}).get("date_published")) or "-"


def wcxb(data, recs, examples, only):
    meta = json.load(open(os.path.join(data, "metadata.json"), encoding="utf-8"))["files"]
    C, EX = collections.Counter(), collections.defaultdict(list)
    tot = right = 0
    for pid in sorted(recs):
        gp = os.path.join(data, "ground-truth", pid + ".json")
        if not os.path.exists(gp):
            continue
        g = (json.load(open(gp, encoding="utf-8")).get("ground_truth") or {}).get("publish_date")
        r = recs[pid]
        ours = r.get("date_published")
        src = src_of(r)
        pt = meta.get(pid, {}).get("page_type", "?")
        if not g:
            k = "gold none; ours %s" % ("set (%s)" % src if ours else "null")
        else:
            tot += 1
            if ours and ours[:10] == g[:10]:
                right += 1
                k = "right (%s)" % src
            elif not ours:
                k = "null; gold has a date"
            else:
                k = "wrong (%s)%s" % (src, " later" if ours[:10] > g[:10] else " earlier")
        C[k] += 1
        C["  page type %s: %s" % (pt, k.split(" ")[0])] += 1
        if len(EX[k]) < examples or only and only in k:
            EX[k].append("%s %-9s ours %s gold %s" % (pid, pt, ours, g))
    print("== wcxb date_published: %d/%d right (%.4f)" % (right, tot, right / max(tot, 1)))
    for k, v in sorted(C.items(), key=lambda kv: (kv[0].startswith("  "), -kv[1])):
        print("%5d  %s" % (v, k))
        if not k.startswith("right") and not k.startswith("  ") and not k.startswith("gold none"):
            for e in EX[k]:
                print("         " + e)


def l3s(data, recs, examples, only):
    per_day = collections.Counter()
    for r in recs.values():
        if r.get("date_published") and src_of(r) == "visible":
            per_day[r["date_published"][:10]] += 1
    C, EX = collections.Counter(), collections.defaultdict(list)
    gt = os.path.join(data, "ground-truth")
    timed = 0
    for f in sorted(os.listdir(gt)):
        if not f.endswith(".json"):
            continue
        pid = f[:-5]
        g = json.load(open(os.path.join(gt, f), encoding="utf-8"))
        r = recs[pid]
        ours = r.get("date_published")
        src = src_of(r)
        if ours and len(ours) > 10:
            timed += 1
        od = datetime.date.fromisoformat(ours[:10]) if ours else None
        sup = g.get("supplemental") or ""
        ds = find_dates(sup)
        named = [d for d in ds if isinstance(d, datetime.date) and d.year in (2007, 2008)]
        if named:
            gd = named[0]
            k = ("agrees" if od in named else "null; the gold has a date line" if od is None
                 else "later than the gold's date line" if od > gd else "earlier than the gold's date line")
        else:
            k = "no written-out date in the gold line; ours " + ("set" if od else "null")
        if od and k.startswith("later"):
            k += " (a day %d pages share)" % per_day[ours[:10]] if per_day[ours[:10]] >= 5 else ""
        k += " [%s]" % src
        C[k] += 1
        if len(EX[k]) < examples or only and only in k:
            EX[k].append("%s ours %s, gold %r" % (pid[:8], ours, sup[:70].replace("\n", " ")))
    print("== l3s date_published against the gold's date line (%d values carry a time)" % timed)
    for k, v in C.most_common():
        print("%4d  %s" % (v, k))
        if not k.startswith("agrees"):
            for e in EX[k]:
                print("        " + e)
    print("== visible dates shared by >= 5 pages (crawl days?)")
    for d, n in per_day.most_common():
        if n >= 5:
            print("%4d  %s" % (n, d))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=["wcxb", "l3s"])
    ap.add_argument("pred")
    ap.add_argument("--data")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--list", help="print every page of the kinds containing this text")
    a = ap.parse_args()
    data = a.data or os.path.join(TOP, "..", "shared", "data", "wcxb-dev" if a.set == "wcxb" else "l3s-gn1")
    if not os.path.isdir(data):
        data = os.path.join("/work/shared/data", "wcxb-dev" if a.set == "wcxb" else "l3s-gn1")
    recs = load(a.pred)
    (wcxb if a.set == "wcxb" else l3s)(data, recs, a.examples, a.list)


if __name__ == "__main__":
    main()
