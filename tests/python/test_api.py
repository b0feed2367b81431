"""API tests for the copydesk Python module: types, arguments, errors,
options, str input, pickling, threads (the GIL is released while extracting)."""
import gzip
import glob
import os
import pickle
import threading

import pytest

import copydesk
from conftest import SHARED, TOP, run_cli

NEWS = os.path.join(TOP, "examples", "news.html")
NEWS_URL = "https://example.com/news/story.html"


@pytest.fixture(scope="module")
def news():
    with open(NEWS, "rb") as f:
        return f.read()


def test_record_fields(news):
    rec = copydesk.extract(news, url=NEWS_URL)
    assert list(rec) == ["url", "title", "deck", "authors", "date_published", "date_modified",
                         "site_name", "language", "description", "section", "image", "credit",
                         "dateline", "tags", "text"]
    assert rec["url"] == NEWS_URL
    assert rec["title"] == "Alpine nations agree to pool glacier data as melt quickens"
    assert rec["authors"] == ["Clara Weiss"]
    assert isinstance(rec["text"], str) and rec["text"]
    with open(os.path.join(TOP, "examples", "news.expected.txt"), encoding="utf-8") as f:
        expected = f.read().rstrip("\n")
    # format="text" opens with the head, as `copydesk page.html` (make example) prints it;
    # the record's `text` is the body alone, which body_only=True gives too
    text = copydesk.extract(news, url=NEWS_URL, format="text")
    assert text == expected and text.startswith(rec["title"] + "\n\n" + rec["deck"] + "\n\nBy Clara Weiss\n")
    assert copydesk.extract(news, format="text", body_only=True) == rec["text"]
    assert expected.endswith("\n\n" + rec["text"])


def test_formats(news, cli):
    j = copydesk.extract(news)
    t = copydesk.extract(news, format="text")
    m = copydesk.extract(news, format="markdown")
    assert isinstance(j, dict) and "markdown" not in j
    # format="text" is the text, as `copydesk page.html` prints it (not the record)
    assert isinstance(t, str)
    import subprocess
    out = subprocess.run([cli, NEWS], stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    assert t == out.rstrip("\n")
    assert list(m)[-1] == "markdown" and m["text"] == j["text"]
    # `markdown` is what `copydesk --format markdown` prints: the head first
    md = subprocess.run([cli, "--format", "markdown", NEWS], stdout=subprocess.PIPE, check=True).stdout
    assert m["markdown"] == md.decode("utf-8").rstrip("\n")
    assert m["markdown"].startswith("# Alpine nations agree to pool glacier data as melt quickens\n\n*Five ")
    assert not copydesk.extract(news, format="markdown", body_only=True)["markdown"].startswith("# ")
    assert "](https://example.com/" in copydesk.extract(news, url=NEWS_URL, format="markdown")["markdown"]


def test_same_record_as_cli_markdown(news, cli):
    [want] = run_cli(["--json", "--format", "markdown", "--url", NEWS_URL, "examples/news.html"])
    assert copydesk.extract(news, NEWS_URL, "markdown", source="examples/news.html") == want


def test_same_record_as_cli_wcxb_sample(cli):
    pages = sorted(glob.glob(os.path.join(SHARED, "data", "wcxb-dev", "html", "*.html.gz")))[::100]
    assert len(pages) >= 10, "wcxb-dev pages not found under %s" % SHARED
    want = run_cli(["--json", "-q", "-j", "1", "--no-tables"] + pages)
    got = [copydesk.extract(open(p, "rb").read(), source=p, no_tables=True) for p in pages]
    assert got == want


def test_bytes_like_inputs(news):
    want = copydesk.extract(news)
    assert copydesk.extract(bytearray(news)) == want
    assert copydesk.extract(memoryview(news)) == want
    assert copydesk.extract(gzip.compress(news)) == want  # gzip detected by content


def test_str_input_is_utf8():
    page = "<html><head><meta charset=windows-1252><title>Caf\u00e9</title></head><body><article>" \
           "<p>\u00c9t\u00e9 \u2014 caf\u00e9 cr\u00e8me \u65e5\u672c and a long enough paragraph " \
           "of article text to be kept by the extractor as the main content.</p></article></body></html>"
    rec = copydesk.extract(page)
    assert "\u00c9t\u00e9 \u2014 caf\u00e9 cr\u00e8me \u65e5\u672c" in rec["text"]
    assert copydesk.extract(page, charset="UTF-8") == rec
    with pytest.raises(ValueError, match="str input"):
        copydesk.extract(page, charset="latin-1")
    # Lone surrogates cannot be UTF-8: they come out as U+FFFD, not an exception.
    copydesk.extract("<p>\ud800 x</p>")


def test_charset_hint():
    body = "<html><body><article><p>%s</p></article></body></html>" % ("Gr\u00fc\u00dfe aus K\u00f6ln. " * 10)
    data = body.encode("latin-1")
    assert "Gr\u00fc\u00dfe" in copydesk.extract(data, charset="iso-8859-1")["text"]


def test_options_change_text():
    page = (b"<html><body><article><p>" + b"Body paragraph with enough words to be the article. " * 5 +
            b"</p><table><tr><td>cell one</td><td>cell two</td></tr><tr><td>a</td><td>b</td></tr></table>"
            b"<figure><img src=x.jpg><figcaption>The caption text</figcaption></figure></article></body></html>")
    full = copydesk.extract(page)["text"]
    assert "cell one | cell two" in full
    assert "cell one" not in copydesk.extract(page, no_tables=True)["text"]
    assert "The caption text" in full
    assert "The caption text" not in copydesk.extract(page, no_captions=True)["text"]
    assert copydesk.extract(page, no_extract=True)["text"]
    assert copydesk.extract(page, keep_comments=True)["text"] == full


def test_source_and_url():
    rec = copydesk.extract(b"<p>hello world</p>", url="https://a.example/x", source="s.html")
    assert list(rec)[:2] == ["source", "url"] and rec["source"] == "s.html"
    assert copydesk.extract(b"<p>hello world</p>")["url"] is None


@pytest.mark.parametrize("data,status", [
    (b"", "empty input"),
    (b"\x1f\x8b\x08\x00garbage-not-gzip", "damaged gzip data (truncated or corrupt)"),
    (gzip.compress(b"<html><body><p>" + b"A sentence of the page. " * 50 + b"</p></body></html>")[:-20],
     "damaged gzip data (truncated or corrupt)"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", "not an HTML document (binary data)")])
def test_error(data, status):
    with pytest.raises(copydesk.Error) as ei:
        copydesk.extract(data)
    assert str(ei.value) == status == ei.value.status
    assert isinstance(ei.value.code, int) and ei.value.code > 0
    assert copydesk._copydesk.status_str(ei.value.code) == status


def test_error_is_exception_subclass():
    assert issubclass(copydesk.Error, Exception)
    assert copydesk.Error.__module__ == "copydesk"


@pytest.mark.parametrize("call,exc,msg", [
    (lambda: copydesk.extract(None), TypeError, "html must be bytes or str"),
    (lambda: copydesk.extract(123), TypeError, "html must be bytes or str"),
    (lambda: copydesk.extract(NEWS), ValueError, "is the path of a file, not HTML: use copydesk.extract_file"),
    (lambda: copydesk.iter_path(NEWS, format="text"), ValueError, "yields records"),
    (lambda: copydesk.iter_warc(NEWS, format="text"), ValueError, "yields records"),
    (lambda: copydesk.iter_path(3), TypeError, "path must be a str"),
    (lambda: copydesk.extract(b"<p>x</p>", url=5), TypeError, "url must be a str"),
    (lambda: copydesk.extract(b"<p>x</p>", format="pdf"), ValueError, "unknown format 'pdf'"),
    (lambda: copydesk.extract(b"<p>x</p>", format=None), TypeError, "format must be a str"),
    (lambda: copydesk.extract(b"<p>x</p>", charset=b"utf-8"), TypeError, "charset must be a str"),
    (lambda: copydesk.extract(b"<p>x</p>", url="a\0b"), ValueError, "NUL"),
    (lambda: copydesk.extract(b"<p>x</p>", no_tables="yes"), TypeError, "no_tables must be a bool"),
    (lambda: copydesk.extract(b"<p>x</p>", bogus=True), TypeError, "bogus"),
    (lambda: copydesk.Extractor(format="xml"), ValueError, "unknown format"),
    (lambda: copydesk.iter_warc(42), TypeError, "path or a binary file object"),
])
def test_bad_arguments(call, exc, msg):
    with pytest.raises(exc, match=msg):
        call()


def test_extractor_pickles(news):
    ex = copydesk.Extractor(format="markdown", no_tables=True, charset="utf-8")
    ex2 = pickle.loads(pickle.dumps(ex))
    assert ex2 == ex and ex2 is not ex and hash(ex2) == hash(ex)
    assert "no_tables=True" in repr(ex2)
    assert ex2(news, NEWS_URL) == copydesk.extract(news, NEWS_URL, "markdown", no_tables=True, charset="utf-8")
    # Module-level functions pickle by reference.
    for f in (copydesk.extract, copydesk.iter_warc, copydesk.iter_path):
        assert pickle.loads(pickle.dumps(f)) is f
    with pytest.raises(AttributeError):
        ex.other = 1  # __slots__: the options are all there is


def test_error_pickles():
    try:
        copydesk.extract(b"")
    except copydesk.Error as e:
        e2 = pickle.loads(pickle.dumps(e))
        assert type(e2) is copydesk.Error and str(e2) == "empty input"
        assert (e2.status, e2.code) == ("empty input", e.code) and e.code > 0


def test_iter_path_page_and_errors(tmp_path, news):
    p = tmp_path / "a.html"
    p.write_bytes(news)
    e = tmp_path / "empty.html"
    e.write_bytes(b"")
    [rec] = copydesk.iter_path(str(p), url=NEWS_URL)
    assert rec == copydesk.extract(news, NEWS_URL, source=str(p))
    assert list(copydesk.iter_path(str(e))) == [{"source": str(e), "error": "empty input"}]
    [r] = copydesk.iter_path(str(tmp_path / "missing.html"))
    assert r["error"].startswith("read error: ") and "source" in r


def _big_page(paragraphs):
    para = b"<p>" + b"Words of a long article paragraph, with commas, and more words to score. " * 8 + b"</p>\n"
    return b"<html><head><title>Big</title></head><body><article>" + para * paragraphs + b"</article></body></html>"


def test_gil_released_during_extraction():
    """While one thread is inside extract(), another runs Python code.

    Not a timing threshold but an ordering: thread A extracts a big page and
    notes when it entered and left the call; the main thread, woken when A
    starts, runs a short Python loop and notes when it is done. With the GIL
    released the loop ends near A's start (well before half of A's call);
    with the GIL held for the C call it cannot end before A's C work is over.
    A page too small to tell on a fast machine is retried bigger."""
    import time
    for paragraphs in (20000, 60000, 150000):
        page = _big_page(paragraphs)
        started, st = threading.Event(), {}

        def work():
            st["enter"] = time.perf_counter()
            started.set()
            copydesk._copydesk._extract(page, None, None, None, 0, 0)
            st["exit"] = time.perf_counter()

        t = threading.Thread(target=work)
        t.start()
        started.wait()
        n = 0
        for _ in range(1000):
            n += 1
        looped = time.perf_counter()
        t.join()
        call = st["exit"] - st["enter"]
        if call > 0.02 and looped - st["enter"] < 0.5 * call:
            return
    pytest.fail("the main thread could not run Python code while another thread was inside extract()")


def test_threads_give_the_same_records():
    pages = sorted(glob.glob(os.path.join(SHARED, "data", "wcxb-dev", "html", "*.html.gz")))[:40]
    data = [open(p, "rb").read() for p in pages]
    want = [copydesk.extract(d) for d in data]
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(4) as pool:
        for _ in range(2):
            assert list(pool.map(copydesk.extract, data)) == want


def test_news_options():
    """explain adds `sources`; reference_time is checked; keep_parts is a flag like the others."""
    page = (b"<html lang=en><head><title>Harbour reopens - Coast Times</title></head><body><article>"
            b"<h1>Harbour reopens</h1><p>" + b"The harbour reopened on Thursday after the storm. " * 6 +
            b"</p></article></body></html>")
    rec = copydesk.extract(page, url="https://example.com/2014/11/06/harbour.html", explain=True,
                           reference_time=1415293200)
    assert rec["date_published"] == "2014-11-06"
    assert rec["sources"]["date_published"] == "url"
    assert "sources" not in copydesk.extract(page)
    assert copydesk.extract(page, keep_parts=True)["text"]
    import datetime
    aware = datetime.datetime(2014, 11, 6, 17, tzinfo=datetime.timezone.utc)
    assert copydesk.extract(page, reference_time=aware)["title"] == "Harbour reopens"
    with pytest.raises(ValueError):
        copydesk.extract(page, reference_time=datetime.datetime(2014, 11, 6))
    with pytest.raises(TypeError):
        copydesk.extract(page, reference_time="yesterday")
    with pytest.raises(ValueError):
        copydesk.extract(page, reference_time=-5)
    ex = copydesk.Extractor(explain=True)
    assert "sources" in ex(page)
    assert pickle.loads(pickle.dumps(ex)) == ex
