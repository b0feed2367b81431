#!/usr/bin/env python3
"""Word P/R/F1 on L3S-GN1, split by whether a page was ever named (issue #12).

    tools/l3s_named.py PRED.jsonl [--data ../shared/data/l3s-gn1] [--repo .]

A page is "named" when the first eight hex digits of its id occur anywhere in
the repository's docs/, tests/ (regression pages, spec NOTES, KNOWN_FAILING)
or src/ (comments, word lists): a page some rule or audit was written about.
The others are pages no rule names. Comparing a peer's figures on both halves
with ours shows whether our lead over it comes from pages we tuned on
(session 17: ours .9902 / trafilatura .8664 on 218 unnamed pages,
.9712 / .8351 on 395 named).
The scorer's own word_prf is used, so the figures are score.py's.
"""
import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("pred")
ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "l3s-gn1"))
ap.add_argument("--repo", default=os.path.join(HERE, ".."))
ap.add_argument("--score", default=os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
a = ap.parse_args()
sys.path.insert(0, os.path.dirname(os.path.abspath(a.score)))
import score  # noqa: E402

pats = ["docs/*.md", "tests/regression/*/*", "tests/spec/news/*/NOTES",
        "tests/spec/news/KNOWN_FAILING", "src/*/*.c", "src/*/*.h", "src/lists/*.txt"]
named = set()
for pat in pats:
    for f in glob.glob(os.path.join(a.repo, pat)):
        with open(f, "rb") as fh:
            named.update(re.findall(r"\b([0-9a-f]{8})\b", fh.read().decode("utf-8", "replace")))
preds = {}
for line in open(a.pred, encoding="utf-8"):
    o = json.loads(line)
    preds[os.path.basename(o.get("source", "")).split("-")[0]] = o
res = {True: [], False: []}
gt_dir = os.path.join(a.data, "ground-truth")
for f in sorted(os.listdir(gt_dir)):
    k = f.split("-")[0]
    gt = json.load(open(os.path.join(gt_dir, f), encoding="utf-8"))
    res[k in named].append(score.word_prf(preds.get(k, {}).get("text", ""), gt["body"]))
for b in (False, True):
    v = res[b]
    if v:
        print("%-8s %3d pages  P %.4f  R %.4f  F1 %.4f" % (("named" if b else "unnamed"), len(v),
              *[sum(x[i] for x in v) / len(v) for i in range(3)]))
