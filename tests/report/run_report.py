#!/usr/bin/env python3
"""The explain page (`copydesk --report OUT.html PAGE`), checked twice:

1. its own bytes, read with Python's HTML parser: only the report's own
   elements and attributes occur (no <script>, <img>, <iframe>, <svg>, no
   on* attribute, no href/src), the headline (<h1 id="headline">) is the JSON
   record's `title` character for character, every field's value is in the
   fields table, a dropped block (li.drop) and a kept one (li.kept) are there;
2. as Chromium renders it (`chromium --headless --dump-dom`, the DOM after
   the page ran), when Debian's chromium is installed (scripts/install-deps
   brings it; without it this part is skipped with a message): the same
   checks on the DOM, and no attribute data-pwned on any element (what the
   hostile page's scripts would set, had one run).

The pages: tests/report/hostile.html (markup-looking text in the <title>,
og:title, author, headline, body, a hidden block, class and id names, a
javascript: link) and examples/news.html. Nothing here depends on how fast the
machine is: each run is bounded by its CPU time (tests/bounded.py), generously,
against a loop that does not end; a wall-clock backstop only against a hang.

    tests/report/run_report.py --bin build/copydesk
"""
import argparse
import html.parser
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: children bounded by CPU time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = ["tests/report/hostile.html", "examples/news.html"]
# The report's own vocabulary: anything else came from the page.
TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "code", "span", "b",
        "table", "thead", "tbody", "tr", "th", "td", "ul", "ol", "li", "div", "small"}
ATTRS = {"lang", "charset", "http-equiv", "content", "name", "id", "class"}
CPU_SECONDS = 120  # of CPU a copydesk run
CHROMIUM_CPU_SECONDS = 600  # of CPU of the browser process (its renderers: each the same)


class Page(html.parser.HTMLParser):
    """Elements, the headline's text, the fields table and the rows' classes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.problems = set(), set(), []
        self.stack = []
        self.headline = None
        self.cells = []  # [(field, value text)]
        self.rows = []  # [(class, text)]
        self._text = None
        self._row = None
        self._field = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        a = dict(attrs)
        for k, v in attrs:
            self.attrs.add(k)
            if k == "data-pwned":
                self.problems.append("data-pwned=%r on <%s>: a page script ran" % (v, tag))
        if tag == "h1" and a.get("id") == "headline":
            self._text = ("h1", [])
        elif tag == "th" and self._field is None and self.stack[-2:] == ["tbody", "tr"]:
            self._text = ("th", [])
        elif tag == "td" and self._field is not None and not a.get("class"):
            self._text = ("td", [])
        elif tag == "li" and self.stack and self.stack[-1] == "ol":
            self._row = (a.get("class", ""), [])
        if tag not in ("meta",):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        if self._text and tag == self._text[0]:
            kind, parts = self._text
            text = "".join(parts)
            self._text = None
            if kind == "h1":
                self.headline = text
            elif kind == "th":
                self._field = text
            else:
                self.cells.append((self._field, text))
                self._field = None
        if tag == "li" and self._row:
            self.rows.append((self._row[0], "".join(self._row[1])))
            self._row = None
        if tag == "tr":
            self._field = None

    def handle_data(self, data):
        if self._text:
            self._text[1].append(data)
        if self._row:
            self._row[1].append(data)


def check_page(where, doc, record):
    """Problems of one report (HTML text), given the page's JSON record."""
    p = Page()
    p.feed(doc)
    p.close()
    probs = list(p.problems)
    if p.tags - TAGS:
        probs.append("elements that are not the report's: %s" % sorted(p.tags - TAGS))
    if p.attrs - ATTRS - {"data-pwned"}:
        probs.append("attributes that are not the report's: %s" % sorted(p.attrs - ATTRS))
    if p.headline != record.get("title"):
        probs.append("headline %r, the record's title %r" % (p.headline, record.get("title")))
    values = dict(p.cells)
    for key in ("title", "section", "dateline", "credit", "deck"):
        want = record.get(key)
        if want and values.get(key) != want:
            probs.append("fields table: %s is %r, the record says %r" % (key, values.get(key), want))
    for name in record.get("authors", []):
        if name not in values.get("authors", ""):
            probs.append("fields table: author %r missing" % name)
    classes = [c for c, _ in p.rows]
    if "drop" not in classes:
        probs.append("no dropped block (li.drop)")
    if "kept" not in classes:
        probs.append("no kept block (li.kept)")
    first = record.get("text", "").split("\n")[0][:40]
    if first and not any(first in " ".join(t.split()) for c, t in p.rows if c == "kept"):
        probs.append("the text's first words %r are on no kept row" % first)
    for d in record.get("dropped", []):
        words = d["text"][:30]
        if not any(words in " ".join(t.split()) for c, t in p.rows):
            probs.append("dropped block %r (%s) is on no row" % (words, d["reason"]))
    return ["%s: %s" % (where, m) for m in probs]


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    args = ap.parse_args()
    browser = chromium()
    probs, rendered, checked, failed = [], 0, 0, 0
    with tempfile.TemporaryDirectory(prefix="copydesk-report-") as tmp:
        for rel in PAGES:
            page = os.path.join(TOP, rel)
            out = os.path.join(tmp, os.path.basename(rel) + ".report.html")
            rec = bounded.run([args.bin, "--json", "--explain", "-q", page], cpu=CPU_SECONDS,
                              stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
            record = json.loads(rec.stdout.decode("utf-8"))
            r = bounded.run([args.bin, "-q", "--report", out, page], cpu=CPU_SECONDS, stdin=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
            if r.returncode != 0 or not os.path.exists(out):
                probs.append("%s: --report exited %d: %s" % (rel, r.returncode, r.stderr.decode(errors="replace")))
                continue
            with open(out, encoding="utf-8") as f:
                doc = f.read()
            found = check_page(rel, doc, record)
            checked, failed, probs = checked + 1, failed + bool(found), probs + found
            # The same page on stdout (--format report) is the same bytes.
            s = bounded.run([args.bin, "-q", "--format", "report", page], cpu=CPU_SECONDS,
                            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
            if s.stdout.decode("utf-8") != doc:
                probs.append("%s: --format report differs from --report FILE" % rel)
            if not browser:
                continue
            profile = os.path.join(tmp, "profile")
            try:
                c = bounded.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                                 "--no-first-run", "--user-data-dir=" + profile, "--dump-dom",
                                 "file://" + out], cpu=CHROMIUM_CPU_SECONDS, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired as e:
                probs.append("%s: chromium did not finish: %s" % (rel, e))
                continue
            dom = c.stdout.decode("utf-8", errors="replace")
            if c.returncode != 0 or "<body" not in dom:
                probs.append("%s: chromium exited %d: %s" % (rel, c.returncode,
                                                             c.stderr.decode(errors="replace")[-500:]))
                continue
            rendered += 1
            found = check_page(rel + " (chromium DOM)", dom, record)
            checked, failed, probs = checked + 1, failed + bool(found), probs + found
    # Every reason docs/schema.md lists for `dropped` has the page's own
    # wording (a reason added without one showed its bare name).
    with open(os.path.join(TOP, "docs", "schema.md"), encoding="utf-8") as f:
        row = next((l for l in f if l.startswith("| `dropped`")), "")
    with open(os.path.join(TOP, "src", "output", "report.c"), encoding="utf-8") as f:
        table = set(re.findall(r'\{"([a-z-]+)", "', f.read()))
    listed = set(re.findall(r"`([a-z]+(?:-[a-z]+)*)`", row)) - {"dropped", "reason", "text", "authors"}
    for w in sorted(listed):
        if w not in table:
            probs.append("reason %r (docs/schema.md) has no description in src/output/report.c" % w)
    if not listed:
        probs.append("no `dropped` reasons found in docs/schema.md")
    for p in probs:
        print("FAIL", p)
    if not browser:
        print("report: SKIPPED the Chromium part: no chromium on PATH (scripts/install-deps installs it)")
    print("report: %d pages, %d rendered in Chromium" % (len(PAGES), rendered))
    print("%d passed, %d failed" % (checked - failed, failed + (len(probs) > 0 and failed == 0)))
    return 1 if probs else 0


if __name__ == "__main__":
    sys.exit(main())
