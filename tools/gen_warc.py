#!/usr/bin/env python3
"""Generate a WARC/1.1 file of HTML pages, the way Common Crawl writes them.

    tools/gen_warc.py -o /tmp/pages.warc.gz DIR|FILE ... [--target-size 1G]
                      [--compress record|file|none] [--level N] [--seed S]

Inputs: files and directories (recursively: *.html, *.htm, *.html.gz). Each page
becomes one `response` record (WARC/1.1, gzip per record by default) whose block
is an HTTP/1.1 response: status line, `Content-Type: text/html; charset=X`,
`Content-Length`, then the page bytes as they are (gunzipped). A `warcinfo`
record comes first, and a `request` record precedes each response (as crawlers
write them; the extractor skips it).

The charset in Content-Type is the one the page declares itself (BOM, or
<meta charset> / http-equiv in the first 1024 bytes), else utf-8 when the bytes
are valid UTF-8, else none: so the transport hint never changes how a page is
decoded, and extraction from the WARC gives the same text as from the page.

--target-size repeats the page list (new record ids each pass) until the output
reaches that many bytes (suffixes k, M, G: powers of 1024), for memory and
throughput tests. Record ids are uuid5 values derived from --seed, the pass and
the page index, so output is reproducible.

The output must not be inside the repository: generated files belong under /tmp
or a build directory.
"""
import argparse
import gzip
import os
import re
import sys
import uuid
import zlib

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

META_RE = re.compile(
    rb"""<meta[^>]+?(?:charset\s*=\s*["']?\s*([A-Za-z0-9_:.()-]+))""", re.I)
BOMS = [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16le"), (b"\xfe\xff", "utf-16be")]


def size_arg(s):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmMgG]?)", s.strip())
    if not m:
        raise argparse.ArgumentTypeError("a size like 10M or 1G")
    mult = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()]
    return int(float(m.group(1)) * mult)


def pages(args):
    out = []
    for a in args:
        if os.path.isdir(a):
            for root, dirs, files in os.walk(a):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith((".html", ".htm", ".html.gz")):
                        out.append(os.path.join(root, f))
        else:
            out.append(a)
    return out


def read_page(path):
    with open(path, "rb") as f:
        b = f.read()
    if b[:2] == b"\x1f\x8b":
        b = gzip.decompress(b)
    return b


def page_charset(b):
    for bom, name in BOMS:
        if b.startswith(bom):
            return name
    m = META_RE.search(b[:1024])
    if m:
        return m.group(1).decode("ascii").lower()
    try:
        b.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return None


def record(headers, block):
    head = "WARC/1.1\r\n" + "".join("%s: %s\r\n" % kv for kv in headers)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode("utf-8") + block + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--target-size", type=size_arg, default=0,
                    help="repeat pages until the file has this many bytes")
    ap.add_argument("--compress", choices=["record", "file", "none"], default="record")
    ap.add_argument("--level", type=int, default=6, help="gzip level (1 is fastest)")
    ap.add_argument("--seed", default="copydesk")
    ap.add_argument("--url-prefix", default="https://example.org/")
    ap.add_argument("--date", default="2026-01-01T00:00:00Z")
    a = ap.parse_args()

    outp = os.path.realpath(a.output)
    if outp == TOP or outp.startswith(TOP + os.sep):
        build = os.path.join(TOP, "build")
        if not outp.startswith(build + os.sep):
            sys.exit("gen_warc: refusing to write inside the repository: %s" % a.output)

    paths = pages(a.inputs)
    if not paths:
        sys.exit("gen_warc: no pages found")
    ns = uuid.uuid5(uuid.NAMESPACE_URL, "copydesk-gen-warc:" + a.seed)

    whole = None
    f = open(a.output, "wb")
    if a.compress == "file":
        whole = zlib.compressobj(a.level, zlib.DEFLATED, 16 + 15)

    written = 0

    def emit(rec):
        nonlocal written
        if a.compress == "record":
            data = gzip.compress(rec, compresslevel=a.level, mtime=0)
        elif a.compress == "file":
            data = whole.compress(rec)
        else:
            data = rec
        f.write(data)
        written += len(data)

    info = ("software: copydesk tools/gen_warc.py\r\nformat: WARC File Format 1.1\r\n"
            "pages: %d\r\n" % len(paths)).encode()
    emit(record([("WARC-Type", "warcinfo"),
                 ("WARC-Record-ID", "<urn:uuid:%s>" % uuid.uuid5(ns, "warcinfo")),
                 ("WARC-Date", a.date),
                 ("Content-Type", "application/warc-fields")], info))

    base = (os.path.commonpath([os.path.dirname(os.path.abspath(x)) for x in paths]))
    cache = {}
    n = 0
    rep = 0
    while True:
        for i, p in enumerate(paths):
            body = cache.get(p)
            if body is None:
                body = read_page(p)
                if len(cache) < 4096:
                    cache[p] = body
            cs = page_charset(body)
            rel = os.path.relpath(os.path.abspath(p), base)
            url = a.url_prefix + rel.replace(os.sep, "/")
            if url.endswith(".gz"):
                url = url[:-3]
            if rep:
                url += "?rep=%d" % rep
            rid = uuid.uuid5(ns, "%d/%d" % (rep, i))
            qid = uuid.uuid5(ns, "req/%d/%d" % (rep, i))
            req = ("GET /%s HTTP/1.1\r\nHost: example.org\r\nUser-Agent: copydesk-gen\r\n\r\n"
                   % rel).encode()
            emit(record([("WARC-Type", "request"),
                         ("WARC-Record-ID", "<urn:uuid:%s>" % qid),
                         ("WARC-Date", a.date),
                         ("WARC-Target-URI", url),
                         ("Content-Type", "application/http; msgtype=request")], req))
            ct = "text/html" + ("; charset=%s" % cs if cs else "")
            http = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
                    % (ct, len(body))).encode()
            emit(record([("WARC-Type", "response"),
                         ("WARC-Record-ID", "<urn:uuid:%s>" % rid),
                         ("WARC-Date", a.date),
                         ("WARC-Target-URI", url),
                         ("WARC-Concurrent-To", "<urn:uuid:%s>" % qid),
                         ("Content-Type", "application/http; msgtype=response")], http + body))
            n += 1
            if a.target_size and written >= a.target_size:
                break
        rep += 1
        if not a.target_size or written >= a.target_size:
            break
    if whole is not None:
        tail = whole.flush()
        f.write(tail)
        written += len(tail)
    f.close()
    print("gen_warc: %s: %d response records, %d bytes" % (a.output, n, written),
          file=sys.stderr)


if __name__ == "__main__":
    main()
