"""copydesk._warc: a streaming WARC / ARC reader in pure Python (stdlib only).

The library's reader (src/input/warc.c) is internal -- it is not part of the
public C API (include/copydesk.h) that the extension binds -- so this module
follows its behaviour in Python, rule for rule, and hands each HTML payload to
copydesk.extract(): records and error records are the ones `copydesk --json`
writes for the same file. Formats: ISO 28500 WARC/1.0 and 1.1, Internet
Archive ARC v1/v2; uncompressed, gzip per record (Common Crawl), whole-file
gzip, records that span members. Payloads: HTTP header split off, chunked
transfer coding undone (RFC 9112 §7.1), Content-Encoding gzip / x-gzip /
deflate undone. A response/resource record is HTML when its Content-Type (HTTP
header; WARC header for resource records; ARC header line) is text/html or
application/xhtml+xml, or, when it has none, when the payload sniffs as HTML
(WHATWG MIME Sniffing §7.1).

Errors never stop the reader: a truncated file, a bad Content-Length, a
corrupt gzip member or broken chunking become an error record with a byte
offset, and reading resumes at the next "WARC/1." line (next ARC header line)
or the next gzip member. Memory stays bounded by the largest record.
"""
import os
import zlib

# Same limits as the library and CLI (src/input/warc.h, src/util/limits.h).
MAX_HEADER = 64 * 1024
READ_CHUNK = 64 * 1024
MAX_PAYLOAD = 256 * 1024 * 1024
SNIFF_BYTES = 1445
# Decompressed bytes made per step (bounds memory while skipping big records).
FILL_CHUNK = 256 * 1024

FMT_NONE, FMT_WARC, FMT_ARC = 0, 1, 2
HTML, SKIPPED, ERROR = 1, 2, 3
# WARC header fields kept, by their lower-case name, and the Record attribute.
_FIELDS = {b"warc-type": "type", b"warc-record-id": "record_id", b"warc-date": "date",
           b"warc-target-uri": "url"}

_WS = b" \t\n\r\f\v"
_SNIFF_TAGS = [t.encode() for t in ("<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1",
                                    "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B",
                                    "<BODY", "<BR", "<P", "<!--")]


def _is_magic(b):
    return len(b) >= 3 and b[0] == 0x1F and b[1] == 0x8B and b[2] == 0x08


def sniff(raw):
    """FMT_WARC / FMT_ARC / FMT_NONE from the first bytes of a file (gzip looked through)."""
    head = bytes(raw[:16])
    if len(raw) >= 2 and raw[0] == 0x1F and raw[1] == 0x8B:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(bytes(raw), 16)
        except zlib.error:
            head = b""
    if head.startswith(b"WARC/1."):
        return FMT_WARC
    if head.startswith(b"filedesc://"):
        return FMT_ARC
    return FMT_NONE


class Record:
    __slots__ = ("kind", "error", "offset", "in_stream", "arc", "skip_why", "type", "record_id",
                 "date", "url", "charset", "payload")

    def __init__(self):
        self.kind = SKIPPED
        self.error = None
        self.offset = 0
        self.in_stream = False
        self.arc = False
        self.skip_why = None
        self.type = self.record_id = self.date = self.url = self.charset = ""
        self.payload = b""


def _text(b):
    """A header value as the CLI passes it on: a C string, so up to a NUL byte."""
    return b.split(b"\0", 1)[0].decode("utf-8", "replace")


def _trim(b):
    return b.strip(_WS)


def _lower(b):
    return bytes(b).lower()


def _parse_len(b):
    b = _trim(b)
    if not b or len(b) > 19 or not b.isdigit():
        return None
    return int(b)


def _ctype(s):
    """b"text/html; charset=UTF-8" -> (media type, charset) as bytes, trimmed, unquoted."""
    parts = s.split(b";")
    mt = _trim(parts[0])
    cs = b""
    for p in parts[1:]:
        p = _trim(p)
        if len(p) > 8 and p[:8].lower() == b"charset=":
            v = _trim(p[8:])
            if len(v) >= 2 and v[:1] in (b'"', b"'") and v[-1:] == v[:1]:
                v = v[1:-1]
            cs = v
    return mt, cs


def _is_html_type(mt):
    return mt.lower() in (b"text/html", b"application/xhtml+xml")


def _is_unknown_type(mt):
    return not mt or mt.lower() in (b"unknown/unknown", b"application/unknown", b"*/*", b"no-type")


def _sniff_html(p):
    p = p[:SNIFF_BYTES]
    i = 3 if p[:3] == b"\xef\xbb\xbf" else 0
    n = len(p)
    while i < n and p[i] in b" \t\n\r\f":
        i += 1
    for t in _SNIFF_TAGS:
        k = len(t)
        if n - i <= k:
            continue
        if p[i:i + k].upper() != t:
            continue
        if p[i + k] in b" >":
            return True
    return False


def _dechunk(b):
    """(status, body): 1 done, 0 not chunked at all, -1 broken (RFC 9112 §7.1)."""
    n, p, out, first = len(b), 0, [], True
    hexd = b"0123456789abcdefABCDEF"
    while p != n:
        q = p
        while q < n and b[q] in hexd:
            q += 1
        if q == p:
            return (0 if first else -1), b
        nl = b.find(b"\n", q)
        if nl < 0:
            return (0 if first else -1), b
        if nl != q and b[q] not in b"; \t\r":
            return (0 if first else -1), b
        size = int(b[p:q], 16)
        first = False
        p = nl + 1
        if size == 0:
            break
        if size > n - p:
            return -1, b
        out.append(b[p:p + size])
        p += size
        if p < n and b[p] == 0x0D:
            p += 1
        if p < n and b[p] == 0x0A:
            p += 1
        elif p < n:
            return -1, b
    return 1, b"".join(out)


def _inflate(data, wbits, limit):
    """("ok" | "gzip" | "large", bytes)."""
    d = zlib.decompressobj(wbits)
    out = bytearray()
    try:
        while data:
            out += d.decompress(data, 1 << 20)
            if len(out) > limit:
                return "large", b""
            if d.eof:
                break
            data = d.unconsumed_tail
        if not d.eof:
            out += d.flush()
    except zlib.error:
        if not out:
            return "gzip", b""
    if len(out) > limit:
        return "large", b""
    return "ok", bytes(out)


def _gunzip_all(data, limit):
    """Every member of a gzip stream, like the library's cd_input_gunzip."""
    out = bytearray()
    while data:
        if not (len(data) >= 2 and data[0] == 0x1F and data[1] == 0x8B):
            break
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while True:
                out += d.decompress(data, 1 << 20)
                if len(out) > limit:
                    return "large", b""
                if d.eof or not d.unconsumed_tail:
                    break
                data = d.unconsumed_tail
        except zlib.error:
            return ("gzip", b"") if not out else ("ok", bytes(out))
        if not d.eof:
            return ("gzip", b"") if not out else ("ok", bytes(out))
        data = d.unused_data
    return "ok", bytes(out)


class Reader:
    """Records from a binary file object, one at a time (see the module doc)."""

    def __init__(self, f, max_payload=MAX_PAYLOAD):
        self.f = f
        self.max_payload = max_payload
        self.raw = b""
        self.raw_total = 0
        self.raw_eof = False
        self.read_error = None
        self.win = bytearray()
        self.pos = 0
        self.ubase = 0
        self.eof = False
        self.gz_why = None
        self.gz_off = 0
        self.in_member = False
        self.member_c = 0
        self.z = None
        self.members = []
        self.fmt = FMT_NONE
        self.fmt_known = False
        self.arc_v2 = False
        self.resync = False
        while len(self.raw) < 3 and self._raw_more():
            pass
        self.gz = len(self.raw) >= 2 and self.raw[0] == 0x1F and self.raw[1] == 0x8B

    # ---- raw input
    def _raw_more(self):
        if self.raw_eof:
            return 0
        try:
            b = self.f.read(READ_CHUNK)
        except OSError as e:
            self.read_error = e
            b = b""
        if not b:
            self.raw_eof = True
            return 0
        self.raw += b
        self.raw_total += len(b)
        return len(b)

    def _raw_off(self):
        return self.raw_total - len(self.raw)

    def raw_offset(self):
        return self._raw_off()

    # ---- the decompressed window
    def _avail(self):
        return len(self.win) - self.pos

    def _compact(self):
        if self.pos:
            del self.win[:self.pos]
            self.ubase += self.pos
            self.pos = 0

    def _gz_break(self, why, off):
        self.gz_why = why
        self.gz_off = off
        self.eof = True
        self.in_member = False

    def _fill(self):
        if self.eof:
            return 0
        if self.pos >= FILL_CHUNK:
            self._compact()
        if not self.gz:
            if not self.raw and not self._raw_more():
                self.eof = True
                return 0
            n = len(self.raw)
            self.win += self.raw
            self.raw = b""
            return n
        while True:
            if not self.in_member:
                while len(self.raw) < 3 and self._raw_more():
                    pass
                if not self.raw:
                    self.eof = True
                    return 0
                if not _is_magic(self.raw):
                    self._gz_break("garbage after a gzip member", self._raw_off())
                    return 0
                self.member_c = self._raw_off()
                self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.in_member = True
                self.members.append((self.ubase + len(self.win), self.member_c))
                if len(self.members) > 64:
                    del self.members[0]
            if not self.raw and not self._raw_more():
                self._gz_break("truncated gzip member", self.member_c)
                return 0
            data = self.raw
            saved = self.z.copy()
            try:
                out = self.z.decompress(data, FILL_CHUNK)
            except zlib.error:
                # zlib's inflate keeps what it wrote before the bad data, and the
                # library reads it (and resyncs from the bad byte on); Python's
                # decompress() drops both with the exception, so they are made
                # again byte by byte from a copy of the state.
                out, used, bad = self._partial(saved, data)
                self.raw = data[used:]
                self.win += out
                if bad:
                    self._gz_break("corrupt gzip member", self.member_c)
                    return len(out)
                self.z = saved
                if saved.eof:
                    self.raw = saved.unused_data + self.raw
                    self.in_member = False
                if out:
                    return len(out)
                continue
            if self.z.eof:
                self.raw = self.z.unused_data
                self.in_member = False
            else:
                self.raw = self.z.unconsumed_tail
            self.win += out
            if out:
                return len(out)

    @staticmethod
    def _partial(z, data):
        """Feed data to z a byte at a time: (output, bytes consumed, error found).
        Stops after the byte that fails (zlib counts it as read) or once
        FILL_CHUNK bytes are out."""
        out = bytearray()
        for i in range(len(data)):
            try:
                out += z.decompress(data[i:i + 1])
            except zlib.error:
                return bytes(out), i + 1, True
            if len(out) >= FILL_CHUNK or z.eof:
                return bytes(out), i + 1, False
        return bytes(out), len(data), False

    def _need(self, n):
        while self._avail() < n:
            if self._fill() == 0 and self._avail() < n:
                return False
        return True

    def _offset_of(self, u):
        """(offset, in_stream): the raw offset of the member that starts at u, else u."""
        if not self.gz:
            return u, False
        k = len(self.members)
        while k > 0 and self.members[k - 1][0] > u:
            k -= 1
        if k > 0:
            if k > 1:
                del self.members[:k - 1]
                k = 1
            if self.members[k - 1][0] == u:
                return self.members[k - 1][1], False
        return u, True

    def _line(self, limit):
        """Length of the line at pos (with its \\n), 0 at the end, None when longer than limit."""
        start = 0
        while True:
            av = self._avail()
            i = self.win.find(b"\n", self.pos + start) if av > start else -1
            if i >= 0:
                n = i - self.pos + 1
                return None if n > limit else n
            if av > limit:
                return None
            start = av
            if not self._need(av + 1):
                return self._avail()

    def _skip(self, n):
        while n > 0:
            if self._avail() == 0 and not self._need(1):
                return False
            k = min(self._avail(), n)
            self.pos += k
            n -= k
            if self.pos >= FILL_CHUNK:
                self._compact()
        return True

    def _take(self, n):
        if not self._need(n):
            self.pos = len(self.win)
            return None
        b = bytes(self.win[self.pos:self.pos + n])
        self.pos += n
        return b

    def _starts(self, lit):
        return self.win.startswith(lit, self.pos)

    def _skip_newlines(self):
        while True:
            if self._avail() == 0 and not self._need(1):
                return
            if self.win[self.pos] not in b"\r\n":
                return
            self.pos += 1

    def _gz_resync(self):
        self.pos = len(self.win)
        self._compact()
        self.gz_why = None
        self.eof = False
        self.in_member = False
        if self.raw:
            self.raw = self.raw[1:]
        while True:
            i = self.raw.find(b"\x1f\x8b\x08")
            if i >= 0:
                self.raw = self.raw[i:]
                return
            keep = self.raw[-2:] if len(self.raw) >= 2 else self.raw
            self.raw = keep
            if not self._raw_more():
                self.raw = b""
                self.eof = True
                return

    # ---- records
    def _fail(self, rec, why):
        rec.kind = ERROR
        rec.error = why
        rec.payload = b""
        self.resync = True
        return True

    def _eof_why(self, plain):
        return self.gz_why or plain

    def _block(self, rec, length, warc_ct, http):
        ct = warc_ct
        chunked = False
        enc = None
        if http:
            want = min(length, MAX_HEADER)
            self._need(want)
            av = min(self._avail(), want)
            b = bytes(self.win[self.pos:self.pos + av])
            if b.startswith(b"HTTP/"):
                hend = body = 0
                i = b.find(b"\n")
                while i >= 0:
                    if b[i + 1:i + 2] == b"\n":
                        hend, body = i + 1, i + 2
                        break
                    if b[i + 1:i + 3] == b"\r\n":
                        hend, body = i + 1, i + 3
                        break
                    i = b.find(b"\n", i + 1)
                if not body:
                    if av < want:
                        return self._fail(rec, self._eof_why("truncated record"))
                    if length > MAX_HEADER:
                        return self._fail(rec, "HTTP header too long")
                    body = hend = av
                ct = b""
                for line in b[:hend].split(b"\n")[1:]:
                    name, colon, v = line.partition(b":")
                    if not colon:
                        continue
                    name = name.lower()
                    v = _trim(v)
                    if name == b"content-type":
                        ct = v[:511]
                    elif name == b"transfer-encoding":
                        chunked = b"chunked" in v.lower()
                    elif name == b"content-encoding":
                        lv = v.lower()
                        if not lv or lv == b"identity":
                            enc = None
                        elif lv in (b"gzip", b"x-gzip"):
                            enc = "gzip"
                        elif lv == b"deflate":
                            enc = "deflate"
                        else:
                            enc = "other"
                self.pos += body
                length -= body
            elif av < want:
                return self._fail(rec, self._eof_why("truncated record"))

        mt, cs = _ctype(ct or b"")
        sniff_it = _is_unknown_type(mt)
        if not sniff_it and not _is_html_type(mt):
            rec.skip_why = "not HTML"
        elif enc == "other":
            rec.skip_why = "unsupported Content-Encoding"
        else:
            if length > self.max_payload:
                if not self._skip(length):
                    return self._fail(rec, self._eof_why("truncated record"))
                return self._fail(rec, "record too large")
            payload = self._take(length)
            if payload is None:
                return self._fail(rec, self._eof_why("truncated record"))
            if chunked:
                st, payload = _dechunk(payload)
                if st < 0:
                    return self._fail(rec, "bad chunked encoding")
            if enc and payload:
                if enc == "gzip":
                    st, out = (_gunzip_all(payload, self.max_payload)
                               if payload[:2] == b"\x1f\x8b" else ("gzip", b""))
                else:
                    st, out = _inflate(payload, zlib.MAX_WBITS, self.max_payload)
                    if st == "gzip":
                        st, out = _inflate(payload, -zlib.MAX_WBITS, self.max_payload)
                if st == "large":
                    return self._fail(rec, "record too large")
                if st == "ok":
                    payload = out
                # else: not compressed after all; the body is used as it is.
            if not payload:
                rec.skip_why = "empty payload"
                return True
            if sniff_it and not _sniff_html(payload):
                rec.skip_why = "not HTML"
                return True
            rec.charset = _text(cs)
            rec.payload = payload
            rec.kind = HTML
            return True
        if not self._skip(length):
            return self._fail(rec, self._eof_why("truncated record"))
        return True

    def _scan_warc(self):
        pat = b"\nWARC/1."
        k = len(pat)
        while True:
            if not self._need(k + 1):
                if self.gz_why:
                    self._gz_resync()
                    if self.eof:
                        return False
                    if self._need(k - 1) and self._starts(pat[1:]):
                        return True
                    continue
                self.pos = len(self.win)
                return False
            i = self.win.find(pat, self.pos)
            if i >= 0:
                self.pos = i + 1
                return True
            if self._avail() > k - 1:
                self.pos = len(self.win) - (k - 1)
            if self._fill() == 0 and not self.gz_why:
                self.pos = len(self.win)
                return False

    def _warc_record(self, rec):
        if self.resync:
            self.resync = False
            if not self._scan_warc():
                return False
        self._skip_newlines()
        if self._avail() == 0:
            if self.gz_why:
                rec.offset = self.gz_off
                self._fail(rec, self.gz_why)
                self._gz_resync()
                self.resync = False
                if not self.eof and self._need(7) and not self._starts(b"WARC/1."):
                    self.resync = True
                return True
            return False
        rec.offset, rec.in_stream = self._offset_of(self.ubase + self.pos)
        n = self._line(MAX_HEADER)
        if n is None or not self._starts(b"WARC/1."):
            return self._fail(rec, "not a WARC record header")
        self.pos += n
        total = n
        clen = None
        have_len = False
        ct = b""
        last = None
        fields = {}
        while True:
            n = self._line(MAX_HEADER)
            if n == 0 or (n is not None and self.win[self.pos + n - 1] != 0x0A):
                return self._fail(rec, self._eof_why("truncated record header"))
            if n is None:
                return self._fail(rec, "record header too long")
            total += n
            if total > MAX_HEADER:
                return self._fail(rec, "record header too long")
            line = bytes(self.win[self.pos:self.pos + n]).rstrip(b"\r\n")
            self.pos += n
            if not line:
                break
            if line[:1] in (b" ", b"\t"):
                if last:
                    fields[last] += b" " + _trim(line)
                    setattr(rec, _FIELDS[last], _text(fields[last]))
                continue
            last = None
            name, colon, v = line.partition(b":")
            if not colon:
                continue
            v = _trim(v)
            name = name.lower()
            if name in _FIELDS:
                if name == b"warc-target-uri" and len(v) >= 2 and v[:1] == b"<" and v[-1:] == b">":
                    v = v[1:-1]
                fields[name] = v
                last = name
                # Set as they come: an error later in the header still names the record.
                setattr(rec, _FIELDS[name], _text(v))
            elif name == b"content-type":
                ct = v[:511]
            elif name == b"content-length":
                have_len = True
                clen = _parse_len(v)
        if not have_len or clen is None:
            return self._fail(rec, "bad Content-Length")
        response = rec.type == "response"
        resource = rec.type == "resource"
        if not response and not resource:
            rec.skip_why = "not a response or resource record"
            if not self._skip(clen):
                return self._fail(rec, self._eof_why("truncated record"))
        else:
            mt, _ = _ctype(ct)
            http = response and (mt.lower() == b"application/http" or not mt)
            self._block(rec, clen, ct, http)
            if rec.kind == ERROR:
                return True
        # The block must be followed by CRLF CRLF, or by line ends and the next
        # record (or the end): anything else means Content-Length was wrong.
        self._need(4)
        crlf2 = self._starts(b"\r\n\r\n")
        self._skip_newlines()
        if not crlf2 and (self._avail() > 0 or not self.gz_why):
            self._need(7)
            if self._avail() > 0 and not self._starts(b"WARC/1."):
                rec.payload = b""
                rec.kind = SKIPPED
                return self._fail(rec, "record length does not match Content-Length")
        return True

    # ---- ARC
    def _arc_split(self, line):
        want = 9 if self.arc_v2 else 4
        f = []
        end = len(line)
        while len(f) < want:
            while end and line[end - 1] == 0x20:
                end -= 1
            start = end
            while start and line[start - 1] != 0x20:
                start -= 1
            if start == 0:
                return None
            f.append(line[start:end])
            end = start
        while end and line[end - 1] == 0x20:
            end -= 1
        if end == 0:
            return None
        url = line[:end]
        length, ct, date = f[0], f[want - 3], f[want - 2]
        if b":" not in url or b"\t" in url:
            return None
        if len(date) < 8 or not date.isdigit():
            return None
        return url, date, ct, length

    def _arc_peek(self):
        n = self._line(MAX_HEADER)
        if not n:
            return n, None
        line = bytes(self.win[self.pos:self.pos + n]).rstrip(b"\r\n")
        return n, self._arc_split(line)

    def _arc_record(self, rec):
        if self.resync:
            self.resync = False
            while True:
                self._skip_newlines()
                n, a = self._arc_peek()
                if n == 0:
                    if self.gz_why:
                        self._gz_resync()
                        if self.eof:
                            return False
                        continue
                    return False
                if a:
                    break
                if n is None:
                    self.pos += self._avail()
                    continue
                self.pos += n
        self._skip_newlines()
        if self._avail() == 0:
            if self.gz_why:
                rec.offset = self.gz_off
                rec.arc = True
                self._fail(rec, self.gz_why)
                self._gz_resync()
                return True
            return False
        rec.arc = True
        rec.offset, rec.in_stream = self._offset_of(self.ubase + self.pos)
        n, a = self._arc_peek()
        if not a:
            return self._fail(rec, "not an ARC record header")
        if self.win[self.pos + n - 1] != 0x0A:
            return self._fail(rec, self._eof_why("truncated record header"))
        url, date, ct, length = a
        length = _parse_len(length)
        if length is None:
            self.pos += n
            return self._fail(rec, "bad ARC record length")
        rec.url = _text(url)
        d = date.decode("ascii")
        rec.date = ("%s-%s-%sT%s:%s:%sZ" % (d[0:4], d[4:6], d[6:8], d[8:10], d[10:12], d[12:14])
                    if len(d) >= 14 else d)
        ct = ct[:255]
        self.pos += n
        if url.startswith(b"filedesc://"):
            rec.type = "filedesc"
            rec.skip_why = "ARC file header"
            if self._need(2) and self.win[self.pos:self.pos + 2] == b"2 ":
                self.arc_v2 = True
            if not self._skip(length):
                return self._fail(rec, self._eof_why("truncated record"))
            return True
        rec.type = "response"
        lu = url.lower()
        http = lu.startswith(b"http:") or lu.startswith(b"https:")
        if ct.lower() in (b"-", b"no-type"):
            ct = b""
        self._block(rec, length, ct, http)
        return True

    def next(self):
        """The next Record, or None at the end."""
        rec = Record()
        if not self.fmt_known:
            self.fmt_known = True
            self._need(11)
            if self._starts(b"WARC/1."):
                self.fmt = FMT_WARC
            elif self._starts(b"filedesc://"):
                self.fmt = FMT_ARC
            else:
                self.fmt = FMT_NONE
                if self._avail() == 0 and not self.gz_why:
                    return None
                rec.offset = 0
                self._fail(rec, "not a WARC or ARC file")
                self.eof = True
                self.pos = len(self.win)
                return rec
        if self.fmt == FMT_NONE:
            return None
        got = self._warc_record(rec) if self.fmt == FMT_WARC else self._arc_record(rec)
        return rec if got else None


def iter_records(f):
    r = Reader(f)
    while True:
        rec = r.next()
        if rec is None:
            break
        yield rec
    if r.read_error is not None:
        raise r.read_error


def _open(path_or_fileobj, source):
    if isinstance(path_or_fileobj, (str, bytes, os.PathLike)):
        path = os.fsdecode(path_or_fileobj)
        return open(path, "rb"), True, (source if source is not None else path)
    if not hasattr(path_or_fileobj, "read"):
        raise TypeError("copydesk.iter_warc: expected a path or a binary file object, not %s"
                        % type(path_or_fileobj).__name__)
    name = getattr(path_or_fileobj, "name", None)
    if source is None:
        source = os.fsdecode(name) if isinstance(name, (str, bytes)) else "-"
    return path_or_fileobj, False, source


def iter_warc_records(path_or_fileobj, format, source, options):
    """The generator behind copydesk.iter_warc()."""
    from . import Error, _bits, _opt_str, extract
    # Check the arguments now, not at the first next().
    _bits(format, options)
    unknown = set(options) - {"keep_comments", "no_tables", "no_captions", "no_extract", "charset"}
    if unknown:
        raise TypeError("copydesk.iter_warc: unexpected option(s): %s" % ", ".join(sorted(unknown)))
    _opt_str("source", source)
    hint = _opt_str("charset", options.pop("charset", None))
    f, owned, src = _open(path_or_fileobj, source)
    return _gen(f, owned, src, format, hint, options, extract, Error)


def _gen(f, owned, path, format, hint, options, extract, Error):
    try:
        try:
            for rec in iter_records(f):
                if rec.kind == SKIPPED:
                    continue
                if rec.record_id:
                    source = "%s#%s" % (path, rec.record_id)
                else:
                    source = "%s@%d" % (path, rec.offset)
                if rec.kind == ERROR:
                    yield {"source": source,
                           "error": "%s at byte %d%s" % (rec.error, rec.offset,
                                                         " of the decompressed stream" if rec.in_stream else "")}
                    continue
                try:
                    out = extract(rec.payload, rec.url or None, format, source=source,
                                  charset=rec.charset or hint, **options)
                except Error as e:
                    yield {"source": source, "error": e.status}
                    continue
                except MemoryError:
                    yield {"source": source, "error": "out of memory"}
                    continue
                out["warc_record_id"] = rec.record_id or None
                out["warc_date"] = rec.date or None
                yield out
        except OSError as e:
            yield {"source": path, "error": "read error: %s" % (e.strerror or "Input/output error")}
    finally:
        if owned:
            f.close()
