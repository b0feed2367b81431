#!/usr/bin/env python3
"""How many of the words that leak with site chrome on sit in blocks whose
structural path (site/blocks.c: tag and class words of the block's 3 nearest
block ancestors) recurs on the host's other pages outside the article --
issue #13's "the block's structural path" evidence, measured before it is
built (docs/sites.md, "Session 16, h/sitepath").

    tools/site_pathleak.py --set l3s|wcxb|cleaneval --html DIR --model M --run RUN.jsonl
                           [--sitedump build/tests/sitedump] [--data ../shared/data] [--min 3]

DIR is the batch (its pages, one file each), M the model the batch learned
(`copydesk --learn-sites M`), RUN the batch's records with site chrome on.
For every page of a host with --min or more pages in DIR, every block
(`SITEDUMP_PATH=1 SITEDUMP_FULL=1 sitedump blocks M FILE`) is

- in the output when its words, in order, are in the record's text;
- in the gold when they are in the gold text;
- leaking when in the output and not in the gold (its words count).

A path P of the host is judged on page p from the host's *other* pages
holding a block at P (leave one out, as a model would have to):

- recur:   P is on at least --min pages of the host (p included);
- out:     recur, and on no other page is a block at P in the output
           (what a model learned from the batch's own extraction could know);
- out3:    out, with at least --min *other* pages holding P;
- out2/3:  at least --min other pages hold P, and on at least 2/3 of them
           no block at P is in the output;
- gold:    recur, and on no other page is a block at P in the gold (an
           oracle: the article's paragraphs never sit at P);
- out+gold: both;
- chrome:  recur, and on every other page every block at P is its host's
           chrome by text (count >= 3 and 40 % of the sample: what the
           model knows today, without extraction);
- anychrome: on at least --min other pages some block at P is chrome by
           text (a path the template's recurring blocks share);
- link:    recur, and on every other page every block at P is link text
           only (what the token scan can see).

Printed per rule: leaking words in blocks at such paths (the gain at most)
and gold words the output holds at such paths (the cost), against all
leaking words (and all gold words output) of those pages, simulated by
taking each such block's words out of the page's output once; and the mean
change of per-page word precision over those pages, in points."""
import argparse
import collections
import importlib.util
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def page_id(base):
    for ext in (".gz", ".html", ".htm"):
        if base.endswith(ext):
            base = base[: -len(ext)]
    return base


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", required=True, choices=("wcxb", "l3s", "cleaneval"))
    ap.add_argument("--html", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--run", required=True)
    ap.add_argument("--sitedump", default=os.path.join(TOP, "build", "tests", "sitedump"))
    ap.add_argument("--data", default=os.environ.get("CD_DATA", os.path.join(TOP, "..", "shared", "data")))
    ap.add_argument("--score", default=os.environ.get("CD_SCORE", "/work/shared/eval/score.py"))
    ap.add_argument("--min", type=int, default=3)
    ap.add_argument("--show", type=int, default=0, help="print N leaking blocks the 'out' rule finds")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", a.score)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    loader, sub = {"wcxb": (sc.load_wcxb, "wcxb-dev"), "l3s": (sc.load_l3s, "l3s-gn1"),
                   "cleaneval": (sc.load_cleaneval, "cleanportaleval")}[a.set]
    gold = {pid: g["text"] or "" for pid, g in loader(os.path.join(a.data, sub))}
    recs = {}
    import json
    for line in open(a.run, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            t = r.get("text") or ""
            if a.set == "cleaneval" and r.get("title"):
                t = r["title"] + "\n\n" + t
            recs[page_id(os.path.basename(r.get("source") or ""))] = t
    out = subprocess.run([a.sitedump, "host", a.html], capture_output=True, text=True, check=True).stdout
    host = {}
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) >= 2 and f[1]:
            host[f[0]] = f[1]
    byhost = collections.defaultdict(list)
    for f, h in host.items():
        if page_id(os.path.basename(f)) in gold:
            byhost[h].append(f)
    env = dict(os.environ, SITEDUMP_PATH="1", SITEDUMP_FULL="1")
    # page -> list of (k, path, link, words, in_out, in_gold)
    pages = {}
    npages = {}
    for h, fs in byhost.items():
        if len(fs) < a.min:
            continue
        for f in fs:
            pid = page_id(os.path.basename(f))
            o = sc.word_seq(recs.get(pid, ""))
            g = sc.word_seq(gold[pid])
            txt = subprocess.run([a.sitedump, "blocks", a.model, f], capture_output=True, text=True,
                                 env=env, errors="replace").stdout
            lines = txt.split("\n")
            hp = lines[0].split()
            npages[h] = int(hp[3]) if len(hp) > 3 else 0
            bl = []
            for line in lines[1:]:
                if not line.strip():
                    continue
                k, _mask, path, link, text = line.split(None, 4) if len(line.split(None, 4)) == 5 else (line.split() + [""] * 5)[:5]
                w = sc.words(text)
                if not w:
                    continue
                s = " " + " ".join(w) + " "
                bl.append((int(k), path, int(link), w, s in o, s in g))
            pages[f] = (h, pid, bl)
    # per host, per path: the pages holding it, and on each whether a block there is out / gold / chrome / link
    info = collections.defaultdict(lambda: collections.defaultdict(dict))
    for f, (h, pid, bl) in pages.items():
        for k, path, link, w, io, ig in bl:
            d = info[h][path].setdefault(f, [False, False, True, True, False])
            d[0] |= io
            d[1] |= ig
            n = max(npages.get(h, 0), 1)
            d[2] &= k >= 3 and k >= 0.4 * n
            d[3] &= bool(link)
            d[4] |= k >= 3 and k >= 0.4 * n
    rules = ("recur", "out", "out3", "out2/3", "gold", "out+gold", "chrome", "anychrome", "link")
    leak = collections.Counter()
    cost = collections.Counter()
    dp = collections.Counter()  # summed change of per-page word precision
    total_leak = 0
    total_gold_out = 0
    shown = 0
    for f, (h, pid, bl) in pages.items():
        o = collections.Counter(sc.words(recs.get(pid, "")))
        g = collections.Counter(sc.words(gold[pid]))
        total_leak += sum((o - g).values())
        total_gold_out += sum((o & g).values())
        drop = {r: {} for r in rules}  # the blocks a rule would drop, by text (once each)
        for k, path, link, w, io, ig in bl:
            if not io:
                continue
            ps = info[h][path]
            others = [v for q, v in ps.items() if q != f]
            ok = {"recur": len(ps) >= a.min}
            ok["out"] = ok["recur"] and not any(v[0] for v in others)
            ok["out3"] = len(others) >= a.min and not any(v[0] for v in others)
            ok["out2/3"] = len(others) >= a.min and 3 * sum(1 for v in others if v[0]) <= len(others)
            ok["gold"] = ok["recur"] and not any(v[1] for v in others)
            ok["out+gold"] = ok["out"] and ok["gold"]
            ok["chrome"] = ok["recur"] and all(v[2] for v in others)
            ok["anychrome"] = sum(1 for v in others if v[4]) >= a.min
            ok["link"] = ok["recur"] and all(v[3] for v in others)
            for r in rules:
                if ok[r]:
                    drop[r][" ".join(w)] = w
            if ok["out"] and not ig and shown < a.show:
                shown += 1
                print("  %s %s k=%d %s: %s" % (h, pid, k, path, " ".join(w)[:120]))
        # what the output would lose: each dropped block's words once
        for r in rules:
            n = o - collections.Counter(x for w in drop[r].values() for x in w)
            leak[r] += sum((o - g).values()) - sum((n - g).values())
            cost[r] += sum((o & g).values()) - sum((n & g).values())
            p0 = sum((o & g).values()) / max(sum(o.values()), 1)
            p1 = sum((n & g).values()) / max(sum(n.values()), 1)
            dp[r] += p1 - p0
    print("%s: %d pages of %d hosts with %d+ pages; words leaking (output - gold) %d, gold words output %d"
          % (a.set, len(pages), sum(1 for h in byhost if len(byhost[h]) >= a.min), a.min, total_leak,
             total_gold_out))
    print("%-9s %14s %14s %8s" % ("rule", "leak words", "gold words", "P pts"))
    for r in rules:
        print("%-9s %7d %5.1f%% %7d %5.2f%% %+8.2f" % (r, leak[r], 100.0 * leak[r] / max(total_leak, 1), cost[r],
                                                    100.0 * cost[r] / max(total_gold_out, 1),
                                                    100.0 * dp[r] / max(len(pages), 1)))


if __name__ == "__main__":
    sys.exit(main())
