#!/usr/bin/env python3
"""Page by page: where a peer's word precision beats ours (issue #12).

    tools/peer_precision.py DATASET DATA_DIR OURS.jsonl PEER.jsonl [--gap G] [--lines]

DATASET and the files are as for ../shared/eval/score.py (its word_prf and
loaders are used, so the figures are the scorer's). On wcxb only the article
pages are read. Lists the pages where the peer's precision is at least G
(default .05) above ours with recall no more than .005 (--rtol) below ours, with the
words each side keeps that the gold lacks; --lines also prints our lines
that neither the gold nor the peer holds as a contiguous word run (what the
peer drops and we keep), for classifying by hand. The peer output lives in
DATA_DIR/peers/ (trafilatura-2.2.jsonl; Readability has none).
"""
import argparse
import importlib.util
import os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
spec = importlib.util.spec_from_file_location("score", SCORE)
S = importlib.util.module_from_spec(spec)
spec.loader.exec_module(S)

ap = argparse.ArgumentParser()
ap.add_argument("dataset")
ap.add_argument("data_dir")
ap.add_argument("ours")
ap.add_argument("peer")
ap.add_argument("--gap", type=float, default=0.05)
ap.add_argument("--rtol", type=float, default=0.005,
                help="the peer's recall may be this much below ours (default .005)")
ap.add_argument("--skip", help="a file of page ids (one a line) left out of the list, e.g. a held-out round")
ap.add_argument("--lines", action="store_true")
a = ap.parse_args()

gold = dict(S.LOADERS[a.dataset](a.data_dir))
po, _ = S.load_predictions(a.ours, a.dataset)
pp, _ = S.load_predictions(a.peer, a.dataset)
rows = []
for k, g in gold.items():
    if g["text"] is None or (a.dataset == "wcxb" and g["type"] != "article"):
        continue
    o = (po.get(k) or {}).get("text") or ""
    t = (pp.get(k) or {}).get("text") or ""
    rows.append((k, S.word_prf(o, g["text"]), S.word_prf(t, g["text"]), o, t, g["text"]))
n = len(rows) or 1
mean = lambda i, j: sum(r[i][j] for r in rows) / n
print(f"{a.dataset}: {len(rows)} pages; ours P {mean(1, 0):.4f} R {mean(1, 1):.4f} F1 {mean(1, 2):.4f}; "
      f"peer P {mean(2, 0):.4f} R {mean(2, 1):.4f} F1 {mean(2, 2):.4f}")
skip = set()
if a.skip:
    skip = {l.strip() for l in open(a.skip) if l.strip()}
sel = [r for r in rows if r[2][0] >= r[1][0] + a.gap and r[2][1] >= r[1][1] - a.rtol]
nskip = sum(1 for r in sel if r[0] in skip or r[0].split(".")[0] in skip)
sel = [r for r in sel if not (r[0] in skip or r[0].split(".")[0] in skip)]
sel.sort(key=lambda r: r[1][0] - r[2][0])
print(f"peer P >= ours + {a.gap} with recall >= ours - {a.rtol}: {len(sel) + nskip} pages"
      + (f" ({nskip} skipped, not listed)" if a.skip else ""))
for k, mo, mt, o, t, gt in sel:
    gw = Counter(S.words(gt))
    extra = sum((Counter(S.words(o)) - gw).values())
    textra = sum((Counter(S.words(t)) - gw).values())
    print(f"== {k} ours P {mo[0]:.3f} R {mo[1]:.3f} | peer P {mt[0]:.3f} R {mt[1]:.3f} | "
          f"words not in the gold: ours {extra}, peer {textra}")
    if not a.lines:
        continue
    tseq, gseq = S.word_seq(t), S.word_seq(gt)
    for line in o.split("\n"):
        w = S.words(line)
        if w and S.word_seq(line) not in gseq and S.word_seq(line) not in tseq:
            print(f"   [{len(w):4d} w] {line[:160]!r}")
