#!/usr/bin/env python3
"""Words we keep that the gold lacks, by kind (issue #12's list), over all pages.

    tools/leak_kinds.py DATASET DATA_DIR OURS.jsonl [PEER.jsonl|-] [--list KIND|all]

DATASET and the files are as for ../shared/eval/score.py (its loaders and
word functions are used); on wcxb only the article pages are read.

A leaking line: an output line of which half or more of the word 3-grams are not in the
gold. Each is located in the page's HTML (first 3-gram of the line in the page's word
stream, text outside script/style) and classified by the element path and text shape.
'points' = sum over pages of leaking words / our words on that page, / pages, * 100
(the page-mean precision the line costs, about). 'peer drops' = words of lines
the peer (trafilatura) does not keep either. The kinds are read off the HTML
path (class and id words, tags) and the line's shape (link share, length, a
date or label word): a triage for reading by hand, not a measure of any rule.
--list prints each leaking line: page | kind | words | P (peer keeps it) or - |
text | the last elements of its path. h/newsprec13.
"""
import sys, os, re, json, gzip, importlib.util
from collections import Counter, defaultdict
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
spec = importlib.util.spec_from_file_location("score", SCORE)
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
W = re.compile(r"\w+")

import argparse
ap = argparse.ArgumentParser()
ap.add_argument("dataset"); ap.add_argument("data_dir"); ap.add_argument("ours")
ap.add_argument("peer", nargs="?", default="-")
ap.add_argument("--list", dest="listkind", default=None)
ap.add_argument("--fine", action="store_true",
                help="finer kinds (h/newsprec16): code, table cells, tables of contents, footnotes, "
                     "share lines, offer boxes, list items are split out of the others")
ap.add_argument("--pages", help="a file of page ids (one a line): only these are read")
A = ap.parse_args()
ds, ddir, ours, peer, listkind = A.dataset, A.data_dir, A.ours, A.peer, A.listkind

VOID = set("area base br col embed hr img input link meta param source track wbr".split())
SKIP = {"script", "style", "template", "noscript", "svg", "head", "title"}


class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.stack = []; s.words = []; s.info = []  # per word: (stack labels tuple id, in_a, li_depth)
        s.stacks = []
    def handle_starttag(s, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        lab = tag
        if a.get("id"): lab += "#" + (a["id"] or "")[:30]
        if a.get("class"): lab += "." + ".".join((a["class"] or "").split()[:4])[:60]
        s.stack.append((tag, lab))
    def handle_endtag(s, tag):
        for i in range(len(s.stack) - 1, -1, -1):
            if s.stack[i][0] == tag:
                del s.stack[i:]
                break
    def handle_data(s, d):
        if any(t in SKIP for t, _ in s.stack):
            return
        ws = W.findall(d.lower())
        if not ws:
            return
        tags = [t for t, _ in s.stack]
        s.stacks.append(tuple(l for _, l in s.stack))
        si = len(s.stacks) - 1
        ina = "a" in tags
        for w in ws:
            s.words.append(w); s.info.append((si, ina))


LABEL = re.compile(r"^(by |posted |published|updated|last updated|source:|sources?$|share|tweet|"
                   r"breaking|photo:|image:|credit|read more|comments?$|\d+ comments?|advertisement|"
                   r"related|follow us|email|print|save|copy link|listen|min read|\d+ min)", re.I)
DATEISH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{1,2}:\d\d|"
                     r"\b\d{4}-\d\d-\d\d|\bago\b|\b20\d\d\b", re.I)


def classify_fine(path, line, nw, linkfrac):
    p = " ".join(path[-5:]).lower()  # the nearest elements only: an ancestor's word is not the line's
    last = " ".join(path[-3:]).lower()
    if re.search(r"(^| )(pre|code)\b", p):
        return "code block"
    if re.search(r"\btoc\b|[-_.#]toc|toc[-_]|table-of-contents|tableofcontents", p):
        return "table of contents"
    if re.search(r"footnote|\bfn\b|endnote|reference|citation|bibliograph|sources", p):
        return "footnotes/refs"
    if re.search(r"\bshare|sharing|social|sharedaddy", p):
        return "share/social"
    if re.search(r"promo|offer|\bcta|cta[-_]|[-_]cta|newsletter|subscri|signup|sign-up|optin|opt-in|"
                 r"mailchimp|\bform\b|button|banner|callout|call-to-action|advert|\bad[-_]|sponsor", p):
        return "promo/offer/newsletter box"
    k = classify(path, line, nw, linkfrac)
    if k == "other prose":
        if re.search(r"(^| )(td|th)\b", p):
            return "table cells"
        if re.search(r"(^| )(li|dd|dt)\b", last):
            return "list items (prose)"
        if re.search(r"\baside\b|\bbox\b|[-_]box|box[-_]|\bnote\b|disclaimer|disclosure|alert|notice", p):
            return "in-story box (other)"
    return k


def classify(path, line, nw, linkfrac):
    p = " ".join(path).lower()
    last = " ".join(path[-3:]).lower()
    if re.search(r"figcaption|caption|wp-caption|credit", p) or re.search(r"\bfigure", last):
        return "caption"
    if re.search(r"comment|disqus|respond|reply|textarea|discussion", p):
        return "comments"
    if re.search(r"\bfooter|site-footer|#footer|colophon", p):
        return "footer/network"
    if re.search(r"\bnav\b|nav[.#]|menu|breadcrumb", p):
        return "nav/menu"
    if re.search(r"author|bio\b|byline|profile", p) and nw > 8:
        return "author bio"
    if nw <= 12 and (LABEL.search(line.strip()) or (DATEISH.search(line) and nw <= 8)):
        return "label line"
    if re.search(r"\btags?\b|tag-|tagcloud|categor|topics", p) and linkfrac > .5:
        return "tags/categories"
    if linkfrac >= .6 and nw >= 4:
        return "story list (links)"
    if re.search(r"related|teaser|\bcards?\b|-card|card-|recommend|more-stories|read-?next|up-?next|trending|popular|latest|also|\bsidebar|\baside", p):
        return "related/teasers"
    if linkfrac >= .6:
        return "short links"
    if re.search(r"newsletter|subscri|signup|cta|banner|modal|ad-|advert", p):
        return "promo/cta"
    if re.search(r"\bh[1-6]\b", last):
        return "heading"
    return "other prose"


gold = dict(S.LOADERS[ds](ddir))
po, _ = S.load_predictions(ours, ds)
pp, _ = S.load_predictions(peer, ds) if peer != "-" else ({}, None)
words_k = Counter(); pts = Counter(); pages_k = defaultdict(set); peer_k = Counter()
listing = []
n = 0
only = None
if A.pages:
    only = {l.split()[0] for l in open(A.pages) if l.strip()}
for k, g in sorted(gold.items()):
    if not g["text"] or (ds == "wcxb" and g["type"] != "article"):
        continue
    if only is not None and k not in only:
        continue
    n += 1
    rec = po.get(k) or {}
    o = rec.get("text") or ""
    ow = S.words(o)
    if not ow:
        continue
    gw3 = set(zip(*[S.words(g["text"])[i:] for i in range(3)]))
    gws = set(S.words(g["text"]))
    tw3 = set()
    if peer != "-":
        t = (pp.get(k) or {}).get("text") or ""
        tw3 = set(zip(*[S.words(t)[i:] for i in range(3)]))
    leaking = []
    for line in o.split("\n"):
        w = S.words(line)
        if not w:
            continue
        g3 = list(zip(*[w[i:] for i in range(3)])) or [tuple(w) + ("",) * (3 - len(w))]
        if len(w) < 3:
            miss = 0 if all(x in gws for x in w) and len(w) > 0 and S.word_seq(line) in S.word_seq(g["text"]) else 1
        else:
            miss = sum(1 for x in g3 if x not in gw3) / len(g3)
        if miss >= .5:
            inpeer = len(w) >= 3 and sum(1 for x in g3 if x in tw3) / len(g3) >= .5
            leaking.append((line, w, inpeer))
    if not leaking:
        continue
    src = rec["source"]
    raw = gzip.open(src).read() if src.endswith(".gz") else open(src, "rb").read()
    html = raw.decode("utf-8", "replace")
    pr = P()
    try:
        pr.feed(html)
    except Exception:
        pass
    idx = defaultdict(list)
    pw = pr.words
    for i in range(len(pw) - 2):
        idx[(pw[i], pw[i + 1], pw[i + 2])].append(i)
    for line, w, inpeer in leaking:
        key = tuple(w[:3]) if len(w) >= 3 else None
        pos = None
        if key and idx.get(key):
            pos = idx[key][0]
        elif not key:
            for i in range(len(pw)):
                if pw[i:i + len(w)] == w:
                    pos = i; break
        if pos is None:
            path, lf = ("?",), 0
        else:
            span = pr.info[pos:pos + len(w)]
            lf = sum(1 for _, a in span if a) / max(1, len(span))
            path = pr.stacks[pr.info[pos][0]]
        kind = (classify_fine if A.fine else classify)(path, line, len(w), lf) if path != ("?",) else "not found"
        words_k[kind] += len(w); pts[kind] += len(w) / len(ow); pages_k[kind].add(k)
        if inpeer:
            peer_k[kind] += len(w)
        if listkind and (kind == listkind or listkind == "all"):
            listing.append((k, kind, len(w), "P" if inpeer else "-", line[:100], " > ".join(path[-4:])[-140:]))
print(f"{ds}: {n} pages")
print(f"{'kind':22s} {'words':>7s} {'points':>7s} {'pages':>5s} {'peer keeps too':>14s} {'peer drops':>8s}")
for kind, v in sorted(pts.items(), key=lambda x: -x[1]):
    print(f"{kind:22s} {words_k[kind]:7d} {100 * v / n:7.3f} {len(pages_k[kind]):5d} {peer_k[kind]:14d} {words_k[kind]-peer_k[kind]:8d}")
print(f"{'total':22s} {sum(words_k.values()):7d} {100 * sum(pts.values()) / n:7.3f}")
for r in listing:
    print(" | ".join(map(str, r)))
