"""copydesk: extract the article (text and metadata) from web pages.

    >>> import copydesk
    >>> rec = copydesk.extract(open("page.html", "rb").read(), url="https://example.com/a")
    >>> rec["title"], rec["authors"], rec["text"][:80]

`extract()` returns the same object as one line of `copydesk --json` (see
docs/schema.md): source (when given), url, title, authors, date_published,
site_name, language, text, and markdown with format="markdown".
`iter_warc()` reads a web archive (WARC) and yields one such record per HTML
response, plus warc_record_id and warc_date, like the CLI does. `Extractor`
holds a set of options and pickles, for process pools and cluster workers.

The GIL is released while a page is parsed and extracted, so threads scale.
"""
import json as _json
import os

from . import _copydesk

__all__ = ["extract", "iter_warc", "iter_path", "Extractor", "Error", "__version__", "library_version"]

__version__ = _copydesk.library_version
library_version = _copydesk.library_version


class Error(Exception):
    """A page that copydesk cannot process (empty, too large, corrupt gzip, not HTML, ...).

    str(e) and e.status are the library's status text (copydesk_status_str),
    e.code its copydesk_status value. Pickles with both.
    """

    def __init__(self, status, code=0):
        super().__init__(status)
        self.status = status
        self.code = code

    def __reduce__(self):
        return (Error, (self.status, self.code))


_copydesk._set_error(Error)

_FLAGS = (
    ("keep_comments", _copydesk.OPT_KEEP_COMMENTS),
    ("no_tables", _copydesk.OPT_NO_TABLES),
    ("no_captions", _copydesk.OPT_NO_CAPTIONS),
    ("no_extract", _copydesk.OPT_NO_EXTRACT),
    ("keep_parts", _copydesk.OPT_KEEP_PARTS),
    ("explain", _copydesk.OPT_EXPLAIN),
)
_FLAG_NAMES = tuple(name for name, _ in _FLAGS)
_FORMATS = ("json", "text", "markdown")


def _opt_str(name, value):
    if value is not None and not isinstance(value, str):
        raise TypeError("copydesk: %s must be a str or None, not %s" % (name, type(value).__name__))
    if value is not None and "\0" in value:
        raise ValueError("copydesk: %s contains a NUL character" % name)
    return value


def _bits(format, options):
    if not isinstance(format, str):
        raise TypeError("copydesk: format must be a str, not %s" % type(format).__name__)
    if format not in _FORMATS:
        raise ValueError("copydesk: unknown format %r (expected one of: %s)" % (format, ", ".join(_FORMATS)))
    bits = _copydesk.OPT_JSON_MARKDOWN if format == "markdown" else 0
    for name, bit in _FLAGS:
        v = options.get(name, False)
        if not isinstance(v, (bool, int)):
            raise TypeError("copydesk: %s must be a bool, not %s" % (name, type(v).__name__))
        if v:
            bits |= bit
    return bits


def _ref_time(value):
    """reference_time as Unix seconds (0 = none): None, a number, or an aware datetime."""
    if value is None:
        return 0
    if hasattr(value, "timestamp") and hasattr(value, "tzinfo"):
        if value.tzinfo is None:
            raise ValueError("copydesk: reference_time must be an aware datetime (with tzinfo)")
        value = value.timestamp()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("copydesk: reference_time must be Unix seconds or a datetime, not %s"
                        % type(value).__name__)
    if value <= 0 or value >= 2 ** 62:
        raise ValueError("copydesk: reference_time out of range: %r" % value)
    return int(value)


def extract(html, url=None, format="json", *, keep_comments=False, no_tables=False,
            no_captions=False, no_extract=False, keep_parts=False, explain=False, charset=None,
            source=None, reference_time=None):
    """Extract the article from one page; returns a dict (the CLI's JSON record).

    html: the page as bytes (any bytes-like object: bytes, bytearray, memoryview;
      any charset, gzip or not; decoded the way browsers do), or str (encoded as
      UTF-8, and the charset hint set to utf-8).
    url: the page's URL (sets `url` and the base for Markdown links); None uses
      the page's canonical URL, if any.
    format: "json" or "text" (the record; `text` is always in it), or "markdown"
      (the record plus `markdown`, like `copydesk --json --format markdown`).
    keep_comments, no_tables, no_captions, no_extract, keep_parts, explain: the
      CLI flags (--keep-parts keeps the dateline and wire credit in `text`;
      --explain adds `sources`).
    reference_time: when the page was fetched (Unix seconds or an aware
      datetime), for relative dates such as "3 hours ago" (--reference-time).
    charset: transport charset hint for bytes (like --charset or an HTTP header).
    source: an identifier of the input, written first as `source` (the CLI
      writes the path it was given).

    Raises TypeError / ValueError for bad arguments, and copydesk.Error (with
    the library's status text, e.g. "empty input", "not an HTML document")
    when the page cannot be processed.
    """
    bits = _bits(format, {"keep_comments": keep_comments, "no_tables": no_tables,
                          "no_captions": no_captions, "no_extract": no_extract,
                          "keep_parts": keep_parts, "explain": explain})
    ref = _ref_time(reference_time)
    url = _opt_str("url", url)
    charset = _opt_str("charset", charset)
    source = _opt_str("source", source)
    if isinstance(html, str):
        if charset is not None and charset.strip().lower().replace("_", "-") not in ("utf-8", "utf8"):
            raise ValueError("copydesk: charset=%r given with str input (str is always encoded as UTF-8; "
                             "pass bytes to use another charset)" % charset)
        # Lone surrogates go through as ill-formed bytes: the library turns them into U+FFFD.
        html = html.encode("utf-8", "surrogatepass")
        charset = "utf-8"
    elif not isinstance(html, (bytes, bytearray, memoryview)):
        raise TypeError("copydesk: html must be bytes or str, not %s" % type(html).__name__)
    return _json.loads(_copydesk._extract(html, url, source, charset, bits, ref))


class Extractor:
    """A set of extract() options, reusable and picklable.

        ex = copydesk.Extractor(format="markdown", no_tables=True)
        ex(html, url=...)            # == copydesk.extract(html, url=..., format="markdown", no_tables=True)
        ex.iter_warc("crawl.warc.gz")

    Instances pickle by their options (for multiprocessing, Dask, Spark).
    """

    __slots__ = ("format", "options")

    def __init__(self, format="json", *, keep_comments=False, no_tables=False, no_captions=False,
                 no_extract=False, keep_parts=False, explain=False, charset=None):
        opts = {"keep_comments": keep_comments, "no_tables": no_tables, "no_captions": no_captions,
                "no_extract": no_extract, "keep_parts": keep_parts, "explain": explain}
        _bits(format, opts)  # validates
        _opt_str("charset", charset)
        self.format = format
        self.options = dict((k, bool(v)) for k, v in opts.items())
        if charset is not None:
            self.options["charset"] = charset

    def extract(self, html, url=None, *, source=None, charset=None, reference_time=None):
        opts = dict(self.options)
        if charset is not None:
            opts["charset"] = charset
        return extract(html, url, self.format, source=source, reference_time=reference_time, **opts)

    __call__ = extract

    def iter_warc(self, path_or_fileobj, *, source=None):
        return iter_warc(path_or_fileobj, self.format, source=source, **self.options)

    def iter_path(self, path, *, url=None):
        return iter_path(path, self.format, url=url, **self.options)

    def __reduce__(self):
        return (_make_extractor, (self.format, dict(self.options)))

    def __eq__(self, other):
        return isinstance(other, Extractor) and (self.format, self.options) == (other.format, other.options)

    def __hash__(self):
        return hash((self.format, tuple(sorted(self.options.items()))))

    def __repr__(self):
        args = ["format=%r" % self.format] + ["%s=%r" % kv for kv in sorted(self.options.items())
                                              if kv[1] not in (False, None)]
        return "copydesk.Extractor(%s)" % ", ".join(args)


def _make_extractor(format, options):
    return Extractor(format, **options)


def iter_warc(path_or_fileobj, format="json", *, source=None, **options):
    """Yield one record per HTML response/resource in a WARC file.

    path_or_fileobj: a path (str / os.PathLike) or a binary file object; WARC
      1.0/1.1 or ARC, uncompressed, gzip per record (Common Crawl) or
      whole-file gzip.
    Records are the CLI's (`copydesk --json FILE.warc.gz`): the article record
    with `source` = "PATH#<record-id>", `url` = WARC-Target-URI, plus
    `warc_record_id` and `warc_date` (also the reference time for relative
    dates, as in the CLI). A broken record or a page that fails is an
    error record {"source": ..., "error": ...}; the iterator never raises for
    bad data (it raises TypeError / ValueError for bad arguments, OSError when
    the path cannot be opened).
    source: the name used in `source` (default: the path, or the file object's
      `name`, or "-").
    options: as for extract() (charset is used when a record's HTTP header
      gives none).

    The archive is read by the library's own reader (copydesk_warc_* in
    copydesk.h, the CLI's), through the file object's readinto() or read().
    """
    # Check the arguments now, not at the first next().
    bits = _bits(format, options)
    unknown = set(options) - set(_FLAG_NAMES) - {"charset"}
    if unknown:
        raise TypeError("copydesk.iter_warc: unexpected option(s): %s" % ", ".join(sorted(unknown)))
    _opt_str("source", source)
    hint = _opt_str("charset", options.get("charset"))
    f, owned, src = _open_archive(path_or_fileobj, source)
    return _warc_records(f, owned, src, bits, hint)


def _open_archive(path_or_fileobj, source):
    """(file object, whether we opened it, the name for `source`)."""
    if isinstance(path_or_fileobj, (str, bytes, os.PathLike)):
        path = os.fsdecode(path_or_fileobj)
        return open(path, "rb"), True, (source if source is not None else path)
    if not (hasattr(path_or_fileobj, "readinto") or hasattr(path_or_fileobj, "read")):
        raise TypeError("copydesk.iter_warc: expected a path or a binary file object, not %s"
                        % type(path_or_fileobj).__name__)
    name = getattr(path_or_fileobj, "name", None)
    if source is None:
        source = os.fsdecode(name) if isinstance(name, (str, bytes)) else "-"
    return path_or_fileobj, False, source


def _warc_records(f, owned, path, bits, hint):
    """The generator behind iter_warc(): the CLI's records, built the same way
    (the source suffix and error messages come from the library)."""
    reader = None
    try:
        try:
            reader = _copydesk._Warc(f)
            while True:
                rec = reader.next()
                if rec is None:
                    break
                kind, suffix, message, record_id, date = rec
                if kind == _copydesk.WARC_SKIPPED:
                    continue
                source = path + suffix
                if kind == _copydesk.WARC_ERROR:
                    yield {"source": source, "error": message}
                    continue
                try:
                    out = _json.loads(reader.extract(source, hint, bits))
                except Error as e:
                    yield {"source": source, "error": e.status}
                    continue
                except MemoryError:
                    yield {"source": source, "error": "out of memory"}
                    continue
                out["warc_record_id"] = record_id
                out["warc_date"] = date
                yield out
        except OSError as e:
            yield {"source": path, "error": "read error: %s" % (e.strerror or "Input/output error")}
    finally:
        if reader is not None:
            reader.close()
        if owned:
            f.close()


# The CLI's largest input (src/util/limits.h CD_MAX_INPUT).
_MAX_INPUT = 256 * 1024 * 1024
_SNIFF = 4096


def iter_path(path, format="json", *, url=None, **options):
    """Yield the records `copydesk --json PATH` writes for one file.

    A web archive (WARC / ARC, recognised by content, gzip or not) gives one
    record per HTML record (see iter_warc()); any other file is one page (plain
    or gzip) with `source` = path as given. url applies to a plain page only
    (archives carry their own). A file that cannot be read, or a page that
    fails, is an error record {"source": path, "error": ...}; nothing is raised
    for bad data (TypeError / ValueError for bad arguments).
    """
    src = _opt_str("path", os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else path)
    _opt_str("url", url)
    _bits(format, options)
    try:
        f = open(src, "rb")
    except OSError as e:
        yield {"source": src, "error": "read error: %s" % (e.strerror or "Input/output error")}
        return
    with f:
        try:
            head = f.read(_SNIFF)
            if _copydesk._warc_sniff(head) != 0:
                f.seek(0)
                yield from iter_warc(f, format, source=src, **options)
                return
            size = os.fstat(f.fileno()).st_size
            if size > _MAX_INPUT:
                yield {"source": src, "error": "read error: input too large"}
                return
            data = head + f.read()
        except OSError as e:
            yield {"source": src, "error": "read error: %s" % (e.strerror or "Input/output error")}
            return
    try:
        yield extract(data, url, format, source=src, **options)
    except Error as e:
        yield {"source": src, "error": e.status}
