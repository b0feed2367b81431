#!/usr/bin/env python3
"""Run readability-lxml (Debian's python3-readability) over HTML files; one JSON
object a line on stdout ({source, title, text}, score.py's shape). A measuring
tool only: see README.md.
    /usr/bin/python3 tools/peers/readability_lxml.py FILE...   (or file names on stdin)
"""
import gzip
import json
import re
import sys

import lxml.html
from readability import Document

BLOCK = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
         "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
         "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul", "body", "html"}


def decode(raw):
    """The page's text, decoded as copydesk would see it whatever the page declares:
    UTF-8 when the bytes are valid UTF-8, else the charset a <meta> names, else windows-1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"""<meta[^>]*charset\s*=\s*["']?\s*([-\w:.]+)""", raw[:4096], re.I)
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace")


def to_text(root):
    """The article HTML as text: a line break around every block, spaces folded."""
    out = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in BLOCK
        if block:
            out.append("\n")
        if tag and el.text:
            out.append(el.text)
        for c in el:
            walk(c)
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    walk(root)
    lines = (re.sub(r"\s+", " ", l).strip() for l in "".join(out).split("\n"))
    return "\n".join(l for l in lines if l)


def main():
    files = sys.argv[1:] or [l.strip() for l in sys.stdin if l.strip()]
    for f in files:
        rec = {"source": f, "title": "", "text": ""}
        try:
            raw = open(f, "rb").read()
            if f.endswith(".gz"):
                raw = gzip.decompress(raw)
            doc = Document(decode(raw))
            summary = doc.summary(html_partial=True)
            rec["title"] = doc.short_title() or ""
            rec["text"] = to_text(lxml.html.fromstring(summary)) if summary.strip() else ""
        except Exception as e:  # a page the peer cannot read scores zero, as score.py does
            rec["error"] = str(e)[:200]
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
