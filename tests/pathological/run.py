#!/usr/bin/env python3
"""Pathological pages: hostile input must end in bounded time and memory.

    tests/pathological/run.py [--bin build/copydesk] [--ratio K] [--list] [CASE ...]

Each case is generated into a temporary directory and run as
`copydesk --json -q FILE` in its own process, with an address-space cap
(RLIMIT_AS, --mem-mb, default 1024; skipped for sanitizer builds, whose shadow
memory needs terabytes of address space -- their peak RSS, read for that one
child with wait4(), is checked against the same cap instead). Checks:
  - the exit status is 0 or 1, never a signal, and 1 exactly for an error record;
  - stdout is valid UTF-8 and one JSON object with "source" and "text" or "error";
  - the case's own expectation (an error mentioning X, text containing Y);
  - for the cases of MEM_BOUND (not in a sanitizer build), issue #14's bound
    on memory: peak RSS at most 16 x the page's size + 64 MiB;
  - its cost is within K times (--ratio, default 16) the cost of its
    calibration, measured in the same run just before it: by default
    `copydesk --json -q` on a normal article page of the same byte size
    (calibration_page(): headings, paragraphs of prose with inline links,
    lists, a figure, menus; what the extractor meets every day).
The cost is CPU time (user + system of that child, from wait4()), never
compared with a fixed number of seconds: the case and its calibration run
under the same load, so a busy machine slows both. A case over K is measured
twice more with its calibration, and the least of each is used (the least
time is the one least disturbed by other processes). A run that does not end
is stopped by its CPU time too (RLIMIT_CPU, 120 s times CD_PATHOLOGICAL_SLOWDOWN,
set by the launcher: a bound on work that a busy machine does not tighten); a
wall-clock backstop (tests/bounded.py HANG_SECONDS, times the slowdown) only
catches a run blocked for ever, using no CPU.

Why K = 16: a defence that holds keeps a hostile page linear in its size, but
per byte it may be dearer than prose by its density of elements and text
nodes: the honest ratios measured (docs/limits.md) reach 7 (nul-bytes: two
elements and four text nodes per 35 bytes, where prose has one element per
60 bytes; its cost doubles when its size doubles, as the calibration's does).
A defence that breaks makes a case quadratic, and at these sizes (10^5 to
10^7 nodes, bytes or attributes) that is hundreds of times dearer: built
with CD_MAX_PARSE_DEPTH lifted, nested-div-100k costs 189 times its
calibration (17.0 s against 0.09 s) and inline-b-distinct-100k 311 times.
16 leaves twice the worst honest ratio for noise and fails every quadratic case.
CD_PATHOLOGICAL_SLOWDOWN (the sanitizer targets set it) multiplies K, because
ASan and UBSan slow memory-heavy code more than prose handling, and the limits
against a hang.

Adding a case: add one entry to CASES,
    "name": (generator, expectation)              or
    "name": (generator, expectation, calibration)
  - generator: a function of no argument returning the page's bytes (keep it
    deterministic; build big inputs with bytes multiplication and join);
  - expectation: "ok" (a text record), "any" (text or error record),
    ("error", "substring of the error"), ("text", "substring of the text");
  - calibration (optional): what the case's cost is compared with. Default: a
    normal page of the same byte size, which is right whenever the input's
    size is the measure of the work (everything but decompression). A
    function of the case file's path returning the argv of the calibration
    command replaces it: the gzip bomb is compared with inflating the same
    stream up to the same limit (CALIBRATE_INFLATE), the work it must stop at.
If the case covers a limit, name it in docs/limits.md.
Every limit these cases reach is a named constant in src/util/limits.h and is
listed in docs/limits.md with the case that covers it.
"""
import argparse
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: HANG_SECONDS

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEAD = b"<!DOCTYPE html><html><head><meta charset=utf-8><title>Pathological</title></head><body>"
TAIL = b"</body></html>"


def page(body):
    return HEAD + body + TAIL


def utf16(text, codec, bom):
    data = text.encode(codec)
    if bom:
        data = (b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff") + data
    return data


SAMPLE = ("<!DOCTYPE html><html><head><title>UTF-16 page</title></head><body><article>"
          "<h1>UTF-16 page</h1>" + "<p>Ceci est un paragraphe accentué: éèà ü ß — 東京 Москва.</p>" * 20
          + "</article></body></html>")


def invalid_utf8():
    pats = [b"\x80", b"\xbf", b"\x80\x80", b"\xc0\x80", b"\xc1\xbf", b"\xc2", b"\xdf", b"\xe0\x80\x80",
            b"\xe0\x9f\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xef\xbf", b"\xf0\x80\x80\x80",
            b"\xf0\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80",
            b"\xfc\x84\x80\x80\x80\x80", b"\xfe", b"\xff", b"\xfe\xfe\xff\xff", b"\xe2\x82", b"\xf0\x9f\x98",
            b"\xc3\x28", b"\xa0\xa1", b"\xe2\x28\xa1", b"\xf0\x28\x8c\xbc"]
    body = b"".join(b"<p>case %d: a" % i + p + b"b</p>" for i, p in enumerate(pats))
    attrs = b"".join(b'<a href="/x' + p + b'" title="' + p + b'">l</a>' for p in pats)
    return (HEAD.replace(b"<title>Pathological", b"<title>bad \xff\xc0 title")
            + body * 50 + attrs + b"<p>ends in a cut sequence \xf0\x9f")


def gzip_bomb():
    """A small gzip stream that expands to 300 MB, past CD_MAX_DECODED (256 MB)."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * (1 << 20)
    out = [c.compress(page(b"<p>bomb"))]
    for _ in range(300):
        out.append(c.compress(chunk))
    out.append(c.compress(b"</p>" + TAIL))
    out.append(c.flush())
    return b"".join(out)


def nested_bomb():
    """gzip of a gzip page of 200 MB made with Z_RLE (27 times smaller: a
    stream itself 300 times compressible)."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS, 9, zlib.Z_RLE)
    unit = b"x" * 30 + b" "
    inner = [c.compress(page(b"<p>"))]
    for _ in range(200):
        inner.append(c.compress(unit * (1 << 15)))
    inner.append(c.compress(b"</p>" + TAIL))
    inner.append(c.flush())
    return gzip.compress(b"".join(inner), 9, mtime=0)


def warc_record(http_headers, body):
    """One WARC response record of an HTML body."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + http_headers + b"\r\n" + body
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/a.html\r\n"
            b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(block) + block + b"\r\n\r\n")


# ---- calibration ----------------------------------------------------------

_WORDS = ("council harbour budget river school transport report minister village market water "
          "station morning evening weather season museum library teacher doctor family record "
          "project community garden bridge summer winter island railway festival election").split()


def calibration_page(size):
    """A normal news page of `size` bytes (at least a few KB): a head with
    metadata, a site menu, an article of headings and paragraphs of prose
    with inline links, lists and a figure, a related-links box and a footer.
    Every paragraph differs (numbers in it), as on a real page."""
    head = (b"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Council approves the harbour plan"
            b" - The Coast Times</title><meta name=description content=\"The council approved the plan.\">"
            b"<meta property=og:title content=\"Council approves the harbour plan\">"
            b"<meta name=author content=\"Jane Doe\"><meta property=article:published_time"
            b" content=2024-03-05T10:00:00Z></head><body><header><nav><ul>"
            + b"".join(b"<li><a href=\"/s/%d\">Section %d</a></li>" % (i, i) for i in range(12))
            + b"</ul></nav></header><main><article><h1>Council approves the harbour plan</h1>"
            b"<p class=byline>By Jane Doe, March 5, 2024</p>")
    tail = (b"</article><aside class=related><h2>Related</h2><ul>"
            + b"".join(b"<li><a href=\"/a/%d\">Another story number %d</a></li>" % (i, i) for i in range(8))
            + b"</ul></aside></main><footer><p>&copy; 2024 The Coast Times</p></footer></body></html>")
    out, n, i = [head], len(head) + len(tail), 0
    while n < size:
        w = [_WORDS[(i * 7 + k * 3) % len(_WORDS)] for k in range(60)]
        para = ("<p>The %s said on day %d that the %s and the %s would open, <a href=\"/n/%d\">as reported</a>"
                " earlier. %s.</p>\n" % (w[0], i, w[1], w[2], i, " ".join(w[3:]).capitalize())).encode()
        if i % 12 == 0:
            para = b"<h2>Part %d of the %s report</h2>\n" % (i, w[4].encode()) + para
        elif i % 12 == 5:
            para += b"<ul>" + b"".join(b"<li>%s item %d</li>" % (x.encode(), i) for x in w[5:10]) + b"</ul>\n"
        elif i % 12 == 9:
            para += (b"<figure><img src=\"/img/%d.jpg\" alt=\"%s\"><figcaption>The %s, photo %d</figcaption>"
                     b"</figure>\n" % (i, w[6].encode(), w[7].encode(), i))
        out.append(para)
        n += len(para)
        i += 1
    out.append(tail)
    return b"".join(out)


# Inflate a gzip file up to a limit (argv: path, limit) in a child process:
# the work a decompression bomb must stop at, done by the same zlib.
INFLATE = ("import sys, zlib\n"
           "d = zlib.decompressobj(16 + zlib.MAX_WBITS)\n"
           "data = open(sys.argv[1], 'rb').read()\n"
           "out = d.decompress(data, int(sys.argv[2]) + 1)\n")
CD_MAX_DECODED = 256 << 20  # src/util/limits.h


def CALIBRATE_INFLATE(path):
    return [sys.executable, "-S", "-c", INFLATE, path, str(CD_MAX_DECODED)]


# The inflation limit's floor (COPYDESK_INFLATE_FLOOR): what a bomb under the
# default limit must stop at, from the file's first gzip magic on.
CD_INFLATE_FLOOR = 8 << 20
INFLATE_AT = INFLATE.replace("read()\n", "read()\ndata = data[data.index(b'\\x1f\\x8b'):]\n")


def CALIBRATE_INFLATE_FLOOR(path):
    return [sys.executable, "-S", "-c", INFLATE_AT, path, str(CD_INFLATE_FLOOR)]


# Two layers: the outer gzip whole, then the inner up to the floor.
INFLATE_NESTED = INFLATE_AT.replace("out = d.decompress(", "data = d.decompress(data)\n"
                                    "d = zlib.decompressobj(16 + zlib.MAX_WBITS)\nout = d.decompress(")


def CALIBRATE_INFLATE_NESTED(path):
    return [sys.executable, "-S", "-c", INFLATE_NESTED, path, str(CD_INFLATE_FLOOR)]


# name -> (generator, expectation[, calibration]); see the docstring.
CASES = {
    "nested-div-100k": (lambda: page(b"<div>" * 100000 + b"deep text" + b"</div>" * 100000), ("text", "deep text")),
    "attrs-1m-one-tag": (lambda: page(b"<p " + b" ".join(b"a%d=%d" % (i, i) for i in range(1000000))
                                      + b">after many attributes</p>"), ("text", "after many attributes")),
    "text-node-50mb": (lambda: page(b"<p>" + b"word " * 10000000 + b"</p>"), ("text", "word word")),
    "nested-tables-10k": (lambda: page(b"<table><tr><td>" * 10000 + b"cell text"), "any"),
    "br-1m": (lambda: page(b"<p>first line" + b"<br>" * 1000000 + b"last line</p>"), ("text", "last line")),
    "unclosed-comment": (lambda: page(b"<p>before the comment</p><!--" + b"commented out " * 700000), "any"),
    "unclosed-script": (lambda: page(b"<p>before the script</p><script>" + b"var a = '<p>x</p>';\n" * 500000), "any"),
    "unclosed-style": (lambda: page(b"<p>before the style</p><style>" + b"p { color: red }\n" * 500000), "any"),
    "jsonld-10mb": (lambda: page(b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"Huge",'
                                 b'"author":[' + b",".join(b'{"@type":"Person","name":"Author %d"}' % i
                                                          for i in range(250000))
                                 + b'],"articleBody":"' + b"x" * 1000000 + b'"}</script><p>body text</p>'), "any"),
    "jsonld-nested-100k": (lambda: page(b'<script type="application/ld+json">' + b"[" * 100000 + b"]" * 100000
                                        + b'</script><script type="application/ld+json">' + b'{"a":' * 100000
                                        + b"1" + b"}" * 100000 + b"</script><p>body text</p>"), "any"),
    "meta-charset-10k": (lambda: b"<html><head>" + b"".join(
        b'<meta charset="%s">' % cs for cs in [b"utf-8", b"shift_jis", b"koi8-r", b"utf-16", b"bogus"] * 2000)
        + b"<title>metas</title></head><body><p>caf\xc3\xa9 text</p>" + TAIL, "any"),
    "nul-bytes": (lambda: page(b"<p>a\x00b\x00c</p>\x00<div \x00class=\x00x>\x00" * 100000 + b"\x00"), "any"),
    "lone-surrogates": (lambda: HEAD.replace(b"<title>Pathological", b"<title>&#xD800;t&#xDFFF;")
                        + b'<meta property="og:title" content="&#xD800;&#56320;">'
                        + b'<p title="&#xDBFF;">&#xD800;&#xDC00; &#55296; &#xDFFF;&#x110000;&#0;&#x0;</p>' * 20000
                        + b"<p>&#xD83D;&#xDE00; pair as two refs</p>" + TAIL, "any"),
    "invalid-utf8": (invalid_utf8, "any"),
    "utf16le-bom": (lambda: utf16(SAMPLE, "utf-16-le", True), ("text", "paragraphe accentué")),
    "utf16be-bom": (lambda: utf16(SAMPLE, "utf-16-be", True), ("text", "paragraphe accentué")),
    "utf16le-nobom": (lambda: utf16(SAMPLE, "utf-16-le", False), ("text", "paragraphe accentué")),
    "utf16be-nobom": (lambda: utf16(SAMPLE, "utf-16-be", False), ("text", "paragraphe accentué")),
    "p-siblings-100k": (lambda: page(b"".join(b"<p>paragraph number %d of many.</p>" % i for i in range(100000))),
                        ("text", "paragraph number 99999")),
    "attr-value-1m": (lambda: HEAD.replace(b"<title>Pathological</title>", b'<meta property="og:title" content="'
                                           + "€".encode() * 1000000 + b'">')
                      + b'<p><a href="' + b"x" * 1000000 + b'">link</a> <img src="' + "é".encode() * 1000000
                      + b'" alt="' + "€".encode() * 1000000 + b'"> text after</p>' + TAIL, ("text", "text after")),
    "inline-b-100k": (lambda: page(b"<b>" * 100000 + b"bold text"), ("text", "bold text")),
    "inline-b-distinct-100k": (lambda: page(b"".join(b"<b class=c%d>" % i for i in range(100000)) + b"bold text"),
                               ("text", "bold text")),
    "inline-mixed-100k": (lambda: page(b"<i><b><u><s><em>" * 20000 + b"styled text"), ("text", "styled text")),
    "unclosed-a-50k": (lambda: page(b"<p>" + b"<a href=x>link " * 50000 + b"</p>"), ("text", "link")),
    # With the inflation limit off (--max-inflation 0, CASE_ARGS): CD_MAX_DECODED.
    "gzip-bomb": (gzip_bomb, ("error", "too large"), CALIBRATE_INFLATE),
    # Session 15 (h/hostile6): the same bomb under the default inflation
    # limit (max(8 MiB, 32 x 0.3 MB)): an error record at 9.6 MB; before,
    # 958 MiB of peak RSS for a page of 0.3 MB whatever its output (the
    # decoded page, the tree, the text, the render and the CLI's copy).
    "gzip-bomb-ratio": (gzip_bomb, ("error", "inflation limit"), CALIBRATE_INFLATE_FLOOR),
    # A gzip page inside a Content-Encoding: gzip body, 24 KB inflating to 16
    # MiB of gzip data (under the floor) that inflates to 200 MB at 27 times
    # (under the ratio): each layer was held only to the one before it, and
    # the page cost 585 MiB of peak RSS (1,167 on main). The layers are now
    # held to the record's compressed size together.
    "warc-nested-gzip-bomb": (lambda: warc_record(b"Content-Encoding: gzip\r\n", nested_bomb()),
                              ("error", "inflation limit"), CALIBRATE_INFLATE_NESTED),
    # A page just under the floor (7.9 MiB from 8 KB) in the mode that copies
    # it most (--json --format markdown: the tree, the text, the text escaped
    # and the Markdown escaped): 42 MiB, within the bound of 8 KB. Under
    # session 15's first floor (16 MiB) such a page cost 81 MiB, over it.
    "warc-floor-page-json-md": (lambda: warc_record(b"Content-Encoding: gzip\r\n", gzip.compress(
        page(b"<p>" + b"x " * ((8 << 20) // 2 - 4096) + b"</p>"), 9, mtime=0)), ("ok"), CALIBRATE_INFLATE_FLOOR),
    # ... and one of 15.9 MiB: an error record under the 8 MiB floor; read
    # under a floor of 16 MiB, 81 MiB over the bound (MEM_BOUND catches a
    # floor raised that far).
    "warc-floor-16-json-md": (lambda: warc_record(b"Content-Encoding: gzip\r\n", gzip.compress(
        page(b"<p>" + b"x " * ((16 << 20) // 2 - 4096) + b"</p>"), 9, mtime=0)), "any", CALIBRATE_INFLATE_FLOOR),
    # ... and as an archive record's Content-Encoding: gzip body.
    "warc-content-gzip-bomb": (lambda: warc_record(b"Content-Encoding: gzip\r\n", gzip_bomb()),
                               ("error", "inflation limit"), CALIBRATE_INFLATE_FLOOR),
    # The HTML tree builder's shapes (src/parse/tree.c; limits CD_MAX_FORMATTING,
    # CD_PARSE_CLONES_*, CD_PARSE_NODES_*, CD_MAX_PARSE_DEPTH): misnested
    # formatting (adoption agency), reconstruction of many distinct formatting
    # elements, foster parenting, foreign content, templates, <select>.
    "misnested-a-b-p": (lambda: page(b"".join(b'<a href="/l%d"><b>bold <p>para %d</a> after a</b> after b</p>'
                                              % (i, i) for i in range(60000))), ("text", "para 0")),
    "misnested-a-b-p-open": (lambda: page(b"<a href=x>" + b"<b><p>text</a>more</b>" * 200000), "any"),
    "adoption-deep-b": (lambda: page(b"<b>" * 2000 + b"<div>x</b>y" * 200000), "any"),
    "reconstruct-16-distinct": (lambda: page(b"<div>" + b"".join(
        b'<%s class="c%d">' % (t, i) for i, t in enumerate([b"b", b"i", b"u", b"s", b"em", b"strong", b"small",
                                                            b"code", b"tt", b"font", b"strike", b"nobr", b"a"] * 2))
        + b"</div>" + b"<div>x</div>" * 200000), "any"),
    "p-inline-reconstruct": (lambda: page(b"<p><b><i><u><s>" + b"text</p><p>" * 200000), ("text", "text")),
    "foster-table-mixed": (lambda: page(b"<table>" + b"".join(
        b"text %d<tr>row<td>cell %d</td>after</tr><b>bold</b>" % (i, i) for i in range(30000)) + b"</table>"),
        ("text", "cell 0")),
    "foster-nested-tables": (lambda: page(b"<table><tr><td>" + b"<table>x<b>y" * 200000), "any"),
    "foster-text-continued": (lambda: page(b"<table>" + b"a<tr>" * 400000), "any"),
    "unclosed-a-blocks": (lambda: page(b"".join(b'<a href="/%d">link %d <div>block</div>' % (i, i)
                                               for i in range(50000))), ("text", "block")),
    "teaser-list-20k": (lambda: page(b"<ul>" + b"".join(
        b'<li class="teaser"><a href="/story/%d"><img src="/i/%d.jpg" alt="Photo %d"><h3>Teaser title number %d'
        b'</h3><p>Summary of the story %d, two lines of text.</p></a></li>\n' % (i, i, i, i, i)
        for i in range(20000)) + b"</ul>"), "any"),
    "svg-deep-500k": (lambda: page(b"<svg>" + b"<g>" * 500000 + b"</svg><p>after the drawing</p>"),
                      ("text", "after the drawing")),
    "svg-foreignobject-nested": (lambda: page(b"<svg><foreignObject><svg><foreignObject>" * 50000
                                              + b"<p>inside</p>"), "any"),
    "math-html-mixed": (lambda: page(b"<math><mi><b><math><mtext><i>" * 50000), "any"),
    "template-nested-200k": (lambda: page(b"<p>before the templates</p>" + b"<template>" * 200000 + b"x"),
                             ("text", "before the templates")),
    "select-option-formatting": (lambda: page(b"<p>before the select</p><select>" + b"<option>o<b>x" * 200000),
                                 ("text", "before the select")),
    "breadcrumbs-nested-20k": (lambda: page(b'<div class="breadcrumb"><a href="/a">a</a><a href="/b">b</a>' * 20000
                                            + b"<h1>crumbs</h1><p>after the crumbs</p>"), "any"),
    "news-tags-100k": (lambda: HEAD.replace(b"<title>Pathological</title>", b"".join(
        b'<meta property="article:tag" content="tag %d">' % i for i in range(100000)))
        + b"".join(b'<a rel="tag" href="/t/%d">t%d</a>' % (i, i) for i in range(100000)) + TAIL, "any"),
    # The HTML tokenizer's bounds (src/parse/tokenizer.c): named-reference
    # lookahead is at most the longest entity name, digits and comment dashes
    # are consumed once, duplicate attributes are dropped in O(1) each.
    "charref-letters-1m": (lambda: page(b"<p>&" + b"abcdefghij" * 100000 + b"</p><p>after the letters</p>"),
                           ("text", "after the letters")),
    "charref-prefixes-30k": (lambda: page(b"<p>" + b"&CounterClockwiseContourIntegra" * 30000
                                          + b"</p><p>after the references</p>"), ("text", "after the references")),
    "attr-charrefs-70k": (lambda: page(b"<p><a href='" + b"&amp&copy=&lt1&nGt;" * 70000
                                       + b"'>link</a> after the link</p>"), ("text", "after the link")),
    "charref-digits-1m": (lambda: page(b"<p>&#" + b"9" * 1000000 + b";&#x" + b"f" * 1000000
                                       + b";</p><p>after the digits</p>"), ("text", "after the digits")),
    "comment-dashes-1m": (lambda: page(b"<!--" + b"- -- --! <!-- --!" * 70000 + b"--><p>after the comment</p>"),
                          ("text", "after the comment")),
    "lt-signs-1m": (lambda: page(b"<p>" + b"< <" * 300000 + b"</p><p>after the signs</p>"),
                    ("text", "after the signs")),
    "attrs-duplicate-1m": (lambda: page(b"<p " + b"a=1 A=2 " * 150000 + b">after the duplicates</p>"),
                           ("text", "after the duplicates")),
    "cr-lf-1m": (lambda: page(b"<p>" + b"a\r\n\r" * 300000 + b"</p><p>after the breaks</p>"),
                 ("text", "after the breaks")),
    # Chains of short nested blocks, each with a word of its own, reset by a
    # table's end (19 bytes close 250 levels): every block is short, so the
    # extractor's phrase, signature, disclosure and cleaning checks ask each
    # of them, and a check that reads or walks the whole chain below or above
    # it costs depth x blocks (src/extract: CD_X_TEXT_DEPTH; S_stamp's walk
    # up; cd_x_subtract). Before session 11 (h/hostile2): 22 times the
    # instructions of a normal page of the same size (div-chain), 15 times its
    # CPU (li-chain, a-chain).
    "deep-div-text-chain": (lambda: page((b"<table><tr><td>" + b"<div>t" * 250 + b"</table>") * 1300),
                            ("text", "t")),
    "deep-li-text-chain": (lambda: page((b"<table><tr><td>" + b"<ul><li>t" * 125 + b"</table>") * 1700), "any"),
    "deep-a-text-chain": (lambda: page((b"<table><tr><td>" + b"<div><a href=/x>t</a>" * 250 + b"</table>") * 380),
                          "any"),
    "script-escapes-80k": (lambda: page(b"<script><!--" + b"<script>-<!--" * 80000
                                        + b"</script>--></script><p>after the script</p>"), "any"),
    # A menu of 20,000 items each marked as the page's own (class current):
    # each was a section candidate whose label the section rules checked
    # against every node of the page (is it the site's name? S_site_named in
    # src/meta/pick_news.c), items x nodes. Before session 12 (h/hostile3):
    # 38 times the instructions of a normal page at 0.25 MB, 78 times at
    # 0.5 MB (quadratic); now CD_META_PAGE_PASSES such passes a page.
    # 300,000 short paragraphs of a few words and no full stop (dates as
    # asctime writes them) and no prose: the body headline's test of a
    # headline set as a plain <p> (S_plain_head, src/meta/headline.c) is
    # asked of each, and kept three copies of texts in the page's arena:
    # 390.8 MB of peak RSS for these 18.9 MB before session 12 (h/hostile3),
    # over issue #14's 352 MiB (MEM_BOUND checks it); 222 MB now.
    "plain-heads-300k": (lambda: page(b"<p>Sat Dec 29 15:58:00 2007</p><p>Sat, 29 Dec 15:58:00 2007</p>" * 300000),
                         ("text", "2007")),
    # Spans named a byline, a date and an itemprop=author, 240 deep around one
    # text, 2,700 times (17.9 MB): each of them read the text, and the page's
    # arena kept every copy, at three times its length: 464 MiB of peak RSS
    # before session 12 (h/hostile3), over issue #14's 336 MiB; 141 MiB now.
    "named-spans-nested": (lambda: page((b"<span class=byline>" * 80 + b"<span class=date>" * 80
                                         + b"<span itemprop=author>" * 80 + b"word " * 60 + b"</span>" * 240) * 2700),
                           ("text", "word word")),
    "nav-current-20k": (lambda: page(b"".join(b'<nav><ul><li class="current active selected"><a href="/s/%d">Sec</a>'
                                              b'</li></ul></nav>' % i for i in range(20000))
                                     + b"<p>after the menus</p>"), "any"),
    # A page URL of 6,000 folders and 30,000 links to one-segment folders
    # (S_url_section, src/meta/pick_news.c, looked for each link's folder
    # along the whole URL path: links x URL length). The URL comes from
    # --url or an archive's WARC-Target-URI, not from the page (whose
    # canonical is cut at CD_META_MAX_VALUE). Session 13 (h/hostile4): at
    # 5 MB with 12,000 folders, 0.83 s (13.8 x the calibration); the
    # folders are now hashed once.
    "url-folders-links": (lambda: page(b"".join(b"<p><a href=/sec%d>Sec%d</a> text</p>" % (i, i)
                                                for i in range(30000))), "any"),
    # A data table of one 3,000-cell row and 50,000 one-cell rows: Markdown
    # padded every row to the widest (3 bytes a missing cell), 64 MiB of
    # output (CD_MAX_OUTPUT) from 0.5 MB.
    "md-table-ragged": (lambda: page(b"<table><tr>" + b"<td>c" * 3000 + b"<tr><td>x" * 50000 + b"</table>"), "any"),
    # One-row tables of two colspan=32 cells, 90,000 of them (5 MB): Markdown
    # made each 64 columns wide, its header and delimiter rows 9 bytes a
    # column: 42.7 MB of Markdown and 164 MB of peak RSS, over issue #14's
    # 140 MiB. A table is now no wider than it has cells.
    "md-colspan-tables": (lambda: page(b"<p>" + b"word " * 40 + b"</p>"
                                       + b"<table><tr><td colspan=32>a<td colspan=32>b</table>" * 90000), "any"),
    # Session 14 (h/hostile5): Markdown resolves each relative link against
    # the page's URL. A 2 KiB canonical (the most meta keeps) before 60,000
    # `<a href=x>y</a>` (1 MB) made 128 times the page in Markdown: 64 MiB
    # (CD_MAX_OUTPUT) and 161 MiB of peak RSS, over issue #14's 79 MiB.
    "md-canonical-long-links": (lambda: HEAD.replace(b"</head>", b'<link rel=canonical href="https://example.com/'
                                                     + b"a/" * 1000 + b'story.html"></head>')
                                + b"<article><h1>Pathological</h1><p>" + b"<a href=x>y</a> " * 60000
                                + b"</p></article>" + TAIL, "any"),
    # ... and a 100 KB page URL (--url; an archive's WARC-Target-URI may be
    # 64 KiB) was read whole for each of 120,000 `<a href=//a>b</a>`: 5.5 s
    # of CPU for 2 MB (main), quadratic.
    "md-url-long-netpath-links": (lambda: page(b"<article><h1>Pathological</h1><p>" + b"<a href=//a>b</a> " * 120000
                                               + b"</p></article>"), "any"),
    # One 60 KB href around 3,000 paragraphs (84 KB): Markdown closed the link
    # before each paragraph and reopened it after, writing the href each
    # time: 67 MB of Markdown, 133 MiB of peak RSS over issue #14's 65, and
    # 0.3 s of CPU (3.5 s per MB).
    "md-link-around-paragraphs": (lambda: page(b'<article><h1>Pathological</h1><p>' + b"word " * 40 + b"</p>"
                                               + b'<a href="https://example.com/' + b"a" * 60000 + b'">'
                                               + b"<p>x</p>" * 3000 + b"</a></article>"), "any"),
    # 8 nested `<ol start=2147483647><li>` around 4M `x<br>` lines (20 MB):
    # Markdown wrote the 88 bytes of list prefixes on every line, 18 bytes
    # per 5 of the page up to the node budget: 76 MB with --json and 374 MiB
    # of peak RSS, over issue #14's 369. Prefixes now have a budget.
    "md-ol-prefix-br-lines": (lambda: page(b"<article><h1>Pathological</h1><p>" + b"word " * 40 + b"</p>"
                                           + b"<ol start=2147483647><li>" * 8 + b"x<br>" * 4000000 + b"</article>"),
                              "any"),
}

# Extra options of a case (given to its calibration too).
CASE_ARGS = {
    "gzip-bomb": ["--max-inflation", "0"],
    "warc-floor-page-json-md": ["--format", "markdown"],
    "warc-floor-16-json-md": ["--format", "markdown"],
    "url-folders-links": ["--url", "https://example.com/" + "/".join("sec%d" % i for i in range(6000)) + "/story.html"],
    "md-table-ragged": ["--format", "markdown"],
    "md-colspan-tables": ["--format", "markdown"],
    "md-canonical-long-links": ["--format", "markdown"],
    "md-ol-prefix-br-lines": ["--format", "markdown"],
    "md-link-around-paragraphs": ["--format", "markdown"],
    "md-url-long-netpath-links": ["--format", "markdown", "--url", "https://example.com/" + "a/" * 50000 + "s.html"],
}


# Cases whose peak RSS is held to issue #14's bound, 16 x the page + 64 MiB
# (the others only to --mem-mb): shapes that once passed it.
MEM_BOUND = {"plain-heads-300k", "named-spans-nested", "md-table-ragged", "md-colspan-tables",
             "md-canonical-long-links", "md-ol-prefix-br-lines", "md-link-around-paragraphs",
             "gzip-bomb-ratio", "warc-content-gzip-bomb", "warc-nested-gzip-bomb", "warc-floor-page-json-md",
             "warc-floor-16-json-md"}


def is_sanitized(binary):
    with open(binary, "rb") as f:
        data = f.read()
    return b"__asan_init" in data or b"__ubsan_handle" in data


# The child is started by a small launcher process (a fresh interpreter), not
# forked from this one: a child's peak RSS (ru_maxrss) counts the resident
# memory of the process it was forked from, kept through exec, and this
# runner holds tens of MiB once it has built the larger cases' pages; forked
# from here, a 25 MB run of md-table-ragged read 97 MiB. The launcher sets the
# caps, runs the binary, and writes its status, CPU time and peak RSS.
# The limits stay within the ones inherited (a CI runner's `ulimit -v` or -t,
# which only root could raise; before, setrlimit failed there and every case
# exited 127 unexplained): the address-space cap at most the inherited hard
# limit, the CPU limits from tests/bounded.py cpu_limits (soft, hard).
LAUNCH = r"""
import os, resource, sys, traceback
cap, cpu, cpu_hard, res, argv = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:]
pid = os.fork()
if pid == 0:
    try:
        if cap:
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]
            cap = cap << 20 if hard == resource.RLIM_INFINITY else min(cap << 20, hard)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        if cpu:
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu_hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.execv(argv[0], argv)
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
with open(res, "w") as f:
    f.write("%d %r %d" % (os.waitstatus_to_exitcode(status), ru.ru_utime + ru.ru_stime, ru.ru_maxrss))
"""


def run(argv, mem_mb, cpu_limit, hang, tmp):
    """Run argv as one child; (status, stdout, stderr, cpu s, wall s, peak RSS MB).
    status is None on a hang (over cpu_limit s of CPU, or blocked past the
    wall-clock backstop, hang s), negative for another signal. mem_mb caps the address
    space (None: no cap). CPU time and RSS are this child's own (wait4, in the
    launcher above)."""
    res = os.path.join(tmp, "result")
    if os.path.exists(res):
        os.unlink(res)
    soft, hard = bounded.cpu_limits(cpu_limit)
    launcher = [sys.executable, "-S", "-c", LAUNCH, str(mem_mb or 0), str(soft), str(hard), res] + list(argv)

    def kill(p):
        try:
            os.killpg(p.pid, 9)
        except OSError:
            pass

    with open(os.path.join(tmp, "stdout"), "w+b") as fo, open(os.path.join(tmp, "stderr"), "w+b") as fe:
        t0 = time.monotonic()
        p = subprocess.Popen(launcher, stdout=fo, stderr=fe, stdin=subprocess.DEVNULL, start_new_session=True)
        timer = threading.Timer(hang, kill, (p,))
        timer.start()
        p.wait()
        wall = time.monotonic() - t0
        fired = not timer.is_alive() and wall >= hang
        timer.cancel()
        fo.seek(0)
        fe.seek(0)
        out, err = fo.read(), fe.read()
    if fired or not os.path.exists(res):
        return None if fired else -9, out, err, wall, wall, 0
    with open(res) as f:
        rc, cpu, maxrss = f.read().split()
    if int(rc) == -signal.SIGXCPU:
        return None, out, err, float(cpu), wall, int(maxrss) // 1024
    return int(rc), out, err, float(cpu), wall, int(maxrss) // 1024


def check(name, expect, rc, out, err):
    probs = []
    if rc is None:
        return ["did not end (a hang): over its CPU limit, or blocked past the wall-clock backstop"]
    if rc < 0:
        probs.append("killed by signal %d" % -rc)
    elif rc not in (0, 1):
        probs.append("exit status %d" % rc)
    try:
        text = out.decode("utf-8")
    except UnicodeDecodeError as e:
        return probs + ["stdout is not valid UTF-8: %s" % e]
    lines = [l for l in text.split("\n") if l]
    if len(lines) != 1:
        return probs + ["%d output lines, want 1; stderr: %.300s" % (len(lines), err.decode("utf-8", "replace"))]
    try:
        r = json.loads(lines[0])
    except ValueError as e:
        return probs + ["unparsable JSON (%s)" % e]
    if not isinstance(r, dict) or not isinstance(r.get("source"), str):
        return probs + ["record without source"]
    is_err = "error" in r
    if not is_err and not isinstance(r.get("text"), str):
        probs.append("record with neither text nor error")
    if rc in (0, 1) and rc != (1 if is_err else 0):
        probs.append("exit status %d with %s record" % (rc, "an error" if is_err else "a text"))
    if expect == "ok" and is_err:
        probs.append("error record: %s" % r.get("error"))
    elif isinstance(expect, tuple):
        kind, want = expect
        if kind == "error" and (not is_err or want not in str(r.get("error"))):
            probs.append("want an error mentioning %r, got %s" % (want, ("error %r" % r.get("error")) if is_err
                                                                  else "a text record"))
        if kind == "text" and (is_err or want not in r.get("text", "")):
            probs.append("want text containing %r, got %s" % (want, ("error %r" % r.get("error")) if is_err
                                                              else "%d chars of text" % len(r.get("text", ""))))
    return probs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--ratio", type=float, default=16.0,
                    help="largest CPU cost allowed, as a multiple of the calibration's (default 16)")
    ap.add_argument("--mem-mb", type=int, default=1024)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args()
    if a.list:
        print("\n".join(CASES))
        return 0
    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        print("pathological: FAIL: %s missing" % binary)
        print("pathological: 0 passed, 1 failed")
        return 1
    bad = [c for c in a.cases if c not in CASES]
    if bad:
        sys.exit("pathological: unknown case(s): %s" % ", ".join(bad))
    slow = float(os.environ.get("CD_PATHOLOGICAL_SLOWDOWN", "1") or 1)
    ratio = a.ratio * slow
    sanitized = is_sanitized(binary)
    cpu_limit, hang = 120.0 * slow, bounded.HANG_SECONDS * slow
    tmp = tempfile.mkdtemp(prefix="cd-pathological-")
    passed = failed = 0
    worst = (0.0, "")
    print("pathological: cost at most %g x the calibration's (slowdown x%g), memory cap %d MB (%s)"
          % (ratio, slow, a.mem_mb, "peak RSS, sanitizer build" if sanitized else "RLIMIT_AS"))
    try:
        for name in (a.cases or list(CASES)):
            gen, expect = CASES[name][:2]
            calib = CASES[name][2] if len(CASES[name]) > 2 else None
            path = os.path.join(tmp, name + ".html")
            with open(path, "wb") as f:
                f.write(gen())
            size = os.path.getsize(path)
            if calib:
                calib_argv = calib(path)
            else:
                cpath = os.path.join(tmp, "calibration.html")
                with open(cpath, "wb") as f:
                    f.write(calibration_page(size))
                calib_argv = [binary, "--json", "-q"] + CASE_ARGS.get(name, []) + [cpath]
            cap = None if sanitized else a.mem_mb
            costs, ccosts = [], []
            probs = []
            for attempt in range(3):
                crc, cout, cerr, ccpu, _, _ = run(calib_argv, None, cpu_limit, hang, tmp)
                if crc is None or crc < 0:
                    probs.append("calibration failed (status %s): %.300s" % (crc, cerr.decode("utf-8", "replace")))
                    break
                rc, out, err, cpu, wall, rss = run([binary, "--json", "-q"] + CASE_ARGS.get(name, []) + [path], cap, cpu_limit, hang, tmp)
                costs.append(cpu)
                ccosts.append(ccpu)
                if attempt == 0:
                    probs = check(name, expect, rc, out, err)
                    if sanitized and rss > a.mem_mb:
                        probs.append("peak RSS %d MB over the %d MB cap" % (rss, a.mem_mb))
                    bound = 16 * size / 1048576.0 + 64
                    if name in MEM_BOUND and not sanitized and rss > bound:
                        probs.append("peak RSS %d MiB over 16 x the page + 64 MiB (%.0f MiB)" % (rss, bound))
                    if probs:
                        break
                r = min(costs) / max(min(ccosts), 1e-3)
                if r <= ratio:
                    break
            r = min(costs) / max(min(ccosts), 1e-3) if costs and ccosts else 0.0
            if costs and not probs and r > ratio:
                probs.append("cost %.3f s of CPU = %.1f x its calibration (%.3f s), over %g x (least of %d runs)"
                             % (min(costs), r, min(ccosts), ratio, len(costs)))
            worst = max(worst, (r, name))
            for p in (path, os.path.join(tmp, "calibration.html")):
                if os.path.exists(p):
                    os.unlink(p)
            print("%-4s %-24s %9.1f KB  cpu %6.3f s  calibration %6.3f s  ratio %5.2f%s"
                  % ("ok" if not probs else "FAIL", name, size / 1024.0, min(costs) if costs else 0,
                     min(ccosts) if ccosts else 0, r, "  (%d runs)" % len(costs) if len(costs) > 1 else ""))
            for pr in probs:
                print("     " + pr)
            if probs:
                failed += 1
            else:
                passed += 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("pathological: %d passed, %d failed; highest ratio %.2f (%s), limit %g"
          % (passed, failed, worst[0], worst[1], ratio))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
