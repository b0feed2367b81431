#!/usr/bin/env python3
"""Author values against a gold, page by page: right / missing / wrong / false.

usage: tools/author_audit.py BIN [wcxb|news|all] [--jsonl FILE] [--show CLASSES] [--type TYPE]
       [--field authors|section]

wcxb: the wcxb-dev pages (gold: ground-truth/NNNN.json ground_truth.author,
page type from metadata.json), compared as the shared scorer compares them
(score.py names(): a set of normalised names). news: the news spec cases
(tests/spec/news, expected.json "authors" and also_accept). Data from
$CD_DATA (default ../shared/data beside the checkout).

Per page: right (our names = the gold's; both empty counts as right-empty),
missing (gold names, we give none), wrong (gold names, we give others),
false (the gold has none, we give names). Each value's source is the
`sources` entry of `copydesk --json --explain` (json-ld, meta, og,
microdata, visible, twitter). Counts are given per page type and per source.

--show false,wrong lists those pages with gold, ours and the source.
--jsonl FILE reads an existing --explain output of the wcxb pages instead of
running BIN (BIN may then be `-`).
--field section audits the section instead (news spec only: wcxb has no
section gold).
"""
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tests"))
DATA = os.environ.get("CD_DATA") or os.path.join(os.path.dirname(TOP), "shared", "data")


def _score_mod():
    """The shared scorer's names() and norm(), so the counts agree with it."""
    path = os.environ.get("CD_SCORE") or os.path.join(os.path.dirname(DATA), "eval", "score.py")
    import importlib.util
    spec = importlib.util.spec_from_file_location("cd_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def classify(gold, ours):
    if not gold:
        return "false" if ours else "right-empty"
    if not ours:
        return "missing"
    return "right" if gold == ours else "wrong"


def audit_wcxb(binary, jsonl, field):
    S = _score_mod()
    root = os.path.join(DATA, "wcxb-dev")
    meta = json.load(open(os.path.join(root, "metadata.json")))["files"]
    if jsonl:
        lines = open(jsonl, encoding="utf-8").read().split("\n")
    else:
        p = subprocess.run([binary, "--json", "--explain", "-q", "--ordered", os.path.join(root, "html")],
                           stdout=subprocess.PIPE, check=False)
        lines = p.stdout.decode("utf-8", "replace").split("\n")
    rows = []
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        fid = os.path.basename(rec.get("source", "")).split(".")[0]
        gpath = os.path.join(root, "ground-truth", fid + ".json")
        if not os.path.exists(gpath):
            continue
        gj = json.load(open(gpath, encoding="utf-8"))
        g = gj.get("ground_truth", {})
        pt = meta.get(fid, {}).get("page_type") or \
            ((gj.get("_internal") or {}).get("page_type") or {}).get("primary", "?")
        gold = S.names(g.get("author")) if g.get("author") else set()
        ours = S.names(rec.get("authors") or [])
        src = (rec.get("sources") or {}).get("authors") or "-"
        rows.append((fid, pt, classify(gold, ours),
                     g.get("author"), rec.get("authors"), src))
    return rows


def _run_explain(binary, case, inp):
    """The case's JSON record as run_spec makes it, with --explain added."""
    import shlex
    import run_spec as R
    args = ["--json", "--explain"]
    if os.path.exists(os.path.join(case, "args")):
        args += shlex.split(R.read(os.path.join(case, "args")))
    if os.path.exists(os.path.join(case, "url")):
        args = ["--url", R.read(os.path.join(case, "url")).strip()] + args
    stdin_data = None
    if "-" in args:
        stdin_data = R.read(inp, "rb")
    else:
        args.append(inp)
    p = subprocess.run([binary] + args, input=stdin_data, stdout=subprocess.PIPE, cwd=TOP,
                       stderr=subprocess.DEVNULL, timeout=60)
    lines = p.stdout.decode("utf-8", "replace").split("\n")
    return json.loads(lines[0]) if lines and lines[0] else {}


def audit_news(binary, field):
    import run_spec as R
    suite = os.path.join(TOP, "tests", "spec", "news")
    rows = []
    for c in sorted(os.listdir(suite)):
        case = os.path.join(suite, c)
        if not os.path.isdir(case) or not os.path.exists(os.path.join(case, "expected.json")):
            continue
        want = json.load(open(os.path.join(case, "expected.json"), encoding="utf-8"))
        if field not in want:
            continue
        inp, why = R.find_input(case)
        if not inp:
            continue
        rec = _run_explain(binary, case, inp)
        rec = rec or {}
        alts = [want[field]] + list(want.get("also_accept", {}).get(field, []))
        got = rec.get(field)
        empty = lambda v: v is None or v == [] or v == ""
        if any(a == got for a in alts):
            cls = "right-empty" if empty(want[field]) else "right"
        elif empty(got):
            cls = "missing"
        elif empty(want[field]):
            cls = "false"
        else:
            cls = "wrong"
        src = (rec.get("sources") or {}).get(field) or "-"
        rows.append((c, "news", cls, want[field], got, src))
    return rows


def report(rows, show, only_type):
    by_type = defaultdict(Counter)
    by_src = defaultdict(Counter)
    for fid, pt, cls, gold, ours, src in rows:
        by_type[pt][cls] += 1
        if cls in ("right", "wrong", "false"):
            by_src[src][cls] += 1
    classes = ["right", "right-empty", "missing", "wrong", "false"]
    print("%-10s %6s %11s %8s %6s %6s %6s" % ("type", "right", "right-empty", "missing", "wrong", "false", "pages"))
    tot = Counter()
    for pt in sorted(by_type):
        c = by_type[pt]
        tot.update(c)
        print("%-10s %6d %11d %8d %6d %6d %6d" % ((pt,) + tuple(c[k] for k in classes) + (sum(c.values()),)))
    print("%-10s %6d %11d %8d %6d %6d %6d" % (("all",) + tuple(tot[k] for k in classes) + (sum(tot.values()),)))
    print()
    print("source of the values given: right / wrong / false")
    for s in sorted(by_src):
        c = by_src[s]
        print("  %-10s %4d / %3d / %3d" % (s, c["right"], c["wrong"], c["false"]))
    if show:
        print()
        for fid, pt, cls, gold, ours, src in rows:
            if cls in show and (not only_type or pt == only_type):
                print("%-30s %-8s %-7s %-10s gold %s | ours %s" % (
                    fid, pt, cls, src, json.dumps(gold, ensure_ascii=False)[:70],
                    json.dumps(ours, ensure_ascii=False)[:70]))


def main():
    a = sys.argv[1:]
    if not a:
        sys.exit(__doc__)
    binary = a[0]
    which = a[1] if len(a) > 1 and not a[1].startswith("--") else "all"

    def opt(name, default=None):
        return a[a.index(name) + 1] if name in a else default
    show = set((opt("--show") or "").split(",")) - {""}
    field = opt("--field", "authors")
    jsonl = opt("--jsonl")
    if binary != "-":
        binary = os.path.abspath(binary)
    if which in ("wcxb", "all") and field == "authors":
        print("== wcxb-dev (gold ground_truth.author, scorer's names())")
        report(audit_wcxb(binary, jsonl, field), show, opt("--type"))
        print()
    if which in ("news", "all"):
        print("== news spec (expected.json %s, also_accept)" % field)
        report(audit_news(binary, field), show, None)


if __name__ == "__main__":
    main()
