#!/usr/bin/env python3
"""wcxb-dev article pages split in two halves by host, and scored per half (h/newsprec16).

    tools/wcxb_halves.py OURS.jsonl [--worst N] [--write DIR]

The article pages (gold page_type.primary = article, with a gold text) are grouped by host
(the URL's host, "www." dropped); the sorted hosts are shuffled with random.Random(16) and the
first half of them is half A (tuned on), the rest half B (reported). Prints P/R/F1 (score.py's
word_prf, page means) and the words we keep that the gold lacks, per half; --worst N lists the
N pages of lowest precision; --write DIR writes DIR/halfA.txt and DIR/halfB.txt (page ids, for
tools/leak_kinds.py --pages). CD_SCORE and CD_DATA as for tools/eval.sh.
"""
import sys, os, json, random, importlib.util
from collections import Counter
from urllib.parse import urlparse
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "score", os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "shared", "eval", "score.py")))
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
D = os.path.join(os.environ.get("CD_DATA", os.path.join(HERE, "..", "..", "shared", "data")), "wcxb-dev")
gold = dict(S.LOADERS["wcxb"](D))
host = {}
for k in gold:
    jj = json.load(open(f"{D}/ground-truth/{k}.json")); u = jj.get("url") or (jj.get("_internal") or {}).get("url") or ""
    h = urlparse(u).netloc.lower()
    if h.startswith("www."): h = h[4:]
    host[k] = h
art = sorted(k for k, g in gold.items() if g["type"] == "article" and g["text"])
hosts = sorted({host[k] for k in art})
rnd = random.Random(16); rnd.shuffle(hosts)
A = set(hosts[: len(hosts) // 2])
half = {k: ("A" if host[k] in A else "B") for k in art}
if __name__ == "__main__":
    if "--write" in sys.argv:
        out = sys.argv[sys.argv.index("--write") + 1]
        for h in ("A", "B"):
            with open(os.path.join(out, f"half{h}.txt"), "w") as f:
                f.write("".join(k + "\n" for k in art if half[k] == h))
    po, _ = S.load_predictions(sys.argv[1], "wcxb")
    rows = []
    for k in art:
        o = (po.get(k) or {}).get("text") or ""
        p, r, f = S.word_prf(o, gold[k]["text"])
        ow = Counter(S.words(o)); gw = Counter(S.words(gold[k]["text"]))
        lost = sum((ow - gw).values())
        rows.append((k, half[k], p, r, f, lost, sum(ow.values())))
    for h in ("A", "B", "all"):
        rr = [x for x in rows if h == "all" or x[1] == h]
        n = len(rr)
        print(f"{h}: {n} pages ({len({host[x[0]] for x in rr})} hosts) P {sum(x[2] for x in rr)/n:.4f} R {sum(x[3] for x in rr)/n:.4f} F1 {sum(x[4] for x in rr)/n:.4f} words-not-in-gold {sum(x[5] for x in rr)}")
    if "--worst" in sys.argv:
        N = int(sys.argv[sys.argv.index("--worst") + 1])
        rows.sort(key=lambda x: x[2])
        for x in rows[:N]:
            print(f"{x[0]} {x[1]} P {x[2]:.3f} R {x[3]:.3f} lost {x[5]}/{x[6]} {host[x[0]]}")
