#!/usr/bin/env python3
"""The L3S-GN1 pages losing most precision, with what the lost words are and whether
trafilatura keeps them too (session 22, h/l3sleft).

    tools/l3s_left.py OURS.jsonl [PEER.jsonl] [--data DIR] [--top N] [--blocks]

Pages are ranked by points of mean precision lost ((our words - overlap) / our
words / pages * 100). For each: our words, words the gold body lacks, the split by
tools/leaks.py's kinds (gold field that covers the word), and 'peer': of those lost
words, how many sit in a word 3-gram that the peer's text also has (the peer keeps
them too). --blocks prints the leaking blocks of each page.
"""
import argparse, importlib.util, json, os, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("leaks", os.path.join(HERE, "leaks.py"))
L = importlib.util.module_from_spec(spec); spec.loader.exec_module(L)


def load(path):
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                out[L.page_key(r.get("source"))] = r
    return out


def main():
    top = os.path.dirname(HERE)
    ap = argparse.ArgumentParser()
    ap.add_argument("ours"); ap.add_argument("peer", nargs="?")
    ap.add_argument("--data", default=os.path.join(top, "..", "shared", "data", "l3s-gn1"))
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--blocks", action="store_true")
    a = ap.parse_args()
    ours = load(a.ours)
    peer = load(a.peer) if a.peer else {}
    gt = os.path.join(a.data, "ground-truth")
    rows = []
    n = 0
    for f in sorted(os.listdir(gt)):
        if not f.endswith(".json"):
            continue
        n += 1
        pid = f[:-5]
        g = json.load(open(os.path.join(gt, f), encoding="utf-8"))
        text = (ours.get(pid) or {}).get("text") or ""
        res = L.analyse(g, text)
        toks = L.words(text)
        lost = sum((Counter(toks) - Counter(L.words(g.get("body")))).values())
        if not toks or not lost:
            continue
        ptri = L.ngrams(L.words((peer.get(pid) or {}).get("text") or ""), 3)
        kept = 0
        blocks = []
        for kind, bl in res["blocks"].items():
            for v, b in bl:
                bt = L.words(b)
                tri = [tuple(bt[i:i + 3]) for i in range(len(bt) - 2)]
                share = sum(1 for t in tri if t in ptri) / len(tri) if tri else 0
                if share >= 0.5:
                    kept += v
                blocks.append((kind, v, share >= 0.5, " ".join(b.split())))
        rows.append((lost / len(toks), pid, len(toks), lost, res["loss"], kept, blocks))
    rows.sort(key=lambda r: -r[0])
    print("| page | P | points | our words | lost | by kind (leaks.py) | peer keeps |")
    print("|---|---|---|---|---|---|---|")
    for frac, pid, nt, lost, loss, kept, blocks in rows[: a.top]:
        kinds = ", ".join(f"{k} {round(v * nt)}" for k, v in sorted(loss.items(), key=lambda kv: -kv[1]))
        print(f"| {pid[:8]} | {1 - frac:.3f} | {100 * frac / n:.3f} | {nt} | {lost} | {kinds} | {kept} |")
        if a.blocks:
            for kind, v, pk, b in blocks:
                print(f"      {kind[:5]} [{v:3d}] {'P' if pk else '-'} {b[:220]}")
    tot = sum(r[0] for r in rows[: a.top]) / n * 100
    print(f"\n{len(rows)} pages lose words; the top {a.top} hold {tot:.2f} of {sum(r[0] for r in rows) / n * 100:.2f} points")


if __name__ == "__main__":
    sys.exit(main())
