"""Site chrome in the Python module (issue #13): SiteModel, the iterators'
site_chrome / sites, and the Dask integration. The pages are tests/sites/pages
(five pages of one made-up site sharing chrome, one page of another host); the
records must be the CLI's on the same inputs."""
import json
import os
import pickle

import pytest

import copydesk
from conftest import TOP, run_cli

PAGES = os.path.join(TOP, "tests", "sites", "pages")
FILES = sorted(os.path.join(PAGES, n) for n in os.listdir(PAGES) if n.endswith(".html"))
BOX = "Local reporting in these pages is supported by readers"
HOST = "https://news.millbrook-ledger.example/"


def norm(records):
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


def read(p):
    with open(p, "rb") as f:
        return f.read()


def test_batch_equals_cli(cli):
    got = list(copydesk.iter_path(FILES, explain=True))
    assert norm(got) == norm(run_cli(["--json", "-q", "--explain"] + FILES))
    ledger = [r for r in got if "ledger-" in r["source"]]
    assert len(ledger) == 5 and all(BOX not in r["text"] for r in ledger)
    assert all(any(d["reason"] == "site-chrome" for d in r["dropped"]) for r in ledger)
    off = list(copydesk.iter_path(FILES, explain=True, site_chrome="off"))
    assert norm(off) == norm(run_cli(["--json", "-q", "--explain", "--site-chrome", "off"] + FILES))
    assert all(BOX in r["text"] for r in off if "ledger-" in r["source"])
    # The one-page host is untouched.
    assert [r for r in got if "voices" in r["source"]] == [r for r in off if "voices" in r["source"]]
    # A directory is the same batch.
    assert norm(copydesk.iter_path(PAGES)) == norm(copydesk.iter_path(FILES))


def test_single_page_learns_nothing():
    [alone] = copydesk.iter_path(FILES[0])
    assert alone == copydesk.extract_file(FILES[0])
    assert BOX in alone["text"]
    [forced] = copydesk.iter_path(FILES[0], learn=True)  # one page: below SITES_MIN_PAGES
    assert forced == alone


def test_model_learn_save_load_merge(tmp_path, cli):
    m = copydesk.SiteModel().learn(PAGES)
    assert (m.hosts, m.pages) == (2, 6) and m.nbytes > 0
    assert "hosts=2" in repr(m)
    # The same bytes as the CLI's --learn-sites, whatever the order.
    path = str(tmp_path / "m.sites")
    run_cli(["--json", "-q", "--learn-sites", path] + FILES[::-1])
    assert read(path) == m.dumps()
    m.save(str(tmp_path / "py.sites"))
    assert read(str(tmp_path / "py.sites")) == m.dumps()
    assert copydesk.SiteModel.load(path) == m
    assert pickle.loads(pickle.dumps(m)) == m
    # Page by page observation, in any order, and merged halves, give the same model.
    obs = copydesk.SiteModel()
    for p in FILES[::-1]:
        assert obs.observe(read(p))
    assert obs == m
    a, b = copydesk.SiteModel().learn(FILES[:2]), copydesk.SiteModel().learn(FILES[2:])
    assert copydesk.SiteModel().merge(b).merge(a) == a.merge(b) == m
    # Two files of the same pages: the set of pages is the same, so is the model.
    assert copydesk.SiteModel.load(str(tmp_path / "py.sites"), path) == m
    assert not copydesk.SiteModel().observe(b"")  # unreadable: skipped
    assert copydesk.SiteModel.loads(copydesk.SiteModel().dumps()).pages == 0


def test_model_files_stream(tmp_path):
    # save(path) and load(path) stream (copydesk_sites_save_to / _load_from):
    # the same bytes as dumps(), and a damaged or truncated file is refused
    # whole, into an empty model or into one already loaded.
    m = copydesk.SiteModel().learn(PAGES)
    good = str(tmp_path / "good.sites")
    m.save(good)
    data = read(good)
    assert data == m.dumps()
    for i, cut in enumerate([0, 7, 8, 40, len(data) // 2, len(data) - 8, len(data) - 1]):
        bad = str(tmp_path / ("cut%d.sites" % i))
        with open(bad, "wb") as f:
            f.write(data[:cut])
        with pytest.raises(ValueError, match="not a copydesk site model"):
            copydesk.SiteModel.load(bad)
        with pytest.raises(ValueError, match="not a copydesk site model"):
            copydesk.SiteModel.load(good, bad)
    flipped = bytearray(data)
    flipped[len(data) // 3] ^= 1
    bad = str(tmp_path / "flip.sites")
    with open(bad, "wb") as f:
        f.write(bytes(flipped) + b"")
    with pytest.raises(ValueError):
        copydesk.SiteModel.load(bad)
    with open(bad, "wb") as f:
        f.write(data + b"\0")  # a byte after the checksum
    with pytest.raises(ValueError):
        copydesk.SiteModel.load(bad)
    with pytest.raises(OSError):
        copydesk.SiteModel.load(str(tmp_path))  # a directory
    with pytest.raises(OSError):
        m.save(str(tmp_path / "no" / "such.sites"))
    assert copydesk.SiteModel.load(good, good) == m


def test_model_applies_to_single_pages(cli, tmp_path):
    m = copydesk.SiteModel().learn(FILES)
    batch = {r["source"]: r for r in copydesk.iter_path(FILES)}
    for p in FILES:
        assert copydesk.extract_file(p, sites=m) == batch[p]
        rec = copydesk.extract(read(p), sites=m)
        assert rec["text"] == batch[p]["text"]
    assert copydesk.extract(read(FILES[0]), format="text", body_only=True, sites=m) == batch[FILES[0]]["text"]
    path = str(tmp_path / "m.sites")
    m.save(path)
    assert norm(copydesk.iter_path(FILES[:1], sites=m)) == norm(run_cli(["--json", "-q", "--sites", path, FILES[0]]))
    # site_chrome="off" ignores the model; learn=False uses the model alone.
    assert norm(copydesk.iter_path(FILES, sites=m, site_chrome="off")) == norm(copydesk.iter_path(FILES, site_chrome="off"))
    assert norm(copydesk.iter_path(FILES, sites=m, learn=False)) == norm(batch.values())
    ex = copydesk.Extractor(sites=m)
    assert ex(read(FILES[1]))["text"] == batch[FILES[1]]["text"]
    ex2 = pickle.loads(pickle.dumps(ex))
    assert ex2 == ex and ex2.extract_file(FILES[1]) == batch[FILES[1]]
    assert "sites=" in repr(ex)
    assert copydesk.Extractor(site_chrome="off", sites=m).extract_file(FILES[1]) == \
        copydesk.extract_file(FILES[1])


def _warc(path, files):
    with open(path, "wb") as f:
        for i, p in enumerate(files):
            body = read(p)
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
            uri = HOST + os.path.basename(p)
            head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"
                    "WARC-Date: 2024-03-20T10:00:00Z\r\nWARC-Target-URI: %s\r\n"
                    "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
                    % (i, uri, len(http)))
            f.write(head.encode() + http + b"\r\n\r\n")
    return path


def test_archive_learns(tmp_path, cli):
    w = _warc(str(tmp_path / "l.warc"), [p for p in FILES if "ledger-" in p])
    got = list(copydesk.iter_warc(w))
    assert norm(got) == norm(run_cli(["--json", "-q", w]))
    assert all(BOX not in r["text"] for r in got)
    assert norm(copydesk.iter_path(w)) == norm(got)
    with open(w, "rb") as f:  # a seekable file object learns too
        assert norm(copydesk.iter_warc(f, source=w)) == norm(got)
    off = list(copydesk.iter_warc(w, site_chrome="off"))
    assert all(BOX in r["text"] for r in off)

    class Pipe:  # cannot seek back: read once, no learning
        def __init__(self, data):
            self.data, self.at = data, 0

        def read(self, n):
            b = self.data[self.at:self.at + n]
            self.at += len(b)
            return b
    assert norm(copydesk.iter_warc(Pipe(read(w)), source=w)) == norm(off)
    m = copydesk.SiteModel().learn(w)
    assert m.pages == 5
    assert norm(copydesk.iter_warc(Pipe(read(w)), source=w, sites=m)) == norm(got)


def test_bad_arguments():
    with pytest.raises(ValueError, match="site_chrome"):
        copydesk.iter_path(FILES, site_chrome="on")
    with pytest.raises(TypeError, match="sites must be"):
        copydesk.iter_path(FILES, sites="model.sites")
    with pytest.raises(TypeError, match="sites must be"):
        copydesk.extract(b"<p>x</p>", sites=3)
    with pytest.raises(ValueError, match="not a copydesk site model"):
        copydesk.SiteModel.loads(b"junk")
    with pytest.raises(TypeError):
        copydesk.SiteModel().merge("x")
    with pytest.raises(OSError):
        copydesk.SiteModel.load("/nonexistent/model")


def test_dask_learns_across_partitions(cli):
    import distributed  # noqa: F401  a missing package fails, never skips
    import copydesk.dask as cdd
    from dask.distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    client = Client(cluster)
    try:
        model = cdd.learn_sites(FILES).compute()
        assert model == copydesk.SiteModel().learn(FILES)
        # One partition per page, yet every Ledger page sees the whole site's model.
        bag = cdd.articles_bag(FILES)
        assert bag.npartitions == len(FILES)
        got = bag.compute()
        assert norm(got) == norm(run_cli(["--json", "-q"] + FILES))
        assert all(BOX not in r["text"] for r in got if "ledger-" in r["source"])
        off = cdd.articles_bag(FILES, site_chrome="off").compute()
        assert norm(off) == norm(run_cli(["--json", "-q", "--site-chrome", "off"] + FILES))
        given = cdd.articles_bag(FILES[:1], sites=model).compute()
        assert norm(given) == norm(r for r in got if r["source"] == FILES[0])
    finally:
        client.close()
        cluster.close()
