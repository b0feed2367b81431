"""copydesk: extract the article (text and metadata) from web pages.

    >>> import copydesk
    >>> rec = copydesk.extract_file("page.html", url="https://example.com/a")
    >>> rec["title"], rec["authors"], rec["text"][:80]
    >>> copydesk.extract(html_bytes_or_str)            # the same from memory
    >>> copydesk.extract(html, format="text")          # the text alone, as `copydesk page.html` prints it
    >>> for rec in copydesk.iter_path("pages/"):       # a directory, like `copydesk --json pages/`
    ...     print(rec.get("title") or rec["error"])

`extract()` returns the same object as one line of `copydesk --json` (see
docs/schema.md), typed as `Article` (a TypedDict: a plain dict to Python and to
pickle, json and Dask; its keys are known to type checkers). `iter_path()`
walks files and directories as the CLI does, `iter_warc()` reads a web archive
(WARC / ARC); both yield one record per page. `Extractor` holds a set of
options and pickles, for process pools and cluster workers. `to_dataframe()`
makes a pandas DataFrame of records, one column per field (FIELDS).

Error policy, one rule: bad *data* never raises from an iterator -- an
unreadable file, a page that is not HTML, damaged gzip, a broken archive record
are error records {"source": ..., "error": ...} in the stream, as the CLI
writes them. The one-page calls extract() and extract_file() raise
copydesk.Error for a page that cannot be processed (e.status is the same
message an error record carries) and OSError for a file that cannot be read.
Programming errors raise everywhere: TypeError for a wrong type, ValueError
for a wrong value (an unknown format, a file path passed to extract() as HTML).

Site chrome (issue #13): what recurs on many pages of one host (the
newsletter box, the "Related" rail, the footer) is that site's chrome. A
SiteModel learns it from pages (observe(), learn()), saves, loads and merges;
extract(..., sites=model) applies one to a single page. The iterators
(iter_path, iter_warc) do as the CLI does: with site_chrome="auto" (the
default) a batch -- several files, or an archive -- is read twice, once to
learn its sites, once to extract with the model (merged with `sites`, if
given); site_chrome="off" uses no model at all. Hosts with fewer than
SITES_MIN_PAGES pages observed are left alone.

The GIL is released while a page is parsed and extracted, so threads scale.
"""
import json as _json
import os
import stat as _stat
from typing import (IO, Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, TypedDict, Union,
                    overload)

from . import _copydesk

__all__ = ["extract", "extract_file", "iter_path", "iter_warc", "expand_paths", "to_dataframe", "Extractor",
           "SiteModel", "SITES_MIN_PAGES", "Error", "Article", "Image", "ErrorRecord", "Record", "FIELDS", "__version__", "library_version"]

__version__ = _copydesk.library_version
library_version = _copydesk.library_version


class Image(TypedDict):
    """The lead image of an article (docs/schema.md, `image`)."""
    url: Optional[str]
    caption: Optional[str]
    credit: Optional[str]


class Article(TypedDict, total=False):
    """One article record: a line of `copydesk --json` (docs/schema.md), a plain
    dict at run time. `source` is there when one was given (always from the
    iterators); `sources`, `mode`, `dropped` with explain=True; `markdown` with format="markdown";
    `warc_record_id` and `warc_date` for archive records. Every other key is
    always there, None (or [] for lists) when the page does not give it."""
    source: str
    url: Optional[str]
    title: Optional[str]
    deck: Optional[str]
    authors: List[str]
    date_published: Optional[str]
    date_modified: Optional[str]
    site_name: Optional[str]
    language: Optional[str]
    description: Optional[str]
    section: Optional[str]
    image: Optional[Image]
    credit: Optional[str]
    dateline: Optional[str]
    tags: List[str]
    sources: Dict[str, str]
    mode: str
    dropped: List["Dropped"]
    text: str
    markdown: str
    warc_record_id: Optional[str]
    warc_date: Optional[str]


class _DroppedBlock(TypedDict):
    reason: str
    text: str


class Dropped(_DroppedBlock, total=False):
    """A block left out inside the content (explain=True): why, and how it began. Past the 200
    listed, one per reason counts the rest: text "" and `more` the number of blocks."""
    more: int


class ErrorRecord(TypedDict):
    """An input that gave no article: what the CLI writes, {"source", "error"}."""
    source: str
    error: str


# What the iterators yield: tell the two apart by "error" in rec.
Record = Union[Article, ErrorRecord]

# Every key a record can have, in the CLI's order (docs/schema.md, then the
# archive keys and "error"): the columns of to_dataframe() and copydesk.dask.
FIELDS: Tuple[str, ...] = ("source", "url", "title", "deck", "authors", "date_published", "date_modified",
                           "site_name", "language", "description", "section", "image", "credit", "dateline",
                           "tags", "sources", "mode", "dropped", "text", "markdown", "warc_record_id", "warc_date", "error")

# Anything extract() takes as the page: bytes-like (any charset, gzip or not),
# str (UTF-8), a binary or text file object, or an os.PathLike (read as a file).
Html = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]", IO[bytes], IO[str]]
PathArg = Union[str, bytes, "os.PathLike[str]"]


class Error(Exception):
    """A page that copydesk cannot process (empty, too large, damaged gzip, not HTML, ...).

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

# Hosts with fewer pages observed than this get no site chrome (COPYDESK_SITES_MIN_PAGES).
SITES_MIN_PAGES: int = _copydesk.SITES_MIN_PAGES


class SiteModel:
    """A model of each site's chrome: the blocks that recur on many pages of
    one host (copydesk_sites in copydesk.h; the file format of `copydesk
    --learn-sites`, docs/sites.md).

        m = copydesk.SiteModel()
        m.learn("crawl/")                        # files, directories, archives (as iter_path reads them)
        m.observe(html_bytes, url="https://example.com/a")   # or page by page
        m.save("sites.model")                    # copydesk --sites sites.model ... reads it
        m2 = copydesk.SiteModel.load("sites.model").merge(m)
        copydesk.extract(page, url=..., sites=m2)
        copydesk.iter_path("more/", sites=m2)

    The model depends only on the set of pages observed (never on their order
    or on how they were split between models later merged). It pickles (by
    its saved bytes). One thread at a time may write it (observe, learn,
    merge into it, load); a write while an extraction reads it raises
    RuntimeError.
    """

    __slots__ = ("_m", "__weakref__")

    def __init__(self) -> None:
        self._m = _copydesk._Sites()

    # -- learning
    def observe(self, html: Any, url: Optional[str] = None, *, charset: Optional[str] = None) -> bool:
        """Learn from one page (what extract() takes as html: bytes, str, a
        file object or a path-like). url: the page's URL (its host is the
        site; without one, the page's canonical URL or another site key it
        carries). True when the page was observed, False when it cannot be
        read (empty, not HTML, ...: skipped, the model unchanged)."""
        url = _opt_str("url", url)
        charset = _opt_str("charset", charset)
        data = _read_html(html)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
            charset = "utf-8"
        return self._m.observe(data, url, charset) == _copydesk.OK

    def learn(self, paths: Union[PathArg, Iterable[PathArg]], *, url: Optional[str] = None,
              charset: Optional[str] = None) -> "SiteModel":
        """Learn from every page of files, directories and web archives, read
        as iter_path() reads them (archive records with their own URL and
        charset; url and charset apply to plain pages). Unreadable inputs are
        skipped. Returns self."""
        _opt_str("url", url)
        _opt_str("charset", charset)
        _learn_files(self, expand_paths(paths), url, charset)
        return self

    def merge(self, other: "SiteModel") -> "SiteModel":
        """Add other's observations (models of several batches combine;
        commutative and associative). Returns self."""
        if not isinstance(other, SiteModel):
            raise TypeError("copydesk.SiteModel.merge: expected a SiteModel, not %s" % type(other).__name__)
        self._m.merge(other._m)
        return self

    # -- files
    def dumps(self) -> bytes:
        """The model in its file format (what save() writes)."""
        return self._m.save()

    def save(self, path: PathArg) -> None:
        """Write the model to path (through a temporary file renamed over it),
        streamed: the file is never held in memory beside the model. OSError
        when it cannot be written."""
        p = _path_str("path", path)
        tmp = p + ".tmp-%d" % os.getpid()
        try:
            # Streamed (copydesk_sites_save_to): the file is never held in
            # memory beside the model (docs/sites.md "Memory bound").
            self._m.save_file(tmp)
            os.replace(tmp, p)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    @classmethod
    def loads(cls, data: Union[bytes, bytearray, memoryview]) -> "SiteModel":
        """A model from saved bytes; ValueError when they are not a model
        (damaged, or of a newer version)."""
        m = cls()
        m._load(data)
        return m

    @classmethod
    def load(cls, *paths: PathArg) -> "SiteModel":
        """A model from one or more saved files (merged), like the CLI's
        repeated --sites, each streamed (never held whole in memory). OSError
        when a file cannot be read, ValueError when it is not a model
        (damaged, truncated, or of a newer version)."""
        m = cls()
        for path in paths:
            p = _path_str("path", path)
            # Streamed (copydesk_sites_load_from): the file is never held
            # whole in memory beside the model.
            if m._m.load_file(p) != _copydesk.OK:
                raise ValueError("copydesk.SiteModel: %r is not a copydesk site model (damaged, or written by "
                                 "a newer version)" % p)
        return m

    def _load(self, data, name=None):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("copydesk.SiteModel: a saved model is bytes, not %s" % type(data).__name__)
        if self._m.load(data) != _copydesk.OK:
            raise ValueError("copydesk.SiteModel: %s is not a copydesk site model (damaged, or written by a "
                             "newer version)" % (repr(name) if name else "the data"))

    # -- counts
    @property
    def hosts(self) -> int:
        """Hosts observed."""
        return self._m.counts()[0]

    @property
    def pages(self) -> int:
        """Pages observed."""
        return self._m.counts()[1]

    @property
    def nbytes(self) -> int:
        """Memory the model holds (bounded: docs/sites.md)."""
        return self._m.counts()[2]

    def __reduce__(self):
        return (_site_model_from_bytes, (self.dumps(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SiteModel) and self.dumps() == other.dumps()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        h, p, _ = self._m.counts()
        return "copydesk.SiteModel(hosts=%d, pages=%d)" % (h, p)


def _site_model_from_bytes(data):
    return SiteModel.loads(data)


_SITE_CHROME = ("auto", "off")


def _site_args(site_chrome, sites):
    """Checked site_chrome and sites (None, a SiteModel or a list of them) as a list."""
    if not isinstance(site_chrome, str) or site_chrome not in _SITE_CHROME:
        raise ValueError("copydesk: site_chrome must be \"auto\" or \"off\", not %r" % (site_chrome,))
    if sites is None:
        return []
    if isinstance(sites, SiteModel):
        return [sites]
    if isinstance(sites, (list, tuple)) and all(isinstance(m, SiteModel) for m in sites):
        return list(sites)
    raise TypeError("copydesk: sites must be a SiteModel, a list of them, or None, not %s" % type(sites).__name__)


def _one_model(models):
    """One SiteModel for a list of them (merged into a new one when several), or None."""
    if not models:
        return None
    if len(models) == 1:
        return models[0]
    m = SiteModel()
    for x in models:
        m.merge(x)
    return m

_FLAGS = (
    ("keep_comments", _copydesk.OPT_KEEP_COMMENTS),
    ("no_tables", _copydesk.OPT_NO_TABLES),
    ("no_captions", _copydesk.OPT_NO_CAPTIONS),
    ("no_extract", _copydesk.OPT_NO_EXTRACT),
    ("keep_parts", _copydesk.OPT_KEEP_PARTS),
    ("explain", _copydesk.OPT_EXPLAIN),
    ("body_only", _copydesk.OPT_BODY_ONLY),
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
    unknown = set(options) - set(_FLAG_NAMES) - {"charset"}
    if unknown:
        raise TypeError("copydesk: unexpected option(s): %s" % ", ".join(sorted(unknown)))
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


_OPTION_DOC = """
    keep_comments, no_tables, no_captions, no_extract, keep_parts, explain,
      body_only: the CLI flags (keep_parts keeps the dateline and wire credit
      in `text`; explain adds `sources`, `mode` and `dropped`; body_only drops
      the head (headline, deck, byline, dates, …) that opens format="text" and
      `markdown`: `text` in a record is always the body).
    reference_time: when the page was fetched (Unix seconds or an aware
      datetime), for relative dates such as "3 hours ago" (--reference-time).
    charset: transport charset hint for bytes (like --charset or an HTTP header)."""


def _looks_like_path(s: str) -> bool:
    """A str given as HTML that is, in fact, the path of an existing file."""
    return len(s) < 4096 and "<" not in s and "\n" not in s and os.path.isfile(s)


def _read_html(html: Any) -> Union[bytes, bytearray, memoryview, str]:
    """The page's bytes or str from what extract() was given."""
    if isinstance(html, (bytes, bytearray, memoryview, str)):
        return html
    if isinstance(html, os.PathLike):
        with open(html, "rb") as f:
            return f.read()
    read = getattr(html, "read", None)
    if callable(read):
        data = read()
        if not isinstance(data, (bytes, bytearray, str)):
            raise TypeError("copydesk: the file object's read() gave %s, not bytes or str" % type(data).__name__)
        return data
    raise TypeError("copydesk: html must be bytes or str (or a file object, or a path-like object), not %s"
                    % type(html).__name__)


@overload
def extract(html: Html, url: Optional[str] = ..., format: Literal["text"] = ..., *, keep_comments: bool = ...,
            no_tables: bool = ..., no_captions: bool = ..., no_extract: bool = ..., keep_parts: bool = ...,
            explain: bool = ..., body_only: bool = ..., charset: Optional[str] = ..., source: Optional[str] = ...,
            reference_time: Any = ..., sites: Optional["SiteModel"] = ...) -> str: ...


@overload
def extract(html: Html, url: Optional[str] = ..., format: Literal["json", "markdown"] = ..., *,
            keep_comments: bool = ..., no_tables: bool = ..., no_captions: bool = ..., no_extract: bool = ...,
            keep_parts: bool = ..., explain: bool = ..., body_only: bool = ..., charset: Optional[str] = ...,
            source: Optional[str] = ...,
            reference_time: Any = ..., sites: Optional["SiteModel"] = ...) -> Article: ...


def extract(html: Html, url: Optional[str] = None, format: str = "json", *, keep_comments: bool = False,
            no_tables: bool = False, no_captions: bool = False, no_extract: bool = False,
            keep_parts: bool = False, explain: bool = False, body_only: bool = False, charset: Optional[str] = None,
            source: Optional[str] = None, reference_time: Any = None,
            sites: Optional[SiteModel] = None) -> Union[Article, str]:
    """Extract the article from one page.

    html: the page as bytes (any bytes-like object; any charset, gzip or not;
      decoded the way browsers do), as str (encoded as UTF-8, and the charset
      hint set to utf-8), as a file object opened in binary or text mode (read
      to its end), or as an os.PathLike (pathlib.Path: the file is read). A str
      is always HTML: a str naming an existing file raises ValueError (use
      extract_file(path)).
    url: the page's URL (sets `url` and the base for Markdown links); None uses
      the page's canonical URL, if any.
    format: "json" (default): the record, an Article dict (the CLI's JSON
      line); "markdown": the record plus `markdown` (`copydesk --json --format
      markdown`: what `copydesk --format markdown` prints, the head first);
      "text": the article as text, a str (what `copydesk page.html` prints:
      the head, then the body; body_only=True: the body, i.e. the record's
      `text`).
    source: an identifier of the input, written first as `source` (the CLI
      writes the path it was given).
    sites: a SiteModel (or a list of them) to apply (`copydesk --sites`): the
      blocks it knows as the page's site's chrome are dropped. A single page
      learns nothing by itself.""" + _OPTION_DOC + """

    Raises copydesk.Error (e.status: the library's message, e.g. "empty input",
    "not an HTML document (binary data)") when the page cannot be processed,
    OSError when a path-like or file object cannot be read, and TypeError /
    ValueError for bad arguments.
    """
    bits = _bits(format, {"keep_comments": keep_comments, "no_tables": no_tables,
                          "no_captions": no_captions, "no_extract": no_extract,
                          "keep_parts": keep_parts, "explain": explain, "body_only": body_only})
    ref = _ref_time(reference_time)
    url = _opt_str("url", url)
    charset = _opt_str("charset", charset)
    source = _opt_str("source", source)
    model = _one_model(_site_args("auto", sites))
    data = _read_html(html)
    if isinstance(data, str):
        if data is html and _looks_like_path(data):
            raise ValueError("copydesk.extract: %r is the path of a file, not HTML: use "
                             "copydesk.extract_file(path)" % data)
        if charset is not None and charset.strip().lower().replace("_", "-") not in ("utf-8", "utf8"):
            raise ValueError("copydesk: charset=%r given with str input (str is always encoded as UTF-8; "
                             "pass bytes to use another charset)" % charset)
        # Lone surrogates go through as ill-formed bytes: the library turns them into U+FFFD.
        data = data.encode("utf-8", "surrogatepass")
        charset = "utf-8"
    m = model._m if model is not None else None
    if format == "text":
        return _copydesk._extract(data, url, source, charset, bits, ref, _copydesk.FORMAT_TEXT, m)
    return _json.loads(_copydesk._extract(data, url, source, charset, bits, ref, _copydesk.FORMAT_JSON, m))


def extract_file(path: PathArg, url: Optional[str] = None, format: str = "json", *,
                 source: Optional[str] = None, **options: Any) -> Union[Article, str]:
    """Extract the article from the page in a file (plain or gzip, any charset).

    `source` is the path as given (as the CLI writes it) unless given. format
    and options as for extract(). Raises OSError when the file cannot be read,
    copydesk.Error when the page cannot be processed, and ValueError for a web
    archive (WARC / ARC: many pages; use iter_path() or iter_warc()).
    """
    p = _path_str("path", path)
    with open(p, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > _MAX_INPUT:
            raise Error("read error: input too large", _copydesk.ERR_IO)
        data = f.read()
    if _copydesk._warc_sniff(data[:_SNIFF]) != 0:
        raise ValueError("copydesk.extract_file: %s is a web archive (many pages): use copydesk.iter_path() "
                         "or copydesk.iter_warc()" % p)
    return extract(data, url, format, source=p if source is None else source, **options)


class Extractor:
    """A set of extract() options, reusable and picklable.

        ex = copydesk.Extractor(format="markdown", no_tables=True)
        ex(html, url=...)            # == copydesk.extract(html, url=..., format="markdown", no_tables=True)
        ex.extract_file("page.html"), ex.iter_path("pages/"), ex.iter_warc("crawl.warc.gz")

    Instances pickle by their options (for multiprocessing, Dask, Spark), and
    their site model if any. sites: a SiteModel (or a list) applied to every
    page; site_chrome: "auto" (the iterators learn from a batch, as the CLI)
    or "off" (no site model at all).
    """

    __slots__ = ("format", "options", "sites", "site_chrome")

    def __init__(self, format: str = "json", *, keep_comments: bool = False, no_tables: bool = False,
                 no_captions: bool = False, no_extract: bool = False, keep_parts: bool = False,
                 explain: bool = False, body_only: bool = False, charset: Optional[str] = None,
                 sites: Optional[SiteModel] = None, site_chrome: str = "auto") -> None:
        opts = {"keep_comments": keep_comments, "no_tables": no_tables, "no_captions": no_captions,
                "no_extract": no_extract, "keep_parts": keep_parts, "explain": explain, "body_only": body_only}
        _bits(format, opts)  # validates
        _opt_str("charset", charset)
        self.format = format
        self.options: Dict[str, Any] = dict((k, bool(v)) for k, v in opts.items())
        if charset is not None:
            self.options["charset"] = charset
        self.sites = _one_model(_site_args(site_chrome, sites))
        self.site_chrome = site_chrome

    def _sites(self):
        return self.sites if self.site_chrome != "off" else None

    def extract(self, html: Html, url: Optional[str] = None, *, source: Optional[str] = None,
                charset: Optional[str] = None, reference_time: Any = None) -> Union[Article, str]:
        opts = dict(self.options)
        if charset is not None:
            opts["charset"] = charset
        return extract(html, url, self.format, source=source, reference_time=reference_time,
                       sites=self._sites(), **opts)

    __call__ = extract

    def extract_file(self, path: PathArg, url: Optional[str] = None, *,
                     source: Optional[str] = None) -> Union[Article, str]:
        return extract_file(path, url, self.format, source=source, sites=self._sites(), **self.options)

    def iter_warc(self, path_or_fileobj: Union[PathArg, IO[bytes]], *,
                  source: Optional[str] = None, learn: Optional[bool] = None) -> Iterator[Record]:
        return iter_warc(path_or_fileobj, self.format, source=source, sites=self.sites,
                         site_chrome=self.site_chrome, learn=learn, **self.options)

    def iter_path(self, path: Union[PathArg, Iterable[PathArg]], *, url: Optional[str] = None,
                  learn: Optional[bool] = None) -> Iterator[Record]:
        return iter_path(path, self.format, url=url, sites=self.sites, site_chrome=self.site_chrome,
                         learn=learn, **self.options)

    def __reduce__(self):
        return (_make_extractor, (self.format, dict(self.options), self.sites, self.site_chrome))

    def _key(self):
        return (self.format, self.options, self.site_chrome, self.sites.dumps() if self.sites else None)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Extractor) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.format, tuple(sorted(self.options.items())), self.site_chrome))

    def __repr__(self) -> str:
        args = ["format=%r" % self.format] + ["%s=%r" % kv for kv in sorted(self.options.items())
                                              if kv[1] not in (False, None)]
        if self.sites is not None:
            args.append("sites=%r" % self.sites)
        if self.site_chrome != "auto":
            args.append("site_chrome=%r" % self.site_chrome)
        return "copydesk.Extractor(%s)" % ", ".join(args)


def _make_extractor(format, options, sites=None, site_chrome="auto"):
    return Extractor(format, sites=sites, site_chrome=site_chrome, **options)


def _record_format(format: str, who: str) -> str:
    """Iterators yield records: "text" is refused there (a record always has `text`)."""
    if format == "text":
        raise ValueError("copydesk.%s yields records (each with its `text`): format must be \"json\" or "
                         "\"markdown\", not \"text\"" % who)
    return format


def _read_error(source: str, e: OSError) -> ErrorRecord:
    return {"source": source, "error": "read error: %s" % (e.strerror or "Input/output error")}


def iter_warc(path_or_fileobj: Union[PathArg, IO[bytes]], format: str = "json", *,
              source: Optional[str] = None, sites: Optional[SiteModel] = None, site_chrome: str = "auto",
              learn: Optional[bool] = None, **options: Any) -> Iterator[Record]:
    """Yield one record per HTML response/resource in a web archive.

    path_or_fileobj: a path (str / bytes / os.PathLike) or a binary file
      object; WARC 1.0/1.1 or ARC, uncompressed, gzip per record (Common
      Crawl) or whole-file gzip.
    Records are the CLI's (`copydesk --json FILE.warc.gz`): the article record
    with `source` = "PATH#<record-id>", `url` = WARC-Target-URI, plus
    `warc_record_id` and `warc_date` (also the reference time for relative
    dates, as in the CLI). A broken record, a page that fails, or a file that
    cannot be opened or read is an error record {"source": ..., "error": ...},
    like iter_path(); the iterator raises only for bad arguments (TypeError,
    ValueError).
    format: "json" or "markdown" (the records then carry `markdown`).
    source: the name used in `source` (default: the path, or the file object's
      `name`, or "-").
    options: as for extract() (charset is used when a record's HTTP header
      gives none).
    site_chrome: "auto" (default): an archive is a batch: it is read twice,
      first to learn its sites (SiteModel), then to extract with that model
      merged with `sites`, as `copydesk FILE.warc.gz` does (a file object that
      cannot seek back is read once: no learning); "off": no site model.
    sites: a SiteModel (or a list) to apply; learn: False to apply `sites`
      alone without learning from the archive (True forces learning).

    The archive is read by the library's own reader (copydesk_warc_* in
    copydesk.h, the CLI's), through the file object's readinto() or read().
    """
    # Check the arguments now, not at the first next().
    bits = _bits(_record_format(format, "iter_warc"), options)
    _opt_str("source", source)
    hint = _opt_str("charset", options.get("charset"))
    given = _site_args(site_chrome, sites)
    learn = site_chrome == "auto" and learn is not False
    if isinstance(path_or_fileobj, (str, bytes, os.PathLike)):
        path = _path_str("path", path_or_fileobj)
        src = source if source is not None else path
        try:
            f = open(path, "rb")
        except OSError as e:
            return iter([_read_error(src, e)])
        return _warc_records(f, True, src, bits, hint, _Plan(site_chrome, given, learn))
    if not (hasattr(path_or_fileobj, "readinto") or hasattr(path_or_fileobj, "read")):
        raise TypeError("copydesk.iter_warc: expected a path or a binary file object, not %s"
                        % type(path_or_fileobj).__name__)
    name = getattr(path_or_fileobj, "name", None)
    if source is None:
        source = os.fsdecode(name) if isinstance(name, (str, bytes)) else "-"
    return _warc_records(path_or_fileobj, False, source, bits, hint, _Plan(site_chrome, given, learn))


class _Plan:
    """How an iterator gets its site model: `given` models, plus (learn) what
    it learns from its own inputs; none with site_chrome="off"."""

    __slots__ = ("off", "given", "learn")

    def __init__(self, site_chrome, given, learn):
        self.off = site_chrome == "off"
        self.given = given
        self.learn = learn and not self.off

    def model(self, learned):
        if self.off:
            return None
        return _one_model(self.given + ([learned] if learned is not None else []))


def _seekable(f):
    try:
        return bool(f.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _learn_warc(model, f, hint):
    """Every HTML record of the archive f observed into model (the CLI's pass 1)."""
    reader = _copydesk._Warc(f)
    try:
        while True:
            rec = reader.next()
            if rec is None:
                break
            if rec[0] == _copydesk.WARC_HTML:
                reader.observe(model._m, hint)
    finally:
        reader.close()


def _learn_files(model, files, url, hint):
    """The CLI's pass 1 over files (plain pages with url and hint; archives
    record by record). Unreadable files and pages are skipped."""
    for p in files:
        try:
            with open(p, "rb") as f:
                head = f.read(_SNIFF)
                if _copydesk._warc_sniff(head) != 0:
                    f.seek(0)
                    try:
                        _learn_warc(model, f, hint)
                    except OSError:
                        pass
                    continue
                if os.fstat(f.fileno()).st_size > _MAX_INPUT:
                    continue
                data = head + f.read()
        except OSError:
            continue
        model._m.observe(data, url, hint)


def _path_str(what: str, path: Any) -> str:
    if isinstance(path, (bytes, os.PathLike)):
        path = os.fsdecode(path)
    if not isinstance(path, str):
        raise TypeError("copydesk: %s must be a str or os.PathLike, not %s" % (what, type(path).__name__))
    return _opt_str(what, path)


def _warc_records(f, owned, path, bits, hint, plan, model=None):
    """The generator behind iter_warc(): the CLI's records, built the same way
    (the source suffix and error messages come from the library). With
    plan.learn (and a file that can seek back), a first pass learns the
    archive's sites; `model` (when plan is None) is the one to use as is."""
    reader = None
    try:
        if plan is not None:
            learned = None
            if plan.learn and _seekable(f):
                try:
                    start = f.tell()
                    learned = SiteModel()
                    _learn_warc(learned, f, hint)
                    f.seek(start)
                except OSError:
                    learned = None
                    try:
                        f.seek(start)
                    except (OSError, UnboundLocalError):
                        pass
            model = plan.model(learned)
        m = model._m if model is not None else None
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
                    out = _json.loads(reader.extract(source, hint, bits, m))
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
            yield _read_error(path, e)
    finally:
        if reader is not None:
            reader.close()
        if owned:
            f.close()


# The CLI's largest input (src/util/limits.h CD_MAX_INPUT).
_MAX_INPUT = 256 * 1024 * 1024
_SNIFF = 4096
# The files a directory is read for (cli/files.c), matched case-sensitively.
EXTENSIONS: Tuple[str, ...] = (".html", ".htm", ".html.gz", ".htm.gz", ".warc", ".warc.gz", ".arc", ".arc.gz")


# Why a directory walk leaves a file out, as the CLI counts them (cli/files.h).
_SKIP_NAMES = ("by name", "hidden", "not a regular file", "broken link")


def _walk(top: str, out: List[str], skipped: Optional[Dict[str, int]] = None,
          errors: Optional[Dict[str, str]] = None) -> int:
    """The CLI's directory walk (cli/files.c): hidden entries (a leading dot)
    skipped, symbolic links followed, regular files with one of EXTENSIONS kept;
    a directory's files come first, in sorted order, then its subdirectories,
    each walked the same way, in sorted order. skipped counts what was left
    out by reason (_SKIP_NAMES); a directory that cannot be listed, or an entry
    that cannot be looked at, is added to out with its "read error: ..." in
    errors. Returns the number of files skipped."""
    if skipped is None:
        skipped = {}
    if errors is None:
        errors = {}
    stack = [top]
    while stack:
        d = stack.pop()
        try:
            names = os.listdir(d)
        except OSError as e:
            out.append(d)
            errors[d] = "read error: %s" % (e.strerror or "Input/output error")
            continue
        files, dirs = [], []
        for name in names:
            if name.startswith("."):
                skipped["hidden"] = skipped.get("hidden", 0) + 1
                continue
            path = d + name if d.endswith("/") else d + "/" + name
            try:
                st = os.stat(path)
            except OSError as e:
                if isinstance(e, FileNotFoundError) and os.path.islink(path):
                    skipped["broken link"] = skipped.get("broken link", 0) + 1
                else:
                    files.append(path)
                    errors[path] = "read error: %s" % (e.strerror or "Input/output error")
                continue
            if _stat.S_ISDIR(st.st_mode):
                dirs.append(path)
            elif not _stat.S_ISREG(st.st_mode):
                skipped["not a regular file"] = skipped.get("not a regular file", 0) + 1
            elif any(len(name) > len(e) and name.endswith(e) for e in EXTENSIONS):
                files.append(path)
            else:
                skipped["by name"] = skipped.get("by name", 0) + 1
        out.extend(sorted(files, key=os.fsencode))
        stack.extend(sorted(dirs, key=os.fsencode, reverse=True))
    return sum(skipped.values())


def _nothing_under(top: str, skipped: Dict[str, int]) -> str:
    """The CLI's message for a directory with nothing to read."""
    total = sum(skipped.values())
    if not total:
        return "no HTML or archive files under %s (the directory is empty)" % top
    why = ", ".join("%d %s" % (skipped[k], k) for k in _SKIP_NAMES if skipped.get(k))
    return "no HTML or archive files under %s (%d file%s skipped: %s)" % (top, total, "" if total == 1 else "s", why)


def expand_paths(paths: Union[PathArg, Iterable[PathArg]]) -> List[str]:
    """The inputs `copydesk PATH ...` reads, in its order: files as given (even
    without one of EXTENSIONS: a file named on the command line is always
    read), directories walked as the CLI walks them (see _walk). A single
    str / bytes / os.PathLike is one path."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    out: List[str] = []
    for p in paths:
        p = _path_str("path", p)
        if os.path.isdir(p):
            _walk(p, out)
        else:
            out.append(p)
    return out


def iter_path(path: Union[PathArg, Iterable[PathArg]], format: str = "json", *, url: Optional[str] = None,
              sites: Optional[SiteModel] = None, site_chrome: str = "auto", learn: Optional[bool] = None,
              **options: Any) -> Iterator[Record]:
    """Yield the records `copydesk --json PATH ...` writes, in its order.

    path: a file or directory (str / bytes / os.PathLike), or a list of them.
    A directory is walked as the CLI walks it (expand_paths(): recursively, for
    EXTENSIONS); one that holds none of them gives one error record, "no HTML
    or archive files under DIR". A web archive (WARC / ARC, recognised by
    content, gzip or not) gives one record per HTML record (see iter_warc());
    any other file is one page (plain or gzip) with `source` = its path. url
    applies to plain pages only (archives carry their own). A file that cannot
    be read, or a page that fails, is an error record {"source": path,
    "error": ...}; nothing is raised for bad data (TypeError / ValueError for
    bad arguments).
    format: "json" or "markdown".
    site_chrome: "auto" (default), as the CLI: a batch (several files, or one
      archive) is read twice, first to learn its sites (SiteModel.learn()),
      then to extract with that model merged with `sites`; a single page
      learns nothing. "off": no site model at all (`sites` ignored).
    sites: a SiteModel (or a list) to apply, as `copydesk --sites`; learn:
      False to apply `sites` alone, True to learn even from a single page.
    """
    if isinstance(path, (str, bytes, os.PathLike)):
        paths = [path]
    elif isinstance(path, Iterable):
        paths = list(path)
    else:
        raise TypeError("copydesk.iter_path: path must be a str, os.PathLike or a list of them, not %s"
                        % type(path).__name__)
    paths = [_path_str("path", p) for p in paths]
    _opt_str("url", url)
    _bits(_record_format(format, "iter_path"), options)
    plan = _Plan(site_chrome, _site_args(site_chrome, sites), learn is not False)
    return _path_records(paths, format, url, options, plan, learn)


def _is_archive_file(p):
    try:
        with open(p, "rb") as f:
            return _copydesk._warc_sniff(f.read(_SNIFF)) != 0
    except OSError:
        return False


def _path_records(paths, format, url, options, plan, learn):
    learned = None
    if plan.learn:
        files = expand_paths(paths)
        # The CLI's rule: a batch is more than one input, or an archive.
        if learn or len(files) > 1 or (len(files) == 1 and _is_archive_file(files[0])):
            learned = SiteModel()
            _learn_files(learned, files, url, options.get("charset"))
    model = plan.model(learned)
    for top in paths:
        if os.path.isdir(top):
            files: List[str] = []
            skipped: Dict[str, int] = {}
            errors: Dict[str, str] = {}
            _walk(top, files, skipped, errors)
            if not files:
                yield {"source": top, "error": _nothing_under(top, skipped)}
            for p in files:
                if p in errors:
                    yield {"source": p, "error": errors[p]}
                else:
                    yield from _file_records(p, format, url, options, model)
        else:
            yield from _file_records(top, format, url, options, model)


def _file_records(src, format, url, options, model):
    try:
        f = open(src, "rb")
    except OSError as e:
        yield _read_error(src, e)
        return
    with f:
        try:
            head = f.read(_SNIFF)
            if _copydesk._warc_sniff(head) != 0:
                f.seek(0)
                bits = _bits(format, options)
                yield from _warc_records(f, False, src, bits, options.get("charset"), None, model)
                return
            size = os.fstat(f.fileno()).st_size
            if size > _MAX_INPUT:
                yield {"source": src, "error": "read error: input too large"}
                return
            data = head + f.read()
        except OSError as e:
            yield _read_error(src, e)
            return
    try:
        yield extract(data, url, format, source=src, sites=model, **options)
    except Error as e:
        yield {"source": src, "error": e.status}


def to_dataframe(records: Union[PathArg, Iterable[Record]], **options: Any) -> "Any":
    """A pandas DataFrame of records, one row per record, one column per FIELDS
    entry (in that order; a key a record lacks is None). `authors` and `tags`
    are lists, `image` a dict {"url", "caption", "credit"} or None, `sources` a
    dict or None. An error record is a row whose `error` is set.

    records: an iterable of records (from iter_path(), iter_warc(), extract()),
      or a path / directory, read with iter_path(path, **options).
    Needs pandas (Debian: python3-pandas); raises ImportError without it.
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("copydesk.to_dataframe needs pandas (Debian: apt-get install python3-pandas)") from None
    if isinstance(records, (str, bytes, os.PathLike)):
        records = iter_path(records, **options)
    elif options:
        raise TypeError("copydesk.to_dataframe: options apply to a path, not to records")
    rows = [[r.get(k) for k in FIELDS] for r in records]
    return pd.DataFrame(rows, columns=list(FIELDS))
