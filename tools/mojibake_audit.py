#!/usr/bin/env python3
"""Count double-encoded UTF-8 in what copydesk decodes, page by page (docs/decisions.md §11).

    tools/mojibake_audit.py [--bin build/copydesk] [--data DIR] [--list] [SET ...]

SET: wcxb, l3s, readability, cleaneval (default: all four). Each page goes
through `copydesk --dump-tree` (decode + parse: every text node, attribute
and script as decoded), and the dump is searched for candidates: a character
whose windows-1252 / ISO-8859-1 byte is a UTF-8 lead byte followed by the
characters whose bytes complete a valid UTF-8 sequence. Per set it prints the
pages with a candidate, split by mechanism:
  legacy   the page's bytes are valid UTF-8 with a single multi-byte sequence
           (so a latin-1 declaration stands, decisions §3) -- read as latin-1;
  through  every non-ASCII character of the dump is in a candidate;
  mixed    candidates beside other non-ASCII text (some fields double-encoded,
           or real text that forms candidates: "NESCAFÉ®").
Run it with main's binary for the before, with a branch's for what is left.
--list prints each page with its counts and most common candidates.
"""
import argparse
import collections
import gzip
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# windows-1252 characters of 0x80..0x9F (the rest map to their own byte)
W1252 = {0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
         0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
         0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
         0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
         0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F}


def byte_of(ch):
    o = ord(ch)
    return o if 0x80 <= o <= 0xFF else W1252.get(o)


def candidates(t):
    """(start, end) of each candidate in t, left to right, not overlapping."""
    i, n, out = 0, len(t), []
    while i < n:
        b = byte_of(t[i])
        if b is None or not 0xC2 <= b <= 0xF4:
            i += 1
            continue
        k = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
        bs = [b]
        for j in range(1, k):
            c = byte_of(t[i + j]) if i + j < n else None
            if c is None or not 0x80 <= c <= 0xBF:
                break
            bs.append(c)
        if len(bs) == k:
            try:
                bytes(bs).decode("utf-8")
                out.append((i, i + k))
                i += k
                continue
            except UnicodeDecodeError:
                pass
        i += 1
    return out


def pages(data, which):
    sets = {
        "wcxb": ("wcxb-dev/html", None),
        "l3s": ("l3s-gn1/html", None),
        "readability": ("readability/pages", "source.html"),
        "cleaneval": ("cleanportaleval/input", None),
    }
    for name in which:
        sub, leaf = sets[name]
        d = os.path.join(data, sub)
        for f in sorted(os.listdir(d)):
            p = os.path.join(d, f, leaf) if leaf else os.path.join(d, f)
            if os.path.isfile(p):
                yield name, f.split(".")[0], p


def single_sequence_utf8(path):
    raw = open(path, "rb").read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return sum(1 for c in text if ord(c) > 127) == 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--data", default=os.environ.get("CD_DATA", os.path.join(TOP, "..", "shared", "data")))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("sets", nargs="*", default=["wcxb", "l3s", "readability", "cleaneval"])
    a = ap.parse_args()
    per = collections.defaultdict(collections.Counter)
    for s, name, path in pages(a.data, a.sets):
        r = subprocess.run([a.bin, "--dump-tree", path], capture_output=True)
        t = r.stdout.decode("utf-8", "replace")
        c = candidates(t)
        per[s]["pages"] += 1
        if not c:
            continue
        inside = sum(e - b for b, e in c)
        other = sum(1 for ch in t if ord(ch) > 127) - inside
        kind = "legacy" if single_sequence_utf8(path) else "through" if other == 0 else "mixed"
        per[s]["with a candidate"] += 1
        per[s][kind] += 1
        per[s]["candidates"] += len(c)
        if a.list:
            common = collections.Counter(t[b:e] for b, e in c).most_common(4)
            print("%s %s %s candidates=%d other=%d %r" % (s, name, kind, len(c), other, common))
    for s in a.sets:
        p = per[s]
        print("%-12s pages %5d  with a candidate %3d  (legacy %d, through %d, mixed %d)  candidates %d"
              % (s, p["pages"], p["with a candidate"], p["legacy"], p["through"], p["mixed"], p["candidates"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
