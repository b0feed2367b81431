#!/usr/bin/env python3
"""Made-up batch at issue #13's scale, for the site model's memory bound.

    tests/site/gen_batch.py OUTDIR [--pages 100000] [--hosts 10000] [--files 10]
                            [--blocks 120] [--words 5]

Writes OUTDIR/batch-NN.warc (uncompressed WARC/1.1 response records), the
pages spread over the files in order. Page p belongs to host
(p * 2654435761) % hosts (as tests/site/sitedump.c's `mem` mode files them)
and is

    <link rel=canonical href="https://www.hHOST-example.com/p/P">
    <nav> 40 menu items of two words, the same on every page of the host </nav>
    <article> BLOCKS paragraphs of WORDS made-up words, the page's own </article>

Words are letters only (digits fold to 0 in fingerprints) and deterministic:
the same arguments give the same bytes. Keep the output in /tmp: at the
defaults it is about 560 MB (docs/sites.md "Memory bound" uses it).
"""
import argparse
import os

ALPHA = "abcdefghijklmnopqrstuvwxyz"
M64 = (1 << 64) - 1


def rnd(st):
    st = (st + 0x9E3779B97F4A7C15) & M64
    x = st
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & M64
    return st, x ^ (x >> 31)


def word(x):
    n = 3 + x % 6
    out = []
    for _ in range(n):
        out.append(ALPHA[x % 26])
        x //= 26
    return "".join(out)


def page(p, hosts, blocks, words):
    h = (p * 2654435761) % hosts
    parts = ['<!doctype html><html><head><meta charset="utf-8"><title>Story %d</title>'
             '<link rel="canonical" href="https://www.h%x-example.com/p/%d"></head><body><nav><ul>' % (p, h, p)]
    for k in range(40):
        cs = (h * 1000003 + k) & M64
        cs, a = rnd(cs)
        cs, b = rnd(cs)
        parts.append('<li class="menu"><a href="/s/%d">%s %s</a></li>' % (k, word(a), word(b)))
    parts.append("</ul></nav><article><h1>Story %d</h1>" % p)
    st = (p * 7919 + 1) & M64
    for _ in range(blocks):
        ws = []
        for _ in range(words):
            st, x = rnd(st)
            ws.append(word(x))
        parts.append("<p>%s.</p>" % " ".join(ws))
    parts.append("</article></body></html>")
    return "".join(parts).encode(), h


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=100000)
    ap.add_argument("--hosts", type=int, default=10000)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--blocks", type=int, default=120)
    ap.add_argument("--words", type=int, default=5)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    per = (a.pages + a.files - 1) // a.files
    total = 0
    for f in range(a.files):
        with open(os.path.join(a.out, "batch-%02d.warc" % f), "wb") as o:
            for p in range(f * per, min(a.pages, (f + 1) * per)):
                body, h = page(p, a.hosts, a.blocks, a.words)
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body)
                block = http + body
                url = "https://www.h%x-example.com/p/%d" % (h, p)
                head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
                        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012x>\r\n"
                        "WARC-Date: 2026-01-01T00:00:00Z\r\n"
                        "Content-Type: application/http; msgtype=response\r\n"
                        "Content-Length: %d\r\n\r\n" % (url, p, len(block))).encode()
                o.write(head + block + b"\r\n\r\n")
                total += len(body)
    print("%d pages over %d hosts in %d files, %d bytes of HTML" % (a.pages, a.hosts, a.files, total))


if __name__ == "__main__":
    main()
