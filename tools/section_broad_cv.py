#!/usr/bin/env python3
"""Section from a broad candidate set: could a chooser learned over every short
link text of the page (and the <title>'s parts) find the desk where the
cascade of pick_news.c finds none? (issue #12, session 19, h/cands; docs/quality.md
"Session 19, h/cands".)

    tools/section_broad_cv.py --dump /tmp/cands.jsonl [--blind HELD_OUT17=/tmp/old.jsonl,...]

tools/cands_cv.py showed that the section misses of fresh rounds are (c): the
truth is among none of the cascade's candidates, and is shown on the page,
mostly as a link. Here the candidates are generated broadly from the page
source (Python's html.parser, no copydesk code): every link text of one to
five words and at most 40 characters, and each part of the <title> cut at
| - – — : » ›. Each candidate gets generic features (inside a nav/menu/list,
its link's path a folder of the page's own URL path, its words in the URL
path or the <title>, before or after the first h1, marked current/active,
how often the text is linked, a cascade candidate, …). A logistic regression
over candidate rows is fitted leave-one-round-out (trained on the tuned cases
and the other rounds) and used as a FALLBACK only: on a page where the picker
gives no section, the best candidate is taken when its score passes a
threshold (chosen on the training folds to add no false value there). The
picker's outputs come from --dump (today's build); with --blind, a round's
picker outputs (and cascade candidates) come from the dump of a build that
had not seen it.
"""
import argparse
import gzip
import math
import os
import random
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse, unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cands_cv as C  # noqa: E402

MENU = re.compile(r"nav|menu|breadcrumb|crumb|tabs|topbar|header", re.I)
CURRENT = re.compile(r"current|active|selected|\bon\b|here", re.I)
SEP = re.compile(r"\s+[|\-\u2013\u2014:\u00bb\u203a]\s+|\s*[|\u00bb\u203a]\s*")


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.links, self.title, self.h1 = [], [], "", None
        self.a, self.intitle, self.nlinks = None, False, 0

    def handle_starttag(self, t, a):
        d = dict(a)
        cls = "%s %s" % (d.get("class") or "", d.get("id") or "")
        menu = t in ("nav", "ul", "ol", "header") or bool(MENU.search(cls))
        cur = bool(CURRENT.search(cls))
        if t in ("br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "base", "col", "embed",
                 "param", "track"):
            return
        self.stack.append((t, menu, cur))
        if t == "a":
            self.a = {"text": [], "href": d.get("href") or "", "menu": sum(m for _, m, _ in self.stack),
                      "cur": any(c for _, _, c in self.stack[-3:]), "i": self.nlinks,
                      "after_h1": self.h1 is not None, "in_h": any(x in ("h1", "h2", "h3", "h4", "h5", "h6")
                                                                    for x, _, _ in self.stack)}
            self.nlinks += 1
        elif t == "title":
            self.intitle = True
        elif t == "h1" and self.h1 is None:
            self.h1 = self.nlinks

    def handle_endtag(self, t):
        if t == "a" and self.a is not None:
            self.a["text"] = " ".join("".join(self.a["text"]).split())
            self.links.append(self.a)
            self.a = None
        if t == "title":
            self.intitle = False
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == t:
                del self.stack[i:]
                break

    def handle_data(self, d):
        if self.intitle:
            self.title += d
        if self.a is not None:
            self.a["text"].append(d)


def page_of(case):
    inp, _ = C.R.find_input(os.path.join(C.SUITE, case))
    raw = open(inp, "rb").read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    p = Page()
    try:
        p.feed(raw.decode("utf-8", "replace"))
    except Exception:  # a page html.parser gives up on: what it read so far
        pass
    return p


def rows_of(d, p):
    """The broad candidates of page d (a dump record) with features."""
    url = d["rec"].get("url") or ""
    path = urlparse(url).path
    pslug = C.slug(unquote(path))
    segs = [s for s in path.split("/") if s]
    cascade = {v.lower() for v, _ in C.candidates(d, "section")}
    got = d["rec"].get("section")
    title = C.norm(p.title)
    tparts = [x.strip() for x in SEP.split(title) if x.strip()]
    count = {}
    for a in p.links:
        count[a["text"].lower()] = count.get(a["text"].lower(), 0) + 1
    cands = {}
    h1 = p.h1 if p.h1 is not None else len(p.links)
    for a in p.links:
        t = a["text"]
        if not t or len(t) > 40 or len(t.split()) > 5 or not re.search(r"[^\W\d_]", t):
            continue
        try:
            hp = urlparse(urljoin(url, a["href"])).path
        except ValueError:
            hp = ""
        hsegs = [s for s in hp.split("/") if s]
        folder = int(bool(hsegs) and len(hsegs) < len(segs) and segs[:len(hsegs)] == hsegs)
        x = {"link": 1, "tpart": 0, "menu": min(a["menu"], 3), "cur": int(a["cur"]), "folder": folder,
             "in_url": int(bool(C.slug(t)) and C.slug(t) in pslug), "in_title": int(t.lower() in title.lower()),
             "after_h1": int(a["after_h1"]), "near_h1": int(abs(a["i"] - h1) <= 10), "in_h": int(a["in_h"]),
             "dist_h1": min(abs(a["i"] - h1), 200) / 200.0, "times": min(count[t.lower()], 4),
             "words": len(t.split()), "caps": int(t == t.upper()), "cascade": int(t.lower() in cascade),
             "home": int(t.lower() in ("home", "news", "index", "main", "front page")),
             "hdepth": min(len(hsegs), 4)}
        k = t
        if k not in cands or sum(cands[k].values()) < sum(x.values()):
            cands[k] = x
    for i, t in enumerate(tparts):
        if len(t) > 40 or len(t.split()) > 5:
            continue
        x = cands.get(t, {"link": 0, "menu": 0, "cur": 0, "folder": 0, "after_h1": 0, "near_h1": 0, "in_h": 0,
                          "dist_h1": 1.0, "times": 0, "hdepth": 0,
                          "in_url": int(bool(C.slug(t)) and C.slug(t) in pslug), "in_title": 1,
                          "words": len(t.split()), "caps": int(t == t.upper()), "cascade": int(t.lower() in cascade),
                          "home": int(t.lower() in ("home", "news"))})
        x = dict(x, tpart=1)
        cands[t] = x
    alts = C.truths(d["case"], "section")
    return [(x, int(any(not C.empty(a) and a == v for a in alts)), v) for v, x in cands.items()], got


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", default="/tmp/cands.jsonl")
    ap.add_argument("--blind", default="")
    a = ap.parse_args()
    rd = C.rounds()
    D = {d["case"]: d for d in C.load(a.dump)}
    B = {}
    for item in filter(None, a.blind.split(",")):
        r, path = item.split("=")
        for d in C.load(path):
            if rd.get(d["case"]) == r:
                B[d["case"]] = d
    P = []
    for case, d in sorted(D.items()):
        alts = C.truths(case, "section")
        if alts is None:
            continue
        page = page_of(case)
        dd = B.get(case, d)
        rows, got = rows_of(dd, page)
        P.append({"case": case, "round": rd.get(case, "tuned"), "rows": rows, "got": got,
                  "picker": int(any(a == got or (C.empty(a) and C.empty(got)) for a in alts)),
                  "none": int(any(C.empty(a) for a in alts)), "null": int(C.empty(alts[0])),
                  "blind": case in B})
    have = [p for p in P if not p["null"]]
    print("section, %d cases: truth a value on %d; among the broad candidates on %d (%.0f %%); "
          "candidates per page: median %d" % (
              len(P), len(have), sum(1 for p in have if any(y for _, y, _ in p["rows"])),
              100.0 * sum(1 for p in have if any(y for _, y, _ in p["rows"])) / max(1, len(have)),
              sorted(len(p["rows"]) for p in P)[len(P) // 2]))
    miss = [p for p in have if C.empty(p["got"])]
    print("pages where the picker gives none and the truth is a value: %d; the truth among the broad candidates "
          "on %d" % (len(miss), sum(1 for p in miss if any(y for _, y, _ in p["rows"]))))
    feats = sorted(next(p["rows"][0][0] for p in P if p["rows"]))
    # folds: each fresh round (11-18, M1) left out in turn; the tuned cases and the
    # early rounds (1-10, tuned on for sessions) are always trained on
    rnames = sorted(set(p["round"] for p in P if C.pool(p["round"]) == "fresh"))
    rng = random.Random(20261219)

    def sample(p):
        """All right rows of a training page and at most 15 others (seeded):
        the fit runs in Python, over a few thousand rows."""
        pos = [r for r in p["rows"] if r[1]]
        neg = [r for r in p["rows"] if not r[1]]
        return pos + (rng.sample(neg, 15) if len(neg) > 15 else neg)

    for lam in (10.0,):
        res = {m: {"right": 0, "false": 0, "wrong": 0, "bright": 0, "bfalse": 0, "bwrong": 0}
               for m in ("strict", "zero")}
        for r in rnames:
            tr = [p for p in P if p["round"] != r]
            te = [p for p in P if p["round"] == r]
            score = C.lr_fit([{"rows": sample(p)} for p in tr if p["rows"]], feats, lam, 150)
            # the strict threshold: the lowest that adds no false or wrong value on
            # the training pages the picker leaves empty
            ss = []
            for p in tr:
                if C.empty(p["got"]) and p["rows"]:
                    ss.append(max(((score(x), y) for x, y, _ in p["rows"]), key=lambda z: z[0]))
            thr = {"strict": max([sc for sc, y in ss if not y] + [0.0]), "zero": 0.0}
            for p in te:
                if not C.empty(p["got"]) or not p["rows"]:
                    continue
                sc, y = max(((score(x), y) for x, y, _ in p["rows"]), key=lambda z: z[0])
                k = "right" if y else ("false" if p["null"] else "wrong")
                for m in res:
                    if sc > thr[m]:
                        res[m][k] += 1
                        if p["blind"]:
                            res[m]["b" + k] += 1
        for m, t in res.items():
            print("fallback where the picker gives none, logistic lam %g, threshold %s, leave-one-round-out: "
                  "right %d, false %d, wrong %d; of them on the blind rounds: right %d, false %d, wrong %d" % (
                      lam, "no false value on the training pages" if m == "strict" else "0 (odds even)",
                      t["right"], t["false"], t["wrong"], t["bright"], t["bfalse"], t["bwrong"]))

if __name__ == "__main__":
    sys.exit(main())
