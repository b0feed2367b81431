"""copydesk.iter_warc() against the CLI on the same archives: the records
(articles, error records, source "path#<record-id>", warc_record_id,
warc_date) must be the ones `copydesk --json -j 1 FILE` writes."""
import glob
import io
import os

import pytest

import copydesk
import warcgen
from conftest import SHARED, run_cli


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    d = tmp_path_factory.mktemp("warc")
    recs = warcgen.sample_records()
    out = {}
    for mode in ("none", "record", "file"):
        out[mode] = warcgen.write(str(d / ("good-%s.warc%s" % (mode, "" if mode == "none" else ".gz"))),
                                  recs, mode)
    # Broken: a wrong Content-Length in the middle, then a record cut short at the end.
    broken = recs[:4] + [warcgen.bad_length(recs[4])] + recs[5:8] + [recs[8][: len(recs[8]) // 2]]
    out["bad-none"] = warcgen.write(str(d / "bad.warc"), broken, "none")
    out["bad-record"] = warcgen.write(str(d / "bad.warc.gz"), broken, "record")
    corrupt = open(out["record"], "rb").read()
    mid = len(corrupt) // 2
    with open(str(d / "corrupt.warc.gz"), "wb") as f:
        f.write(corrupt[:mid] + b"\0" * 64 + corrupt[mid + 64:])
    out["corrupt"] = str(d / "corrupt.warc.gz")
    return out


@pytest.mark.parametrize("mode", ["none", "record", "file", "bad-none", "bad-record", "corrupt"])
def test_same_records_as_cli(archives, mode, cli):
    path = archives[mode]
    want = run_cli(["--json", "-q", "-j", "1", path])
    got = list(copydesk.iter_warc(path))
    assert len(want) >= 3
    assert got == want
    if mode in ("none", "record", "file"):
        assert not any("error" in r for r in got if "short" not in (r.get("url") or ""))
        assert all(r["source"] == "%s#%s" % (path, r["warc_record_id"]) for r in got if "error" not in r)
    else:
        assert any("error" in r for r in got)


@pytest.mark.parametrize("flags,kw", [(["--format", "markdown"], {"format": "markdown"}),
                                      (["--no-tables", "--no-captions"], {"no_tables": True, "no_captions": True}),
                                      (["--charset", "windows-1252"], {"charset": "windows-1252"})])
def test_options_same_as_cli(archives, flags, kw, cli):
    path = archives["record"]
    assert list(copydesk.iter_warc(path, **kw)) == run_cli(["--json", "-q", "-j", "1"] + flags + [path])
    ex = copydesk.Extractor(**kw)
    assert list(ex.iter_warc(path)) == list(copydesk.iter_warc(path, **kw))


def test_shared_samples_same_as_cli(cli):
    files = sorted(glob.glob(os.path.join(SHARED, "data", "warc-samples", "*.*arc*")))
    assert len(files) >= 10
    for path in files:
        assert list(copydesk.iter_path(path)) == run_cli(["--json", "-q", "-j", "1", path]), path


def test_file_object_and_source(archives):
    path = archives["record"]
    want = list(copydesk.iter_warc(path))
    with open(path, "rb") as f:
        assert list(copydesk.iter_warc(f)) == want  # source from f.name
    got = list(copydesk.iter_warc(io.BytesIO(open(path, "rb").read()), source="crawl"))
    assert [r["source"].replace("crawl", path, 1) for r in got] == [r["source"] for r in want]
    assert list(copydesk.iter_warc(io.BytesIO(b""))) == []


def test_not_an_archive_is_an_error_record():
    [rec] = copydesk.iter_warc(io.BytesIO(b"<html><p>not an archive</p></html>"))
    assert rec == {"source": "-@0", "error": "not a WARC or ARC file at byte 0"}


def test_garbage_never_raises():
    import random
    rnd = random.Random(7)
    good = b"".join(warcgen.sample_records(0))
    for i in range(200):
        b = bytearray(good)
        for _ in range(rnd.randint(1, 20)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        cut = rnd.randrange(len(b)) if i % 3 == 0 else len(b)
        for rec in copydesk.iter_warc(io.BytesIO(bytes(b[:cut]))):
            assert "source" in rec and ("error" in rec or "text" in rec)


@pytest.mark.parametrize("mode", ["none", "record", "file"])
def test_damaged_archives_same_as_cli(mode, cli, tmp_path):
    """Differential check on randomly damaged archives (bytes flipped, cut,
    inserted, truncated): the Python reader recovers exactly like the C one."""
    import random
    rnd = random.Random(20240501 + len(mode))
    recs = warcgen.sample_records(2)
    good = open(warcgen.write(str(tmp_path / "good"), recs, mode), "rb").read()
    path = str(tmp_path / ("damaged.warc" + ("" if mode == "none" else ".gz")))
    for i in range(40):
        b = bytearray(good)
        for _ in range(rnd.randint(1, 6)):
            k, op = rnd.randrange(len(b)), rnd.random()
            if op < 0.5:
                b[k] = rnd.randrange(256)
            elif op < 0.75:
                del b[k:k + rnd.randint(1, 200)]
            else:
                b[k:k] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 50)))
        if rnd.random() < 0.3:
            b = b[:rnd.randrange(len(b))]
        with open(path, "wb") as f:
            f.write(b)
        assert list(copydesk.iter_path(path)) == run_cli(["--json", "-q", "-j", "1", path]), \
            "damaged archive %d differs (kept at %s)" % (i, path)


def test_file_objects_read_and_errors(archives):
    """The library's reader pulls through readinto() or, failing that, read();
    an OSError from the file ends the input: the records before it come out,
    then one read error record, as the CLI reports it."""
    path = archives["none"]
    data = open(path, "rb").read()
    want = list(copydesk.iter_warc(path, source="x"))

    class ReadOnly:
        def __init__(self, b):
            self.b = io.BytesIO(b)

        def read(self, n=-1):
            return self.b.read(n)

    assert list(copydesk.iter_warc(ReadOnly(data), source="x")) == want

    class Failing(io.RawIOBase):
        def __init__(self, b, after):
            self.b, self.after = io.BytesIO(b), after

        def readable(self):
            return True

        def readinto(self, buf):
            if self.b.tell() >= self.after:
                raise OSError(5, "Input/output error")
            return self.b.readinto(memoryview(buf)[:1000])

    got = list(copydesk.iter_warc(Failing(data, len(data) // 2), source="x"))
    assert got[-1] == {"source": "x", "error": "read error: Input/output error"}
    assert got[:3] == want[:3]
    assert len(got) < len(want) + 1
    with pytest.raises(TypeError, match="binary file object"):
        list(copydesk.iter_warc(io.StringIO("WARC/1.1\r\n")))
