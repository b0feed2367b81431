#!/usr/bin/env python3
"""--explain is honest (issue #12), checked on small hand-written pages, one removal path or more
each (tests/explain/pages/NAME.html, with NAME.reasons: the reasons the page must show, one a line).

Each page marks the part of it that lies inside the chosen content with id="story-region" (the
check fails when it does not: a block of it would be left out unlisted). For every block of the
region (a leaf block element's text, elements of no text by their tag passed over):
 - it is in `text`, or it is the headline (`title`), or
 - a `dropped` entry names it: the entry's text opens the block or a block around it in the
   region, or the entry's text is inside the block and the rest of the block is in `text` (a cut
   or an inline element left out), or the page's list is full (200 entries) and its
   {"reason", "more"} counts hold the rest.
And every entry names something left out: its text is not in `text` (but a `duplicate`'s),
and no entry's text is empty (but a count's). Texts compare with white space removed.
The page's .reasons must all be among the entries' reasons: together the pages cover the
removal paths. Counts only; nothing depends on how fast the machine is.

    tests/explain/run_explain.py --bin build/copydesk [PAGE ...]
"""
import argparse
import html.parser
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: children bounded by CPU time

HERE = os.path.dirname(os.path.abspath(__file__))
CPU_SECONDS = 300  # of CPU a run (tests/bounded.py): against a loop that does not end
CAP = 200  # output/explain.c CD_EXPLAIN_MAX
WS = re.compile(r"[\s\u00a0\u200b\ufeff]+")
# src/dom/tags.def's CD_TF_SKIP: their content is never text.
SKIP = {"audio", "button", "canvas", "datalist", "embed", "frame", "frameset", "head", "iframe", "input",
        "meter", "noembed", "noframes", "optgroup", "option", "progress", "rp", "script", "select", "style",
        "svg", "template", "textarea", "title", "video"}
BLOCK = {"address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
         "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
         "hgroup", "hr", "li", "main", "nav", "noscript", "ol", "p", "pre", "section", "summary", "table",
         "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def norm(s):
    return WS.sub("", s)


class Region(html.parser.HTMLParser):
    """The blocks inside id="story-region": each element's text, and which are leaves (no block
    element inside), with the chain of blocks around each."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # [(tag, element index or None)]
        self.elems = []  # [{"tag", "text": [...], "parent": index, "leaf": bool}]
        self.depth_in = None
        self.skip = 0
        self.found = False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag == "br" and self.depth_in is not None:
                self._data(" ")
            return
        a = dict(attrs)
        idx = None
        if self.depth_in is None and a.get("id") == "story-region":
            self.depth_in = len(self.stack)
            self.found = True
        if self.depth_in is not None and not self.skip and tag in BLOCK:
            parent = next((i for _, i in reversed(self.stack) if i is not None), None)
            if parent is not None:
                self.elems[parent]["leaf"] = False
            idx = len(self.elems)
            self.elems.append({"tag": tag, "text": [], "parent": parent, "leaf": True})
        if tag in SKIP:
            self.skip += 1
        self.stack.append((tag, idx))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t in SKIP:
                self.skip -= 1
            if self.depth_in is not None and len(self.stack) == self.depth_in:
                self.depth_in = None
            if t == tag:
                break

    def _data(self, data):
        for _, i in self.stack:
            if i is not None:
                self.elems[i]["text"].append(data)

    def handle_data(self, data):
        if self.depth_in is not None and not self.skip:
            self._data(data)


def check(binary, page):
    probs = []
    with open(page, encoding="utf-8") as f:
        src = f.read()
    p = bounded.run([binary, "--json", "--explain", page], cpu=CPU_SECONDS, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    if p.returncode != 0:
        return ["copydesk exited %d: %s" % (p.returncode, p.stderr.decode(errors="replace")[-300:])], set()
    rec = json.loads(p.stdout.decode("utf-8"))
    text, title = norm(rec.get("text", "")), norm(rec.get("title") or "")
    dropped = rec.get("dropped", [])
    listed = [d for d in dropped if "more" not in d]
    more = {d["reason"]: d["more"] for d in dropped if "more" in d}
    if more and len(listed) != CAP:
        probs.append("counts past the cap with %d entries listed" % len(listed))
    for d in dropped:
        t = norm(d.get("text", ""))
        if "more" in d:
            if t or d["more"] < 1:
                probs.append("a count with text or none: %r" % d)
            continue
        if not t:
            probs.append("an entry with no text: %r" % d)
        elif t in text and d["reason"] != "duplicate":
            probs.append("said dropped (%s) but in the text: %r" % (d["reason"], d["text"]))
    r = Region()
    r.feed(src)
    r.close()
    if not r.found:
        probs.append('no element id="story-region"')
    texts = [norm("".join(e["text"])) for e in r.elems]
    unnamed = 0
    for i, e in enumerate(r.elems):
        t = texts[i]
        if not e["leaf"] or not t or t in text or (title and t == title):
            continue
        named = False
        for d in listed:
            dt = norm(d["text"])
            if not dt:
                continue
            a = i
            while a is not None and not named:
                named = texts[a].startswith(dt)
                a = r.elems[a]["parent"]
            if not named and dt in t:
                rest = t.replace(dt, "", 1)
                named = not rest or rest in text or (title and rest == title)
            if named:
                break
        if not named:
            unnamed += 1
            if not more:
                probs.append("left out and named by no entry: %r" % "".join(e["text"]).strip()[:80])
    if more and unnamed != sum(more.values()):
        probs.append("%d blocks left out unlisted, the counts say %d" % (unnamed, sum(more.values())))
    return probs, {d["reason"] for d in dropped}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="build/copydesk")
    ap.add_argument("pages", nargs="*")
    a = ap.parse_args()
    pages = a.pages or sorted(os.path.join(HERE, "pages", f) for f in os.listdir(os.path.join(HERE, "pages"))
                              if f.endswith(".html"))
    failed, covered = 0, set()
    for page in pages:
        probs, reasons = check(a.bin, page)
        covered |= reasons
        want_file = page[: -len(".html")] + ".reasons"
        want = set()
        if os.path.exists(want_file):
            with open(want_file, encoding="utf-8") as f:
                want = {l.strip() for l in f if l.strip() and not l.startswith("#")}
        for w in sorted(want - reasons):
            probs.append("reason %r not shown" % w)
        for pr in probs:
            print("FAIL %s: %s" % (os.path.basename(page), pr))
        failed += bool(probs)
    print("explain: %d pages, %d reasons shown (%s)" % (len(pages), len(covered), " ".join(sorted(covered))))
    print("%d passed, %d failed" % (len(pages) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
