#!/usr/bin/env python3
"""Where wcxb-dev's title misses come from (docs/quality.md, session 12, h/title3).

    tools/title_misses.py WCXB.jsonl FEATS.tsv [--show KIND]

WCXB.jsonl: the CLI's output on wcxb-dev (tools/eval.sh wcxb). FEATS.tsv: the
per-page lines of a -DCD_DEBUG_TITLE_FEATS build (tools/title_cv.py says how
to build it and writes the file with --feats). Each page whose title is not
the gold's (score.py's normalisation) is put in one kind:
  e  we return nothing
  a  the gold is the h1 (cut as the picker cuts it); we took a metadata title
  b  the gold is the metadata-only pick; we took the h1
  c  the gold is a part of a raw candidate (<title>, og, twitter, JSON-LD
     headline/name, an h1) that we cut another way, or keeps a site part
  x  the gold is a raw candidate as written (a site suffix kept, another source)
  d  the gold matches no candidate (reworded, truncated, extra words)
Also: the oracle over {our pick, h1, metadata pick}, the misses by page type,
and the sites whose golds take the h1 on one page and the metadata title on
another where the two differ (the same template titled both ways).
"""
import collections
import gzip
import json
import os
import re
import sys
import unicodedata
from html.parser import HTMLParser

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("CD_DATA", os.path.join(TOP, "..", "shared", "data"))
WCXB = os.path.join(DATA, "wcxb-dev")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u00a0": " "})
COLS = ("id pick psrc m msrc h nvis nsite h1flags dated shown h1raw tt og ldrank ld site "
        "tw mt url").split()


def norm(s):  # score.py's metadata normalisation
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).translate(QUOTES).lower()
    return " ".join(s.split()).strip(" .,;:|-")


class Cands(HTMLParser):
    """<title>, og/twitter titles, JSON-LD headline/name, h1 texts."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.cur, self.ld, self.buf = [], None, False, ""

    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == "title" or tag == "h1":
            self.cur = [tag, ""]
        elif tag == "meta":
            k = (a.get("property") or a.get("name") or "").lower()
            if k in ("og:title", "twitter:title", "title", "dc.title") and a.get("content"):
                self.out.append(a["content"])
        elif tag == "script" and (a.get("type") or "").lower() == "application/ld+json":
            self.ld, self.buf = True, ""

    def handle_endtag(self, tag):
        if self.cur and tag == self.cur[0]:
            self.out.append(self.cur[1])
            self.cur = None
        elif tag == "script" and self.ld:
            self.ld = False
            try:
                self.walk(json.loads(self.buf))
            except ValueError:
                pass

    def walk(self, o):
        if isinstance(o, list):
            for x in o:
                self.walk(x)
        elif isinstance(o, dict):
            for k, v in o.items():
                if k in ("headline", "name") and isinstance(v, str):
                    self.out.append(v)
                elif isinstance(v, (list, dict)) and k not in ("author", "publisher", "image", "logo"):
                    self.walk(v)

    def handle_data(self, d):
        if self.cur:
            self.cur[1] += d
        if self.ld:
            self.buf += d


def raw_cands(pid):
    raw = gzip.open(os.path.join(WCXB, "html", pid + ".html.gz")).read()
    p = Cands()
    try:
        p.feed(raw.decode("utf-8", "replace"))
        p.close()
    except Exception:  # a broken page: what was read so far
        pass
    return [norm(x) for x in p.out if x and x.strip()]


def main():
    pred = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        d = json.loads(line)
        pred[os.path.basename(d["source"]).split(".")[0]] = d
    feats = {}
    for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
        v = line.rstrip("\n").split("\t")
        if v[0] == "FEAT" and len(v) == len(COLS) + 1:
            feats[v[1]] = dict(zip(COLS, v[1:]))
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    meta = json.load(open(os.path.join(WCXB, "metadata.json")))["files"]
    kinds, by_type, pages = collections.defaultdict(list), collections.Counter(), collections.Counter()
    oracle = n = 0
    site_choice = collections.defaultdict(list)
    for name in sorted(os.listdir(os.path.join(WCXB, "ground-truth"))):
        pid = name[:-5]
        g = json.load(open(os.path.join(WCXB, "ground-truth", name), encoding="utf-8"))
        gold = (g.get("ground_truth") or {}).get("title")
        if not gold:
            continue
        n += 1
        f = feats.get(pid, {})
        typ = (meta.get(pid) or {}).get("page_type") or \
            ((g.get("_internal") or {}).get("page_type") or {}).get("primary")
        dom = (meta.get(pid) or {}).get("domain") or (g.get("url") or "").split("/")[2:3][0:1] or ""
        if isinstance(dom, list):
            dom = dom[0] if dom else ""
        pages[typ] += 1
        gn, p = norm(gold), norm((pred.get(pid) or {}).get("title"))
        h, m = norm(f.get("h")), norm(f.get("m"))
        if gn in (p, h, m):
            oracle += 1
        if h and m and h != m and gn in (h, m):
            site_choice[dom.replace("www.", "")].append((pid, "h1" if gn == h else "metadata"))
        if gn == p:
            continue
        by_type[typ] += 1
        if not p:
            k = "e"
        elif gn == h:
            k = "a"
        elif gn == m:
            k = "b"
        else:
            rc = raw_cands(pid) + [norm(f.get(x)) for x in ("h1raw", "tt", "og", "ld", "tw", "mt")]
            rc = [r for r in rc if r]
            if gn in rc:
                k = "x"
            elif any(r.startswith(gn) or r.endswith(gn) or (gn.startswith(r) and len(r) > 3)
                     or (gn.endswith(r) and len(r) > 3) for r in rc + [p]):
                k = "c"
            else:
                k = "d"
        kinds[k].append((pid, typ, gold, (pred.get(pid) or {}).get("title"), f.get("psrc")))
    miss = sum(len(v) for v in kinds.values())
    print("pages %d, right %d (%.4f), misses %d; oracle over {pick, h1, metadata pick} %d (%.4f)"
          % (n, n - miss, (n - miss) / n, miss, oracle, oracle / n))
    for k in "eabcxd":
        print("  %s %4d" % (k, len(kinds[k])))
    print("misses by page type (of pages):")
    for t, v in by_type.most_common():
        print("  %-14s %4d of %4d" % (t, v, pages[t]))
    both = {d: v for d, v in site_choice.items() if len({c for _, c in v}) == 2}
    print("sites whose golds take the h1 on one page and the metadata title on another: %d" % len(both))
    for d, v in sorted(both.items()):
        print("  %-24s %s" % (d, " ".join("%s:%s" % x for x in v)))
    if show:
        for r in kinds[show]:
            print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    main()
