#!/usr/bin/env python3
"""Per page where a peer's P beats ours (by .05, recall within .05): our P, the peer's, and
the P the page would gain (and the set's mean P, in points) if our lines that neither the
gold nor the peer holds went. Session 17 h/peers.

    python3 tools/peers/pagecost.py DATASET DATA_DIR OURS.jsonl PEER.jsonl... [--skip IDS.txt]
"""
import importlib.util, os, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "..", "shared", "eval", "score.py")))
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
args = sys.argv[1:]
skip = set()
if "--skip" in args:
    i = args.index("--skip"); skip = {l.strip() for l in open(args[i + 1]) if l.strip()}; del args[i:i + 2]
ds, dd, ours = args[0:3]; peers = args[3:]
gold = dict(S.LOADERS[ds](dd)); po, _ = S.load_predictions(ours, ds)
keys = [k for k, g in gold.items() if g["text"] is not None and (ds != "wcxb" or g["type"] == "article")]
N = len(keys)
for peer in peers:
    pp, _ = S.load_predictions(peer, ds)
    for k in keys:
        g = gold[k]["text"]; o = (po.get(k) or {}).get("text") or ""; t = (pp.get(k) or {}).get("text") or ""
        mo = S.word_prf(o, g); mt = S.word_prf(t, g)
        if not (mt[0] >= mo[0] + .05 and mt[1] >= mo[1] - .05): continue
        if k in skip: print(peer.split("/")[-1][:22], k, "CLOSED"); continue
        tseq, gseq = S.word_seq(t), S.word_seq(g); gw = Counter(S.words(g)); ow = Counter(S.words(o))
        drop = Counter()
        for line in o.split("\n"):
            if S.words(line) and S.word_seq(line) not in gseq and S.word_seq(line) not in tseq: drop.update(S.words(line))
        nw = ow - drop; p1 = sum((nw & gw).values()) / max(1, sum(nw.values()))
        print(f"{peer.split('/')[-1][:22]:22s} {k} oursP {mo[0]:.3f} peerP {mt[0]:.3f} gain-if-dropped {p1-mo[0]:.3f} set-points {(p1-mo[0])/N*100:.3f}")
