#!/usr/bin/env python3
"""Stories split over sibling sections: how much of the gold lies outside the chosen roots.

Needs a -DCD_EXTRACT_DEBUG build, whose CD_SPLIT=1 prints, after S_choose (extract.c), the roots'
live text and, for the first root's parent, grandparent, ... (4 levels), the ancestor's live text
and what it adds over the roots: `olong` (characters of long paragraphs, cd_x_long_para),
`ochars` (all live characters outside marked blocks), `okind` (characters of blocks a detector
marked: threads, teaser lists), with `rlong` the roots' own long-paragraph characters.

    cmake -S . -B build-dbg -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-DCD_EXTRACT_DEBUG
    make -C build-dbg copydesk
    python3 tools/split_audit.py dump build-dbg/copydesk /work/probe/wcxb-dev/html /tmp/split/pw
    python3 tools/split_audit.py feat wcxb ../shared/data/wcxb-dev /tmp/split/pw > /tmp/split/fw.jsonl
    python3 tools/split_audit.py grid /tmp/split/fw.jsonl

A level is *right* to widen to when it adds >= 50 gold words and at least three times as many
gold words as others (bag of words, score.py's tokens), *false* when it adds more other words
than gold ones (and >= 20). `grid` shows, for bounds on amt = olong / rlong (the ancestor's
long prose beside the roots', a story of which the roots hold a part) and dens = olong /
(ochars + okind) (the added part is mostly long prose), the pages a rule "widen to the highest
level meeting both" would make right and false.
"""
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import score  # noqa: E402


def page_of(path):
    if path.endswith("/source.html"):
        return os.path.basename(os.path.dirname(path))
    return score.page_key("wcxb", path)


def dump(binary, src, out):
    os.makedirs(out, exist_ok=True)
    env = dict(os.environ, CD_SPLIT="1")
    for dirpath, _, files in os.walk(src):
        for f in sorted(files):
            if not (f.endswith((".html", ".htm", ".html.gz"))):
                continue
            path = os.path.join(dirpath, f)
            with open(os.path.join(out, page_of(path) + ".err"), "w") as err:
                subprocess.run([binary, "--json", "-q", path], stdout=subprocess.DEVNULL, stderr=err, env=env)


def last_split(path):
    last = None
    for line in open(path, errors="replace"):
        if line.startswith('{"split"'):
            try:
                last = json.loads(line)
            except ValueError:
                pass
    return last


def feat(ds, data, dd):
    for k, g in score.LOADERS[ds](data):
        if ds == "wcxb" and g["type"] != "article":
            continue
        f = os.path.join(dd, k + ".err")
        last = last_split(f) if os.path.exists(f) else None
        if not last:
            continue
        G = Counter(score.words(g["text"]))
        ng = sum(G.values())
        if not ng:
            continue
        R = Counter(score.words(last["roots"]))
        gr = sum((G & R).values())
        for lv, u in enumerate(last["up"], 1):
            U = Counter(score.words(u["text"]))
            gain = sum((G & U).values()) - gr
            extra = sum(U.values()) - sum(R.values()) - gain
            d = {kk: vv for kk, vv in u.items() if kk != "text"}
            d.update(page=k, lv=lv, ng=ng, rootR=round(gr / ng, 3), gain=gain, extra=extra,
                     rchars=last["rchars"], rlong=last["rlong"], nrlong=last["nrlong"])
            print(json.dumps(d))


def label(d):
    if d["gain"] >= 50 and d["gain"] >= 3 * max(d["extra"], 0):
        return "R"
    if d["extra"] > d["gain"] and d["extra"] >= 20:
        return "F"
    return "."


def grid(path):
    pages = defaultdict(list)
    for line in open(path):
        d = json.loads(line)
        d["lab"] = label(d)
        d["dens"] = d["olong"] / max(d["ochars"] + d["okind"], 1)
        d["amt"] = d["olong"] / max(d["rlong"], 1)
        pages[d["page"]].append(d)
    for amt in (1.0, 1.4, 2.0, 2.5, 3.0):
        for dens in (0.4, 0.5, 0.6, 0.7, 0.8):
            n = Counter()
            false = []
            for p, levels in pages.items():
                ok = [d for d in levels if d["amt"] >= amt and d["dens"] >= dens and d["olong"] >= 300]
                if ok:
                    n[ok[-1]["lab"]] += 1
                    if ok[-1]["lab"] == "F":
                        false.append(p)
            print(f"amt >= {amt} dens >= {dens}: right {n['R']} false {n['F']} neither {n['.']} {false}")
    # The statistic's distribution over the right and false pages (each page's best level).
    for lab in ("R", "F"):
        vals = []
        for p, levels in pages.items():
            ls = [d for d in levels if d["lab"] == lab and d["olong"] >= 300]
            if ls:
                d = max(ls, key=lambda d: d["amt"])
                vals.append((round(d["amt"], 2), round(d["dens"], 2), p))
        print(lab, sorted(vals))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "dump":
        dump(*sys.argv[2:5])
    elif cmd == "feat":
        feat(*sys.argv[2:5])
    elif cmd == "grid":
        grid(sys.argv[2])
