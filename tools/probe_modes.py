#!/usr/bin/env python3
"""Where the class-free probe (tools/declass.py) loses, by reading mode (issue #12).
h/declass2, session 19.

    tools/probe_modes.py DATASET DATA_DIR SERVED.jsonl PROBE.jsonl SERVED.modes PROBE.modes

SERVED/PROBE.jsonl are our outputs on the pages as served and on their declassed copies
(the probe's "source" rewritten to the served path, as in tools/declass.py's header);
the .modes files are "PAGE MODE" lines, the `mode` of `copydesk --json --explain`:

    build/copydesk --json --explain -q --ordered DIR | python3 -c 'import json,sys
    for l in sys.stdin: r=json.loads(l); print(r["source"].split("/")[-1].split(".")[0], r["mode"])'

For each transition (served mode -> probe mode) over the article pages: pages, the sum of
the page precision and recall changes, and the pages that lose more than .05 of precision.
A page read "broad" on the probe but as its article when served is a decision lost
(decide.c's broaden: the chosen container's share of the page's prose or long
paragraphs, which the class-word drops had raised), not a detector's leak.
"""
import sys, os, importlib.util, collections

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
spec = importlib.util.spec_from_file_location("score", SCORE)
S = importlib.util.module_from_spec(spec)
spec.loader.exec_module(S)

ds, dd, fa, fb, ms, mp = sys.argv[1:7]
gold = dict(S.LOADERS[ds](dd))
A, _ = S.load_predictions(fa, ds)
B, _ = S.load_predictions(fb, ds)
M1 = dict(l.split() for l in open(ms))
M2 = dict(l.split() for l in open(mp))
agg = collections.defaultdict(lambda: [0, 0.0, 0.0, []])
for k, g in gold.items():
    if g["type"] != "article" or k not in A or k not in B:
        continue
    pa = S.word_prf(A[k].get("text"), g["text"])
    pb = S.word_prf(B[k].get("text"), g["text"])
    t = "%s->%s" % (M1.get(k), M2.get(k))
    a = agg[t]
    a[0] += 1
    a[1] += pb[0] - pa[0]
    a[2] += pb[1] - pa[1]
    if pb[0] - pa[0] < -0.05:
        a[3].append((round(pb[0] - pa[0], 2), k))
for t, a in sorted(agg.items(), key=lambda x: x[1][1]):
    worst = " ".join("%s(%s)" % (k[:8], d) for d, k in sorted(a[3])[:12])
    print("%-22s pages %4d  sum dP %+.2f  sum dR %+.2f  %s" % (t, a[0], a[1], a[2], worst))
