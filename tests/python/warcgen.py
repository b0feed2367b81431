"""Small WARC writer for the tests: records of every kind the reader must handle."""
import gzip
import os
import uuid
import zlib

PAGES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                     "..", "shared", "data", "wcxb-dev", "html")


def article(title, words=60, extra=""):
    body = " ".join("word%d" % (i % 17) for i in range(words))
    return ("<!DOCTYPE html><html lang=en><head><title>%s</title></head><body><nav>Home | News</nav>"
            "<article><h1>%s</h1><p>%s. %s</p><p>Second paragraph of %s with more text here.</p>%s"
            "</article></body></html>" % (title, title, body, title, title, extra))


def record(wtype, block, uri=None, ctype=None, date="2024-05-01T10:00:00Z", n=[0], headers=()):
    n[0] += 1
    rid = "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "copydesk-test-%d" % n[0])
    h = ["WARC/1.1", "WARC-Type: " + wtype, "WARC-Record-ID: " + rid, "WARC-Date: " + date]
    if uri:
        h.append("WARC-Target-URI: " + uri)
    if ctype:
        h.append("Content-Type: " + ctype)
    h += list(headers)
    h.append("Content-Length: %d" % len(block))
    return ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(body, ctype="text/html; charset=utf-8", extra=(), chunked=False):
    h = ["HTTP/1.1 200 OK"]
    if ctype:
        h.append("Content-Type: " + ctype)
    h += list(extra)
    if chunked:
        h.append("Transfer-Encoding: chunked")
        parts = [body[i:i + 700] for i in range(0, len(body), 700)]
        body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"
    else:
        h.append("Content-Length: %d" % len(body))
    return ("\r\n".join(h) + "\r\n\r\n").encode() + body


def response(uri, body, **kw):
    return record("response", http(body, **kw), uri, "application/http; msgtype=response")


def sample_records(n_pages=6):
    """A list of record byte strings covering the reader's cases."""
    recs = [record("warcinfo", b"software: copydesk tests\r\n", ctype="application/warc-fields")]
    pages = sorted(os.listdir(PAGES))[:n_pages] if os.path.isdir(PAGES) else []
    for i, name in enumerate(pages):
        with gzip.open(os.path.join(PAGES, name)) as f:
            body = f.read()
        uri = "https://news.example/%d.html" % i
        recs.append(record("request", b"GET /%d.html HTTP/1.1\r\nHost: news.example\r\n\r\n" % i, uri,
                           "application/http; msgtype=request"))
        recs.append(response(uri, body, ctype="text/html", chunked=(i % 2 == 1)))
    recs.append(response("https://a.example/utf8", article("Plain UTF-8 \u00e9t\u00e9").encode()))
    recs.append(response("https://a.example/chunked", article("Chunked body", 400).encode(), chunked=True))
    recs.append(response("https://a.example/gz", gzip.compress(article("Gzip encoded").encode()),
                         extra=["Content-Encoding: gzip"]))
    recs.append(response("https://a.example/deflate", zlib.compress(article("Deflate encoded").encode()),
                         extra=["Content-Encoding: deflate"]))
    recs.append(response("https://a.example/cp1252", article("Caf\u00e9 cr\u00e8me na\u00efve").encode("cp1252"),
                         ctype="text/html; charset=windows-1252"))
    recs.append(response("https://a.example/nohint", article("Sin pista \u00f1and\u00fa").encode("latin-1"),
                         ctype="text/html"))
    recs.append(response("https://a.example/sniffed", b"  " + article("Sniffed as HTML").encode(), ctype=None))
    recs.append(response("https://a.example/img.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, ctype="image/png"))
    recs.append(response("https://a.example/empty", b""))
    recs.append(record("resource", article("A resource record").encode(), "https://a.example/res", "text/html"))
    recs.append(record("metadata", b"via: x\r\n", "https://a.example/res", "application/warc-fields"))
    recs.append(record("response", http(b"<html><body><p>" + b"empty page" + b"</p></body></html>"),
                       "https://a.example/short", "application/http; msgtype=response"))
    recs.append(response("https://a.example/notfound-page", article("After the bad one").encode()))
    return recs


def bad_length(rec):
    """The record with a Content-Length that is 10 bytes too long."""
    head, sep, rest = rec.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    lines = [l if not l.startswith(b"Content-Length: ") else
             b"Content-Length: %d" % (int(l.split(b": ")[1]) + 10) for l in lines]
    return b"\r\n".join(lines) + sep + rest


def write(path, recs, compress="record"):
    """compress: none, record (gzip per record), file (whole-file gzip)."""
    if compress == "none":
        data = b"".join(recs)
    elif compress == "record":
        data = b"".join(gzip.compress(r, mtime=0) for r in recs)
    else:
        data = gzip.compress(b"".join(recs), mtime=0)
    with open(path, "wb") as f:
        f.write(data)
    return path
