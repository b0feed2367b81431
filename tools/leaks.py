#!/usr/bin/env python3
"""Where precision goes on L3S-GN1: every word of our text that is not in the gold body,
attributed to what it is in the gold.

    tools/leaks.py PRED.jsonl [--data DIR] [--worst N] [--kind KIND] [--json] [--pages]

PRED.jsonl is copydesk's (or a peer's) JSON Lines output on DIR/html (default:
../shared/data/l3s-gn1 beside the repo, or $CD_DATA/l3s-gn1).

The scorer's precision is a mean over pages of overlap / predicted words (multiset
overlap of lower-cased \\w+ tokens), so a page loses (predicted - overlap) / predicted.
That excess is split here by kind: each token of our text gets a label from the
gold field that covers it (a word 3-gram around it occurs in the field's word
sequence; blocks under three words must occur whole), in this order:
  body, title, supplemental (bylines, datelines, captions, credits), comments,
  related, boilerplate (the gold's boilerplate sample), unlabelled (in no field:
  boilerplate outside the sample, or text the annotated copy did not show).
The excess of each word (how many more times we have it than the body) is charged
to the non-body positions of that word first, in document order; what is left
(a body paragraph repeated, a body word out of place) is 'repeat'. Empty output
on a page with a body is 'empty' (precision 0). The split sums to 1 - precision.

With --worst N, the N pages losing most to each kind (or to --kind) are listed
with the blocks of our text that carry that kind.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

WORD = re.compile(r"\w+")
KINDS = ("supplemental", "title", "related", "comments", "boilerplate", "unlabelled", "repeat", "empty")


def words(text):
    return WORD.findall((text or "").lower())


def ngrams(toks, n):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def seq(toks):
    return " " + " ".join(toks) + " "


class Field:
    def __init__(self, text):
        self.toks = words(text)
        self.tri = ngrams(self.toks, 3)
        self.s = seq(self.toks)

    def covers_block(self, toks):
        return bool(self.toks) and seq(toks) in self.s


def page_key(source):
    base = os.path.basename(source or "")
    for ext in (".gz", ".html", ".htm"):
        if base.endswith(ext):
            base = base[: -len(ext)]
    return base


def label_tokens(blocks, fields):
    """blocks: list of token lists; fields: list of (kind, Field). Returns a parallel list
    of label lists."""
    out = []
    for toks in blocks:
        labs = [None] * len(toks)
        if len(toks) < 3:
            for kind, f in fields:
                if f.covers_block(toks):
                    labs = [kind] * len(toks)
                    break
        else:
            for kind, f in fields:
                if not f.tri:
                    continue
                for i in range(len(toks) - 2):
                    if tuple(toks[i:i + 3]) in f.tri:
                        for j in range(i, i + 3):
                            if labs[j] is None:
                                labs[j] = kind
            # Leftover single words between two tokens of one kind take that kind
            # (a word the gold spells differently inside a run).
            for i in range(1, len(toks) - 1):
                if labs[i] is None and labs[i - 1] is not None and labs[i - 1] == labs[i + 1]:
                    labs[i] = labs[i - 1]
        out.append([l or "unlabelled" for l in labs])
    return out


def analyse(g, text):
    body = Field(g.get("body") or "")
    fields = [("body", body), ("title", Field(g.get("title") or "")),
              ("supplemental", Field(g.get("supplemental") or "")),
              ("comments", Field(g.get("comments") or "")),
              ("related", Field(g.get("related") or "")),
              ("boilerplate", Field("\n".join(g.get("boilerplate_sample") or [])))]
    raw_blocks = [b for b in re.split(r"\n+", text or "") if words(b)]
    blocks = [words(b) for b in raw_blocks]
    ptoks = [t for b in blocks for t in b]
    res = {"pred": len(ptoks), "loss": Counter(), "blocks": defaultdict(list)}
    if not body.toks:
        return res
    if not ptoks:
        res["loss"]["empty"] = 1.0
        return res
    excess = Counter(ptoks) - Counter(body.toks)
    labels = label_tokens(blocks, fields)
    charged = Counter()
    per_block = []
    for bi, (toks, labs) in enumerate(zip(blocks, labels)):
        c = Counter()
        for t, l in zip(toks, labs):
            if l != "body" and excess[t] > 0:
                excess[t] -= 1
                c[l] += 1
        per_block.append(c)
        charged += c
    rest = sum(excess.values())
    if rest:
        charged["repeat"] += rest
    n = len(ptoks)
    for k, v in charged.items():
        res["loss"][k] = v / n
    for bi, c in enumerate(per_block):
        for k, v in c.items():
            res["blocks"][k].append((v, raw_blocks[bi]))
    return res


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default = os.path.join(os.environ.get("CD_DATA") or os.path.join(top, "..", "shared", "data"), "l3s-gn1")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred")
    ap.add_argument("--data", default=default)
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--kind", choices=KINDS)
    ap.add_argument("--json", action="store_true", help="the split as one JSON object")
    ap.add_argument("--pages", action="store_true", help="one line per page: id and its loss by kind")
    a = ap.parse_args()

    preds = {}
    with open(a.pred, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                preds[page_key(r.get("source"))] = r
    gt = os.path.join(a.data, "ground-truth")
    total = Counter()
    pages = []
    for f in sorted(os.listdir(gt)):
        if not f.endswith(".json"):
            continue
        pid = f[:-5]
        g = json.load(open(os.path.join(gt, f), encoding="utf-8"))
        r = preds.get(pid) or {}
        res = analyse(g, "" if r.get("error") else r.get("text") or "")
        res["id"] = pid
        total += Counter({k: v for k, v in res["loss"].items()})
        pages.append(res)
    n = len(pages)
    lost = sum(total.values()) / n
    split = {k: round(total[k] / n, 5) for k in KINDS}
    if a.json:
        print(json.dumps({"pages": n, "precision": round(1 - lost, 4), "lost": round(lost, 5), "split": split}))
    else:
        print(f"{n} pages; precision {1 - lost:.4f}; {100 * lost:.2f} points lost:")
        for k in KINDS:
            pg = sum(1 for p in pages if p["loss"].get(k, 0) > 0)
            print(f"  {k:<13} {100 * split[k]:6.2f} points  ({pg} pages)")
    if a.pages:
        for p in pages:
            print(p["id"], " ".join(f"{k}={p['loss'][k]:.3f}" for k in KINDS if p["loss"].get(k)))
    if a.worst:
        for k in ([a.kind] if a.kind else KINDS):
            worst = sorted((p for p in pages if p["loss"].get(k, 0) > 0), key=lambda p: -p["loss"][k])[: a.worst]
            if not worst:
                continue
            print(f"\n== {k}: worst {len(worst)} pages")
            for p in worst:
                print(f"  {p['id']}  -{100 * p['loss'][k]:.1f} points of P  ({p['pred']} words)")
                for v, b in p["blocks"].get(k, [])[:8]:
                    b = " ".join(b.split())
                    print(f"      [{v:3d}] {b[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
