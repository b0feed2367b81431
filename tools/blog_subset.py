#!/usr/bin/env python3
"""The blog-like article pages of wcxb-dev and L3S-GN1, and word P/R/F1 on them (issues #12/#13).

    tools/blog_subset.py list [--data DIR]                  # id, set, signals
    tools/blog_subset.py score OURS_DIR [PEER|-] [--data DIR]  # OURS_DIR/{wcxb,l3s}.jsonl

A page is in the subset when it is an article page (wcxb gold page type 'article'; every L3S
page) and its HTML is built by a blog CMS or carries blog furniture:
  cms   a generator meta naming WordPress, Blogger, Ghost, Drupal, Typepad or Movable Type,
        WordPress asset paths (/wp-content/, /wp-includes/), Blogger's, Typepad's or Movable
        Type's static assets and scripts;
  furn  two or more of: a class token hentry; entry-content / post-content / post-body /
        entry-body; widget, widget_*, widget-area; a comment form or thread id (respond,
        commentform, comments, comment-respond); post navigation (nav-previous, nav-next,
        post-navigation, previous-post, next-post); rel=bookmark.
'score' prints the page-mean word P/R/F1 of OURS (and the peer's, trafilatura by default)
over the subset of each set, with the scorer's own word functions. h/blogchrome, session 19.
"""
import argparse
import gzip
import importlib.util
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))

GEN = re.compile(r"<meta[^>]+name=[\"']?generator[\"']?[^>]*>", re.I)
GEN_NAMES = ("wordpress", "blogger", "ghost", "drupal", "typepad", "movable type")
CMS = {
    "wp-path": re.compile(r"/wp-content/|/wp-includes/", re.I),
    "blogger": re.compile(r"www\.blogger\.com/(?:feeds|static|navbar|comment|rearrange)", re.I),
    "typepad": re.compile(r"static\.typepad\.com|\.typepad\.com/\.a/", re.I),
    "movabletype": re.compile(r"mt-static/|mt-comments\.cgi|mt-tb\.cgi", re.I),
}
FURN = {
    "hentry": re.compile(r"class=[\"'][^\"']*\bhentry\b", re.I),
    "entry-content": re.compile(r"class=[\"'][^\"']*\b(?:entry-content|post-content|post-body|entry-body)\b", re.I),
    "widget": re.compile(r"class=[\"'][^\"']*\bwidget(?:_[a-z_]+|-area)?\b", re.I),
    "comments": re.compile(r"id=[\"']?(?:respond|commentform|comments)\b|comment-respond", re.I),
    "postnav": re.compile(r"nav-previous|nav-next|post-navigation|previous-post|next-post", re.I),
    "bookmark": re.compile(r"rel=[\"']?bookmark", re.I),
}


def signals(path):
    raw = gzip.open(path).read().decode("utf-8", "replace")
    s = set()
    for m in GEN.finditer(raw):
        c = re.search(r"content=[\"']([^\"']*)", m.group(0), re.I)
        for n in GEN_NAMES:
            if c and n in c.group(1).lower():
                s.add("gen:" + n.replace(" ", ""))
    for k, r in list(CMS.items()) + list(FURN.items()):
        if r.search(raw):
            s.add(k)
    return s


def subset(data):
    """(set, id, signals) of the subset's pages, in file order."""
    for ds, sub in (("wcxb", "wcxb-dev"), ("l3s", "l3s-gn1")):
        for f in sorted(os.listdir(os.path.join(data, sub, "html"))):
            i = f.split(".")[0]
            if ds == "wcxb":
                g = json.load(open(os.path.join(data, sub, "ground-truth", i + ".json"), encoding="utf-8"))
                pt = (g.get("_internal") or {}).get("page_type") or {}
                pt = pt.get("primary", "article") if isinstance(pt, dict) else pt
                if pt != "article":
                    continue
            s = signals(os.path.join(data, sub, "html", f))
            cms = any(x.startswith("gen:") or x in CMS for x in s)
            if cms or len(s & set(FURN)) >= 2:
                yield ds, i, sorted(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=("list", "score"))
    ap.add_argument("ours", nargs="?")
    ap.add_argument("peer", nargs="?", default=None)
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    a = ap.parse_args()
    rows = list(subset(a.data))
    if a.cmd == "list":
        for ds, i, s in rows:
            print(ds, i, " ".join(s))
        return
    spec = importlib.util.spec_from_file_location("score", SCORE)
    S = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(S)
    for ds, sub in (("wcxb", "wcxb-dev"), ("l3s", "l3s-gn1")):
        ids = [i for d, i, _ in rows if d == ds]
        gold = dict(S.LOADERS[ds](os.path.join(a.data, sub)))
        ours, _ = S.load_predictions(os.path.join(a.ours, ds + ".jsonl"), ds)
        peer_path = a.peer or os.path.join(a.data, sub, "peers", "trafilatura-2.2.jsonl")
        peer = S.load_predictions(peer_path, ds)[0] if a.peer != "-" else None
        for name, pred in (("ours", ours), ("trafilatura", peer)):
            if pred is None:
                continue
            prf = [S.word_prf((pred.get(i) or {}).get("text"), gold[i]["text"]) for i in ids if i in gold]
            n = len(prf)
            print("%-4s %-11s pages %4d  P %.4f  R %.4f  F1 %.4f" % (
                ds, name, n, sum(x[0] for x in prf) / n, sum(x[1] for x in prf) / n,
                sum(x[2] for x in prf) / n))


if __name__ == "__main__":
    main()
