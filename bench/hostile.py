#!/usr/bin/env python3
"""CPU seconds per MB and peak memory of hostile page shapes, end to end.

    bench/hostile.py [--bin build/copydesk] [--runs 3] [--only NAME ...] [--list]

A benchmark, not a test (issue #14's bound: any page within 0.1 s of CPU per
MB and 16x its size + 64 MiB of memory). Each shape is generated at the size
the issue quotes (or about 10 MB) into a temporary directory and run as
`copydesk --json -q FILE`, each run its own child; its CPU time is user +
system of that child and its peak RSS, from /usr/bin/time (getrusage).
Every shape is interleaved with its baseline in the same run: a normal
article page of the same byte size (tests/pathological calibration_page), so
a loaded machine slows both alike. Each is run --runs times and the least CPU
time is kept (the least disturbed run). The load average is printed before
and after. No hardware counters on this VM (perf stat: instructions not
supported), hence CPU time.
"""
import argparse
import os
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tests", "pathological"))
import run as patho  # noqa: E402  (page(), calibration_page())

page = patho.page


def teaser(n):
    return page(b"<ul>" + b"".join(
        b'<li class="teaser"><a href="/story/%d"><img src="/i/%d.jpg" alt="Photo %d"><h3>Teaser title number %d'
        b'</h3><p>Summary of the story %d, two lines of text.</p></a></li>\n' % (i, i, i, i, i)
        for i in range(n)) + b"</ul>")


def foster(n):
    return page(b"<table>" + b"".join(
        b"text %d<tr>row<td>cell %d</td>after</tr><b>bold</b>" % (i, i) for i in range(n)) + b"</table>")


def misnested(n):
    return page(b"".join(b'<a href="/l%d"><b>bold <p>para %d</a> after a</b> after b</p>' % (i, i)
                         for i in range(n)))


# name -> generator; sizes as issue #14 quotes them (28 MB, 8.8 MB, 9.8 MB) or about 10 MB.
SHAPES = {
    "misnested-a-b-p (28 MB)": lambda: misnested(420000),
    "misnested-a-b-p-open": lambda: page(b"<a href=x>" + b"<b><p>text</a>more</b>" * 1000000),
    "adoption-deep-b": lambda: page(b"<b>" * 2000 + b"<div>x</b>y" * 1000000),
    "reconstruct-28-distinct": lambda: page(b"<div>" + b"".join(
        b'<%s class="c%d">' % (t, i) for i, t in enumerate([b"b", b"i", b"u", b"s", b"em", b"strong", b"small",
                                                            b"code", b"tt", b"font", b"strike", b"nobr", b"a",
                                                            b"big"] * 2))
        + b"</div>" + b"<div>x</div>" * 1000000),
    "foster-table (8.8 MB)": lambda: foster(160000),
    "foster-text-continued": lambda: page(b"<table>" + b"a<tr>" * 2000000),
    "foster-nested-tables": lambda: page(b"<table><tr><td>" + b"<table>x<b>y" * 800000),
    "teaser-list (9.8 MB)": lambda: teaser(57000),
    "nested-div-1m": lambda: page(b"<div>" * 1000000 + b"deep text" + b"</div>" * 1000000),
    "inline-b-2m": lambda: page(b"<b>" * 2000000 + b"bold text"),
    "nested-tables-600k": lambda: page(b"<table><tr><td>" * 600000 + b"cell text"),
    "attrs-1m-one-tag": lambda: page(b"<p " + b" ".join(b"a%d=%d" % (i, i) for i in range(1000000))
                                     + b">after many attributes</p>"),
    "attrs-many-tags": lambda: page(b"".join(b"<span " + b" ".join(b"d%d=v" % k for k in range(200))
                                             + b">t</span>" for _ in range(7000))),
    "attrs-duplicate-1m": lambda: page(b"<p " + b"a=1 A=2 " * 1250000 + b">after the duplicates</p>"),
    "svg-deep-2m": lambda: page(b"<svg>" + b"<g>" * 2000000 + b"</svg><p>after the drawing</p>"),
    "svg-foreignobject-nested": lambda: page(b"<svg><foreignObject><svg><foreignObject>" * 250000
                                             + b"<p>inside</p>"),
    "math-html-mixed": lambda: page(b"<math><mi><b><math><mtext><i>" * 350000),
    "svg-paths-attrs": lambda: page(b"<svg>" + b'<path d="M0 0L10 10" fill="red"/><text x="1">t</text>' * 180000
                                    + b"</svg><p>after</p>"),
    "template-nested-1m": lambda: page(b"<p>before the templates</p>" + b"<template>" * 1000000 + b"x"),
    "br-2m": lambda: page(b"<p>" + b"x<br>" * 2000000 + b"</p>"),
    # Session 11, h/hostile2: shapes of the later stages (docs/limits.md).
    "deep-div-text-chain": lambda: page((b"<table><tr><td>" + b"<div>t" * 250 + b"</table>") * 6600),
    "deep-li-text-chain": lambda: page((b"<table><tr><td>" + b"<ul><li>t" * 125 + b"</table>") * 8700),
    "deep-a-text-chain": lambda: page((b"<table><tr><td>" + b"<div><a href=/x>t</a>" * 250 + b"</table>") * 1900),
    "table-1400x1400": lambda: page(b"<table>" + b"".join(b"<tr>" + b"<td>c" * 1400 for _ in range(1400)) + b"</table>"),
    "li-implied-2m": lambda: page(b"<ul>" + b"<li>item" * 1600000),
    "dt-dd-implied-1m": lambda: page(b"<dl>" + b"<dt>t<dd>d" * 1000000),
    "headings-in-headings": lambda: page(b"<h1><h2><h3>x" * 800000),
    "headings-500k": lambda: page(b"".join(b"<h2>Heading %d</h2>" % i for i in range(500000))),
    "links-300k-one-p": lambda: page(b"<p>" + b"".join(b'<a href="/l%d">link %d</a> ' % (i, i)
                                                        for i in range(300000)) + b"</p>"),
    "select-optgroup-nest": lambda: page(b"<select>" + b"<option><optgroup>x" * 500000),
    "html-attrs-merge-500k": lambda: b"<html><body><p>x</p>" + b"".join(b"<html a%d=v b%d=w>" % (i, i)
                                                                      for i in range(500000)),
    "charref-ambiguous": lambda: page(b"<p>" + b"&amp &notit &copyx" * 600000 + b"</p>"),
    "bylines-p-500k": lambda: page(b"<p>By John Smith</p>" * 560000),
    "time-160k": lambda: page(b"".join(b'<time datetime="2024-03-%02dT10:00:00Z">March %d, 2024</time> '
                                       % (i % 28 + 1, i % 28 + 1) for i in range(160000))),
    # session 12 (h/hostile3): shapes of the quality rules of sessions 10-11
    "nav-current-100k": lambda: page(b"".join(b'<nav><ul><li class="current active selected"><a href="/s/%d">Sec</a>'
                                              b'</li></ul></nav>' % i for i in range(100000))),
    "photo-labels-200k": lambda: page(b"".join(b"<p>Photo: Jane Doe %d/AFP/Getty Images</p>" % i for i in range(200000))),
    "date-lines-100k": lambda: page(b"".join(b"<p>Updated Feb 11, 2026 10:%02d AM ET</p><p>8 min read</p>"
                                             b"<p>Last updated on March 3, 2025</p>" % (i % 60) for i in range(100000))),
    "byline-names-alone-170k": lambda: page(b"<p>John Smith, Staff Writer</p><p>Jane Doe and Tom Roe</p>" * 170000),
    "menu-one-line-30k": lambda: page(b"".join(b"<p>" + b" | ".join(b'<a href="/s/%d">Sec %d</a>' % (k, k) for k in range(8))
                                               + b"</p>" for _ in range(30000))),
    "named-spans-nested": lambda: page((b"<span class=byline>" * 80 + b"<span class=date>" * 80
                                        + b"<span itemprop=author>" * 80 + b"word " * 60 + b"</span>" * 240) * 1500),
    "plain-heads-150k": lambda: page(b"<p>Sat Dec 29 15:58:00 2007</p><p>Sat, 29 Dec 15:58:00 2007</p>" * 150000),
    "staff-agencies-100k": lambda: page(b"<p>Staff and agencies</p><p>With files from the Canadian Press</p>"
                                        b"<p>Source: Acme Wire Service</p>" * 100000),
    # session 13 (h/hostile4): shapes of the news parts, metadata, site learning and output
    "url-folders-links (--url)": lambda: page(b"".join(b"<p><a href=/sec%d>Sec%d</a> text</p>" % (i, i)
                                                       for i in range(120000))),
    "md-table-ragged (--format markdown)": lambda: page(b"<table><tr>" + b"<td>c" * 3000 + b"<tr><td>x" * 500000
                                                        + b"</table>"),
    "md-colspan-tables (--format markdown)": lambda: page(b"<table><tr><td colspan=32>a<td colspan=32>b</table>"
                                                          * 90000),
    "md-colspan-rows (--format markdown)": lambda: page(b"<table>" + b"<tr><td colspan=32>a<td colspan=32>b"
                                                        * 135000 + b"</table>"),
    # session 14 (h/hostile5): links resolved against a long page URL in Markdown
    "md-canonical-long-links (--format markdown)": lambda: patho.HEAD.replace(
        b"</head>", b'<link rel=canonical href="https://example.com/' + b"a/" * 1000 + b'story.html"></head>')
        + b"<article><h1>Links</h1><p>" + b"<a href=x>y</a> " * 320000 + b"</p></article>" + patho.TAIL,
    "md-url-long-netpath-links (--url, --format markdown)": lambda: page(
        b"<article><h1>Links</h1><p>" + b"<a href=//a>b</a> " * 280000 + b"</p></article>"),
    "md-ol-prefix-br-lines (--format markdown)": lambda: page(b"<ol start=2147483647><li>" * 8 + b"x<br>" * 4000000),
    "md-link-around-paragraphs (--format markdown)": lambda: page(b"".join(
        b'<a href="https://example.com/' + b"a" * 60000 + b'">' + b"<p>x</p>" * 3000 + b"</a>" for _ in range(60))),
}

# Options a shape runs with (its baseline too): the shapes of output formats
# and of a page URL given from outside (--url, or an archive's WARC-Target-URI).
ARGS = {
    "url-folders-links (--url)": ["--url", "https://example.com/" + "/".join("sec%d" % i for i in range(12000))
                                  + "/story.html"],
    "md-table-ragged (--format markdown)": ["--format", "markdown"],
    "md-colspan-tables (--format markdown)": ["--format", "markdown"],
    "md-colspan-rows (--format markdown)": ["--format", "markdown"],
    "md-canonical-long-links (--format markdown)": ["--format", "markdown"],
    "md-ol-prefix-br-lines (--format markdown)": ["--format", "markdown"],
    "md-link-around-paragraphs (--format markdown)": ["--format", "markdown"],
    "md-url-long-netpath-links (--url, --format markdown)": ["--format", "markdown", "--url",
                                                             "https://example.com/" + "a/" * 50000 + "s.html"],
}


def run_once(binary, path, tmp, args=()):
    """(exit status, CPU s, system s, peak RSS MB) of one run. Through
    /usr/bin/time: a child forked from this Python process would report the
    parent's resident size (the generated page) as its own peak."""
    rep = os.path.join(tmp, "time.out")
    subprocess.run(["/usr/bin/time", "-f", "%x %U %S %M", "-o", rep, binary, "--json", "-q"] + list(args) + [path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(rep) as f:
        rc, user, sys_, rss = f.read().split()[-4:]
    return int(rc), float(user) + float(sys_), float(sys_), int(rss) / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args()
    names = [n for n in SHAPES if not a.only or any(o in n for o in a.only)]
    if a.list:
        print("\n".join(names))
        return 0
    print("load average before: %.2f %.2f %.2f\n" % os.getloadavg())
    print("| shape | size MB | CPU s (best of %d) | sys s | s/MB | baseline s/MB | ratio | peak RSS MB |"
          " 16x+64MiB | exit |" % a.runs)
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="cd-hostile-") as tmp:
        for name in names:
            data = SHAPES[name]()
            path = os.path.join(tmp, "shape.html")
            with open(path, "wb") as f:
                f.write(data)
            cal = patho.calibration_page(len(data))
            cpath = os.path.join(tmp, "baseline.html")
            with open(cpath, "wb") as f:
                f.write(cal)
            best = cbest = None
            for _ in range(a.runs):
                r = run_once(a.bin, path, tmp, ARGS.get(name, ()))
                c = run_once(a.bin, cpath, tmp, ARGS.get(name, ()))
                if best is None or r[1] < best[1]:
                    best = r
                if cbest is None or c[1] < cbest[1]:
                    cbest = c
            mb = len(data) / 1e6
            spm, cspm = best[1] / mb, cbest[1] / (len(cal) / 1e6)
            worst = max(worst, spm)
            lim = 16 * len(data) / 2**20 + 64
            print("| %s | %.1f | %.2f | %.2f | %.3f | %.3f | %.2f | %.0f | %.0f | %d |"
                  % (name, mb, best[1], best[2], spm, cspm, spm / cspm, best[3], lim, best[0]), flush=True)
    print("\nload average after: %.2f %.2f %.2f" % os.getloadavg())
    print("worst shape: %.3f s/MB" % worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
