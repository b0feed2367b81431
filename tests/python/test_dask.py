"""copydesk.dask on a real multi-process cluster: LocalCluster(n_workers=2,
threads_per_worker=1, processes=True). The worker processes import the built
extension from PYTHONPATH (set by conftest.py). The records must be the CLI's
on the same files, as sets of JSON-normalised lines."""
import gzip
import json
import os
import shutil

import pytest

import copydesk
import warcgen
from conftest import run_cli

import distributed  # noqa: F401,E402  python3-distributed: a missing package fails, never skips
import copydesk.dask as cdd  # noqa: E402


def norm(records):
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("dask")
    recs = warcgen.sample_records(8)
    paths = [warcgen.write(str(d / "a.warc.gz"), recs[:10], "record"),
             warcgen.write(str(d / "b.warc"), recs[10:], "none")]
    pages = sorted(os.listdir(warcgen.PAGES))[20:26]
    for i, name in enumerate(pages):
        src = os.path.join(warcgen.PAGES, name)
        if i % 2:
            dst = str(d / name)
            shutil.copy(src, dst)  # gzip page
        else:
            dst = str(d / name[:-3])
            with gzip.open(src) as f, open(dst, "wb") as g:
                g.write(f.read())
        paths.append(dst)
    empty = str(d / "empty.html")
    open(empty, "wb").close()
    paths.append(empty)
    return paths


# distributed's own timers are wall-clock seconds: 30 s to connect (a worker
# to the scheduler, the client to the cluster), 30 s of a comm without an
# answer. A worker process starts a fresh interpreter and imports pandas and
# distributed; on a 2-core machine under a load of 10-25 (make check beside
# other builds) that start alone can take tens of seconds, and a start past
# 30 s fails the suite with a TimeoutError. Here they are backstops against a
# hang, far above any honest start (ctest's TIMEOUT bounds the suite), and
# the scheduler does not drop a worker silent for 5 minutes (worker-ttl).
WALL_BACKSTOP = {"distributed.comm.timeouts.connect": "900s", "distributed.comm.timeouts.tcp": "900s",
                 "distributed.scheduler.worker-ttl": None}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    import dask
    from dask.distributed import Client, LocalCluster
    # The workers' scratch space in this run's own temporary folder, not
    # $TMPDIR/dask-worker-space shared with every other dask on the machine.
    with dask.config.set(WALL_BACKSTOP):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, local_directory=str(tmp_path_factory.mktemp("dask-space")))
        c = Client(cluster)
        try:
            yield c
        finally:
            c.close()
            cluster.close()


def test_bag_equals_cli(inputs, client, cli, tmp_path):
    bag = cdd.articles_bag(inputs)
    assert bag.npartitions == len(inputs)
    got = bag.compute()
    want = run_cli(["--json", "-q"] + inputs)
    assert len(got) == len(want) > len(inputs)
    assert norm(got) == norm(want)
    assert any("error" in r for r in got)
    # The workers really ran it in other processes.
    pids = client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()

    out = str(tmp_path / "articles.jsonl")
    n = cdd.to_jsonl(bag, out)
    with open(out, encoding="utf-8") as f:
        lines = f.read().split("\n")
    assert lines[-1] == "" and len(lines) - 1 == n == len(want)
    assert norm(json.loads(l) for l in lines[:-1]) == norm(want)


def test_bag_options_equal_cli(inputs, client, cli):
    bag = cdd.articles_bag(inputs, format="markdown", no_tables=True, url="https://x.example/p")
    # --url names one page's URL: the CLI takes one input per run with it
    want = [r for p in inputs
            for r in run_cli(["--json", "-q", "--format", "markdown", "--no-tables", "--url", "https://x.example/p", p])]
    assert norm(bag.compute()) == norm(want)


def test_to_jsonl_per_partition(inputs, client, tmp_path):
    files = cdd.to_jsonl(cdd.articles_bag(inputs[:3]), str(tmp_path / "part-*.jsonl"))
    assert len(files) == 3
    recs = [json.loads(l) for p in sorted(files) for l in open(p, encoding="utf-8") if l.strip()]
    assert norm(recs) == norm(copydesk.iter_path(inputs[:3]))  # one batch: sites learned across all three


def test_directory_input(inputs, client):
    d = os.path.dirname(inputs[0])
    assert sorted(cdd.expand_paths([d])) == sorted(inputs)


def test_to_parquet(inputs, tmp_path):
    bag = cdd.articles_bag(inputs[2:4])
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="needs .*use to_jsonl"):
            cdd.to_parquet(bag, str(tmp_path / "pq"))
        assert not os.path.exists(str(tmp_path / "pq"))
        return
    cdd.to_parquet(bag, str(tmp_path / "pq"))
    import pandas as pd
    df = pd.read_parquet(str(tmp_path / "pq"))
    assert len(df) == len(bag.compute())


def test_bad_arguments():
    with pytest.raises(ValueError, match="no input files"):
        cdd.articles_bag([])
    with pytest.raises(ValueError, match="unknown format"):
        cdd.articles_bag(["x.html"], format="pdf")
