#!/usr/bin/env python3
"""Per changed page, the word P/R/F1 against the gold before and after (the scorer's own word_prf).

    tools/pagediff.py A.jsonl B.jsonl [wcxb|l3s]

A and B: `copydesk --json` over the same set (tools/eval.sh writes them); pages keyed by file name.
"""
import json, os, sys, importlib.util
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(TOP, "..", "shared")
spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "eval", "score.py"))
sc = importlib.util.module_from_spec(spec); spec.loader.exec_module(sc)
a, b = sys.argv[1], sys.argv[2]; kind = sys.argv[3] if len(sys.argv) > 3 else "wcxb"
d = os.path.join(SHARED, "data", "wcxb-dev" if kind == "wcxb" else "l3s-gn1")
gold = dict(sc.load_wcxb(d)) if kind == "wcxb" else dict(sc.load_l3s(d))
def load(p):
    return {os.path.basename(r["source"]).split(".")[0]: r for r in map(json.loads, open(p))}
A, B = load(a), load(b)
up = down = 0
for k in sorted(A):
    ta, tb = A[k].get("text") or "", B.get(k, {}).get("text") or ""
    if ta == tb: continue
    g = gold[k]
    g = g["text"]
    pa, pb = sc.word_prf(ta, g), sc.word_prf(tb, g)
    tag = "+" if pb[2] > pa[2] else ("-" if pb[2] < pa[2] else "=")
    up += tag == "+"; down += tag == "-"
    print(f"{k} {tag} P {pa[0]:.3f}->{pb[0]:.3f} R {pa[1]:.3f}->{pb[1]:.3f} F1 {pa[2]:.3f}->{pb[2]:.3f}")
print(f"better {up} worse {down}")
