#!/usr/bin/env python3
"""Copies of pages as "div soup": HTML5 sectioning and semantic elements turned into div/span and
role, ARIA and microdata attributes removed, classes and ids kept -- how much of our precision rests
on the semantic markup many CMSs and older templates never write (issue #12). h/desem, session 22.

    tools/desem.py [--declass] [--stats] [--only GROUPS] SRC_HTML_DIR DST_HTML_DIR [IDS_FILE]

Each SRC/*.html.gz (or the ids listed in IDS_FILE) is written to DST (gzip) with
  - <nav> <aside> <header> <footer> <main> <article> <section> <figure> <figcaption> <menu>
    (start and end tags) renamed <div>: all of them close an open <p> as <div> does, so the tree
    keeps its shape; <time> renamed <span>, its datetime= and pubdate attributes dropped;
  - the attributes role=, aria-*=, itemprop=, itemscope, itemtype=, itemid=, itemref= removed
    from every start tag (also from <meta itemprop> / <link itemprop>: that is microdata; <meta
    name/property> tags and JSON-LD scripts are left as they are);
  - with --declass also class= and id= (as tools/declass.py does): the "both" probe.
Bytes are read as latin-1, so the page's encoding is kept. Text, comments, doctype and the content
of raw-text elements (script, style, textarea, title, ...) are copied unchanged. Tags are read the
way the HTML tokenizer reads them (quoted and unquoted attribute values, '/' between attributes),
not by one regular expression, so a '>' inside a quoted value does not end a tag.
--stats prints how many pages carried each renamed element and removed attribute.
--only GROUPS (comma-separated: element names from the list above, "role", "aria", "microdata")
does only those changes, to tell which piece of semantic markup a page's loss comes from.

Then, as /work/wt/probe.sh does for the class-free probe:

    build/copydesk --json -q --ordered DST > OUT/l3s.jsonl
    sed -i 's#"source":"DST_PARENT/#"source":"/work/shared/data/#' OUT/l3s.jsonl
"""
import collections
import gzip
import os
import re
import sys

TO_DIV = {"nav", "aside", "header", "footer", "main", "article", "section", "figure",
          "figcaption", "menu"}
TO_SPAN = {"time"}
RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
DROP_TIME_ATTR = {"datetime", "pubdate"}
DECLASS_ATTR = {"class", "id"}

TAG_NAME = re.compile(r"[a-zA-Z][^\s/>]*")
SPACE = re.compile(r"[\s/]*")
ATTR_NAME = re.compile(r"[^\s/>][^\s/>=]*")
ATTR_VALUE = re.compile(r"""\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*)""")


MICRODATA = {"itemprop", "itemscope", "itemtype", "itemid", "itemref"}
ONLY = None  # set of groups, or None for all


def S_wanted(group):
    return ONLY is None or group in ONLY


def S_rename(name):
    low = name.lower()
    if not S_wanted(low):
        return None
    if low in TO_DIV:
        return "div"
    if low in TO_SPAN:
        return "span"
    return None


def S_drop_attr(attr, tag, declass):
    if attr.startswith("aria-"):
        return S_wanted("aria")
    if attr == "role":
        return S_wanted("role")
    if attr in MICRODATA:
        return S_wanted("microdata")
    if declass and attr in DECLASS_ATTR:
        return True
    return tag in TO_SPAN and attr in DROP_TIME_ATTR and S_wanted(tag)


def S_start_tag(text, pos, declass, stats):
    """Rewrites the start tag at text[pos] ('<' then a letter). Returns (replacement, end, name)."""
    m = TAG_NAME.match(text, pos + 1)
    name = m.group(0)
    low = name.lower()
    new_name = S_rename(name)
    out = ["<", new_name or name]
    if new_name:
        stats[low] += 1
    p = m.end()
    n = len(text)
    while p < n:
        s = SPACE.match(text, p)
        gap = s.group(0)
        p = s.end()
        if p >= n:
            out.append(gap)
            break
        if text[p] == ">":
            out.append(gap + ">")
            p += 1
            break
        a = ATTR_NAME.match(text, p)
        if not a:  # a lone '=' starts a name in the tokenizer
            a_end = p + 1
        else:
            a_end = a.end()
        v = ATTR_VALUE.match(text, a_end)
        end = v.end() if v and v.group(0) else a_end
        attr = text[p:a_end].lower()
        if S_drop_attr(attr, low, declass):
            stats["@" + ("aria-*" if attr.startswith("aria-") else attr)] += 1
            # keep one separator so the neighbours stay apart
            out.append(" " if gap else "")
        else:
            out.append(gap)
            out.append(text[p:end])
        p = end
    return "".join(out), p, low


def desem(text, declass=False, stats=None):
    if stats is None:
        stats = collections.Counter()
    out = []
    pos = 0
    n = len(text)
    while True:
        lt = text.find("<", pos)
        if lt < 0 or lt + 1 >= n:
            out.append(text[pos:])
            break
        out.append(text[pos:lt])
        c = text[lt + 1]
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            end = n if end < 0 else end + 3
            out.append(text[lt:end])
            pos = end
        elif c in "!?":
            end = text.find(">", lt)
            end = n if end < 0 else end + 1
            out.append(text[lt:end])
            pos = end
        elif c == "/" and lt + 2 < n and text[lt + 2].isalpha():
            m = TAG_NAME.match(text, lt + 2)
            new_name = S_rename(m.group(0))
            out.append("</" + (new_name or m.group(0)))
            pos = m.end()
        elif c.isascii() and c.isalpha():
            tag, pos, low = S_start_tag(text, lt, declass, stats)
            out.append(tag)
            if low in RAW_TEXT:
                close = re.compile(r"</" + re.escape(low) + r"[\s/>]", re.I).search(text, pos)
                end = n if not close else close.start()
                out.append(text[pos:end])
                pos = end
        else:
            out.append("<")
            pos = lt + 1
    return "".join(out)


def main():
    global ONLY
    args = sys.argv[1:]
    if "--only" in args:
        i = args.index("--only")
        ONLY = set(args[i + 1].split(","))
        del args[i:i + 2]
    declass = "--declass" in args
    want_stats = "--stats" in args
    args = [a for a in args if a not in ("--declass", "--stats")]
    src, dst = args[0], args[1]
    names = sorted(f for f in os.listdir(src) if f.endswith(".html.gz"))
    if len(args) > 2:
        names = [line.strip() + ".html.gz" for line in open(args[2]) if line.strip()]
    os.makedirs(dst, exist_ok=True)
    pages = collections.Counter()
    for f in names:
        text = gzip.open(os.path.join(src, f)).read().decode("latin-1")
        stats = collections.Counter()
        with gzip.open(os.path.join(dst, f), "wb") as out:
            out.write(desem(text, declass, stats).encode("latin-1"))
        for k in stats:
            if declass and k in ("@class", "@id"):
                continue
            pages[k] += 1
        if any(k not in ("@class", "@id") for k in stats):
            pages["(any)"] += 1
    if want_stats:
        print("%d pages; pages carrying each:" % len(names))
        for k, v in sorted(pages.items(), key=lambda kv: -kv[1]):
            print("  %-14s %5d  %5.1f %%" % (k, v, 100.0 * v / max(1, len(names))))


if __name__ == "__main__":
    main()
