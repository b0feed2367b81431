#!/usr/bin/env python3
"""Copies of pages with every class and id attribute removed: how much of our precision rests
on class vocabulary (issue #12, "not by class words alone"). h/blogchrome, session 19.

    tools/declass.py SRC_HTML_DIR DST_HTML_DIR [IDS_FILE]

Each SRC/*.html.gz (or the ids listed in IDS_FILE) is written to DST with its class= and id=
attributes gone (bytes read as latin-1, so the encoding is kept). Tags, roles, ARIA, itemprop,
rel and the rest stay. Then, e.g.:

    build/copydesk --json -q --ordered DST > OUT/wcxb.jsonl
    sed -i 's#"source":"DST_PARENT/#"source":"../shared/data/#' OUT/wcxb.jsonl   # for leak_kinds.py
"""
import gzip
import os
import re
import sys

ATTR = re.compile(r"""(<[a-zA-Z][^>]*?)\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")


def declass(text):
    prev = None
    while prev != text:
        prev, text = text, ATTR.sub(r"\1", text)
    return text


def main():
    src, dst = sys.argv[1], sys.argv[2]
    names = sorted(os.listdir(src))
    if len(sys.argv) > 3:
        names = [line.strip() + ".html.gz" for line in open(sys.argv[3]) if line.strip()]
    os.makedirs(dst, exist_ok=True)
    for f in names:
        text = gzip.open(os.path.join(src, f)).read().decode("latin-1")
        with gzip.open(os.path.join(dst, f), "wb") as out:
            out.write(declass(text).encode("latin-1"))


if __name__ == "__main__":
    main()
