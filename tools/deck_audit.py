#!/usr/bin/env python3
"""The deck copydesk gives on every page of a set, where it came from, and
where it sits on the page: the deck counterpart of tools/section_audit.py
and tools/author_audit.py, for hand-checking decks on pages with no gold.

usage: tools/deck_audit.py BIN JSONL [--sample N --seed S] [--show CLASSES] [--missed]
       JSONL = `copydesk --json -q --ordered --explain DIR` output (its
       `source` paths are read again with `BIN --dump-tree`, so the page is
       seen as copydesk parses it).
       tools/deck_audit.py --diff OLD.jsonl NEW.jsonl   (pages whose deck moved)

For each page the visible candidates are listed: the text blocks after the
headline's h1 (the one whose text is the record's title, else the first
visible one), up to the story's first paragraph of prose (a <p> of 200
characters or more) or 25 blocks. Navigation, asides, figures, forms and
hidden elements are passed. Our deck is then classed:

  under-h1    one of those candidates, before any byline
  after-byline one of them, after a "By …" line or a line naming our author
  first-para  the story's first paragraph of prose (the block the walk
              stopped at) with another <p> of prose right after it
  caption     text inside a <figure>/<figcaption> or a block classed caption
  elsewhere   shown on the page, not after the h1 (a teaser, a footer …)
  not-shown   in no visible text of the page (og:description, JSON-LD)
  no-h1       the page has no visible h1 to measure from

--missed lists pages without a deck whose first candidate before the
first paragraph reads as a standfirst (8 words or more, closed by . ! or ?,
no byline, no date): places a deck may have been missed, to read by hand.
Prints a summary line per class, then one line per page (or per sampled
page): page, class, source, deck."""
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter

SKIP = {"script", "style", "noscript", "template", "nav", "aside", "form", "button", "svg", "iframe",
        "select", "head", "title", "figure", "figcaption", "footer"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section",
         "article", "header", "main", "table", "tr", "td", "th", "dl", "dt", "dd", "figure",
         "figcaption", "hgroup", "address", "pre", "footer", "aside", "nav", "form", "center"}


class T:
    __slots__ = ("s", "parent")

    def __init__(self, s, parent):
        self.s, self.parent = s, parent


class N:
    __slots__ = ("tag", "attrs", "kids", "parent")

    def __init__(self, tag, parent):
        self.tag, self.attrs, self.kids, self.parent = tag, {}, [], parent


def parse_dump(out):
    """html5lib test-format tree → N nodes (text nodes are T)."""
    root = N("#root", None)
    stack = [(-1, root)]
    last_text = None
    for line in out.split("\n"):
        if not line.startswith("| "):
            if last_text is not None:
                p, i = last_text
                p.kids[i].s += "\n" + line
            continue
        body = line[2:]
        depth = (len(body) - len(body.lstrip(" "))) // 2
        body = body.strip(" ")
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        last_text = None
        if body.startswith("<!"):
            continue
        if body.startswith("<") and body.endswith(">"):
            tag = body[1:-1].split(" ")[-1].lower()
            n = N(tag, parent)
            parent.kids.append(n)
            stack.append((depth, n))
        elif body.startswith('"'):
            parent.kids.append(T(body[1:], parent))
            last_text = (parent, len(parent.kids) - 1)
        else:
            m = re.match(r'([^=\s]+)="(.*)"?$', body)
            if m and isinstance(parent, N):
                parent.attrs[m.group(1).split(" ")[-1].lower()] = m.group(2)
    # strip the closing quote of each text
    def fix(n):
        for i, k in enumerate(n.kids):
            if isinstance(k, T):
                k.s = k.s[:-1] if k.s.endswith('"') else k.s
            else:
                fix(k)
    fix(root)
    return root


def hidden(n):
    a = n.attrs
    st = a.get("style", "").replace(" ", "").lower()
    return "hidden" in a or a.get("aria-hidden") == "true" or "display:none" in st or "visibility:hidden" in st


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def text_of(n, stop_blocks=False):
    out = []

    def walk(x):
        for k in x.kids:
            if isinstance(k, T):
                out.append(k.s)
            elif k.tag in SKIP or hidden(k):
                continue
            elif stop_blocks and k.tag in BLOCK:
                out.append(" ")
            else:
                if k.tag == "br":
                    out.append(" ")
                walk(k)
    walk(n)
    return norm(" ".join(out) if False else "".join(out))


def preorder(n):
    st = [n]
    while st:
        x = st.pop()
        yield x
        if isinstance(x, N):
            st.extend(reversed(x.kids))


def inside(n, tags):
    while n is not None:
        if isinstance(n, N) and n.tag in tags:
            return True
        n = n.parent
    return False


def visible_path(n):
    while n is not None:
        if n.tag in ("head", "script", "style", "noscript", "template") or hidden(n):
            return False
        n = n.parent
    return True


def cls(n):
    return n.tag + ("." + ".".join(n.attrs["class"].split()[:2]) if n.attrs.get("class") else "")


BYLINE = re.compile(r"^(by|written by|words by|von|par|por)\s", re.I)


def candidates(root, title, authors):
    h1s = [x for x in preorder(root) if isinstance(x, N) and x.tag == "h1" and visible_path(x)]
    if not h1s:
        return None, []
    t = norm(title).lower()
    h1 = next((h for h in h1s if text_of(h).lower() == t), None) or \
        next((h for h in h1s if t and (text_of(h).lower() in t or t in text_of(h).lower()) and text_of(h)), None) or h1s[0]
    # walk after h1's subtree, in document order
    order = list(preorder(root))
    pos = {id(x): i for i, x in enumerate(order)}
    i = pos[id(h1)] + 1
    # skip h1's subtree
    while i < len(order) and inside_node(order[i], h1):
        i += 1
    out = []
    skipping = None
    while i < len(order) and len(out) < 25:
        x = order[i]
        i += 1
        if skipping is not None:
            if inside_node(x, skipping):
                continue
            skipping = None
        if not isinstance(x, N):
            continue
        if x.tag in SKIP or hidden(x) or "caption" in x.attrs.get("class", "").lower():
            skipping = x
            continue
        if x.tag not in BLOCK:
            continue
        # a block with own text (text children or inline children with text)
        own = []
        for k in x.kids:
            if isinstance(k, T):
                own.append(k.s)
            elif k.tag not in BLOCK and k.tag not in SKIP and not hidden(k):
                own.append(text_of(k))
            elif k.tag == "br":
                own.append(" ")
        s = norm(" ".join(own))
        if not s or len(s) < 3:
            continue
        s = text_of(x, stop_blocks=True)
        kind = ""
        low = s.lower()
        if BYLINE.match(s) or any(a and a.lower() in low and len(s) < 120 for a in authors):
            kind = "byline"
        out.append((cls(x), s, kind))
        if x.tag == "p" and len(s) >= 200:
            out[-1] = (cls(x), s, "first-para")
            # is there another <p> of prose after it?
            j, nxt = i, None
            while j < len(order) and j < i + 400:
                y = order[j]
                j += 1
                if isinstance(y, N) and y.tag == "p" and not inside_node(y, x) and len(text_of(y)) >= 60:
                    nxt = y
                    break
            if nxt is None:
                out[-1] = (cls(x), s, "")
            break
    return h1, out


def inside_node(x, anc):
    while x is not None:
        if x is anc:
            return True
        x = x.parent
    return False


def page_text(root):
    body = next((x for x in preorder(root) if isinstance(x, N) and x.tag == "body"), root)
    out = []

    def walk(x):
        for k in x.kids:
            if isinstance(k, T):
                out.append(k.s)
            elif k.tag in ("script", "style", "noscript", "template") or hidden(k):
                continue
            else:
                out.append(" ")
                walk(k)
    walk(body)
    return norm("".join(out)).lower()


def in_caption(root, deck):
    d = norm(deck).lower()[:80]
    for x in preorder(root):
        if isinstance(x, N) and (x.tag in ("figcaption", "figure") or "caption" in x.attrs.get("class", "").lower()):
            if d and d in text_of(x).lower():
                return True
    return False


def classify(binary, rec):
    deck = rec.get("deck")
    try:
        out = subprocess.run([binary, "--dump-tree", rec["source"]], capture_output=True, timeout=60).stdout
    except subprocess.TimeoutExpired:
        return "error", []
    root = parse_dump(out.decode("utf-8", "replace"))
    h1, cands = candidates(root, rec.get("title") or "", rec.get("authors") or [])
    if not deck:
        return None, cands
    d = norm(deck).lower()
    if h1 is None:
        return "no-h1", cands
    seen_by = False
    for c, s, kind in cands:
        sl = s.lower()
        if kind == "byline":
            seen_by = True
        if d == sl or (len(d) > 40 and (sl.startswith(d[:80]) or d.startswith(sl[:80]))):
            if kind == "first-para":
                return "first-para", cands
            return ("after-byline" if seen_by else "under-h1"), cands
    if in_caption(root, deck):
        return "caption", cands
    if d[:60] in page_text(root):
        return "elsewhere", cands
    return "not-shown", cands


def key(r):
    src = r.get("source") or ""
    b = os.path.basename(src)
    return os.path.basename(os.path.dirname(src)) if b == "source.html" else b


def load(p):
    out = []
    for l in open(p, encoding="utf-8"):
        try:
            out.append(json.loads(l))
        except ValueError:
            pass
    return out


def main():
    a = sys.argv[1:]
    if a and a[0] == "--diff":
        old = {key(r): r for r in load(a[1])}
        for r in load(a[2]):
            k = key(r)
            o = old.get(k, {})
            if o.get("deck") != r.get("deck"):
                print("%s\t%r (%s) -> %r (%s)" % (k, (o.get("deck") or "")[:100], (o.get("sources") or {}).get("deck"),
                                                  (r.get("deck") or "")[:100], (r.get("sources") or {}).get("deck")))
        return
    binary, jsonl = a[0], a[1]
    recs = load(jsonl)
    show = set(a[a.index("--show") + 1].split(",")) if "--show" in a else None
    with_deck = [r for r in recs if r.get("deck")]
    if "--missed" in a:
        for r in recs:
            if r.get("deck"):
                continue
            _, cands = classify(binary, r)
            for c, s, kind in cands[:6]:
                if kind:
                    break
                w = len(s.split())
                if 8 <= w <= 80 and s[-1:] in ".!?" and not re.search(r"\b(19|20)\d\d\b", s):
                    print("%s\t%s\t%s" % (key(r), c, s[:160]))
                    break
        return
    if "--sample" in a:
        random.seed(int(a[a.index("--seed") + 1]) if "--seed" in a else 15)
        with_deck = random.sample(with_deck, min(int(a[a.index("--sample") + 1]), len(with_deck)))
    cnt = Counter()
    lines = []
    for r in with_deck:
        k, cands = classify(binary, r)
        cnt[k] += 1
        if show is None or k in show:
            lines.append("%s\t%s\t%s\t%s" % (key(r), k, (r.get("sources") or {}).get("deck"),
                                            norm(r["deck"])[:150]))
            if show is not None:
                for c, s, kind in cands[:6]:
                    lines.append("\t\t%s %s: %s" % (kind or "-", c[:40], s[:110]))
    print("# %d of %d pages have a deck: %s" % (len([r for r in recs if r.get("deck")]), len(recs),
                                                 ", ".join("%s %d" % kv for kv in cnt.most_common())))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
