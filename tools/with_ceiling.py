#!/usr/bin/env python3
"""How far can wcxb-dev's 'with'-snippet share go? (docs/quality.md)

    tools/with_ceiling.py PRED.jsonl [FULL.jsonl]

PRED.jsonl: `copydesk --json` over wcxb-dev/html (tools/eval.sh writes it).
FULL.jsonl: the same with `--no-extract` (the whole visible page); made here
when not given. Each 'with' snippet is sorted by where it is found: in our
text as score.py matches it (a raw, case-insensitive substring); only after
normalising quotes, dashes and spaces (the gold's formatting); in the visible
page, exactly or only normalised (extraction dropped it); nowhere visible.
Then the per-page mean the scorer reports is recomputed for "every visible
snippet extracted" and "and the formatting forgiven".
"""
import json
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(TOP, "..", "shared", "data", "wcxb-dev")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def norm(s):
    return " ".join(s.translate(QUOTES).lower().split())


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out[os.path.basename(rec["source"]).split(".")[0]] = rec.get("text") or ""
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    pred = load(sys.argv[1])
    if len(sys.argv) > 2:
        full = load(sys.argv[2])
    else:
        out = subprocess.run([os.path.join(TOP, "build", "copydesk"), "--json", "-q", "--no-extract",
                              os.path.join(DATA, "html")], capture_output=True, text=True).stdout
        full = {}
        for line in out.split("\n"):
            if not line:
                continue
            rec = json.loads(line)
            full[os.path.basename(rec["source"]).split(".")[0]] = rec.get("text") or ""
    counts = dict(found=0, formatting=0, visible_exact=0, visible_normalised=0, not_visible=0)
    rows = {"now": [], "every visible snippet extracted": [], "and its formatting forgiven": [],
            "and all formatting forgiven": []}
    gt_dir = os.path.join(DATA, "ground-truth")
    for name in sorted(os.listdir(gt_dir)):
        with open(os.path.join(gt_dir, name), encoding="utf-8") as f:
            gold = json.load(f)["ground_truth"].get("with") or []
        if not gold:
            continue
        pid = name.split(".")[0]
        text = pred.get(pid, "")
        low, ntext = text.lower(), norm(text)
        page = full.get(pid, "") + "\n" + text
        lpage, npage = page.lower(), norm(page)
        k = [0, 0, 0, 0]
        for s in gold:
            if s.lower() in low:
                counts["found"] += 1
                k = [k[0] + 1, k[1] + 1, k[2] + 1, k[3] + 1]
            elif norm(s) in ntext:
                counts["formatting"] += 1
                k[3] += 1
            elif s.lower() in lpage:
                counts["visible_exact"] += 1
                k = [k[0], k[1] + 1, k[2] + 1, k[3] + 1]
            elif norm(s) in npage:
                counts["visible_normalised"] += 1
                k = [k[0], k[1], k[2] + 1, k[3] + 1]
            else:
                counts["not_visible"] += 1
        for key, v in zip(rows, k):
            rows[key].append(v / len(gold))
    print("snippets:", ", ".join("%s %d" % kv for kv in counts.items()))
    for key, v in rows.items():
        print("%-36s %.2f %%" % (key, 100 * sum(v) / len(v)))


if __name__ == "__main__":
    main()
