"""The Python API of issue #15: files and file objects, directories walked like
the CLI, one error policy, type hints, text format, pandas, every field in the
Dask columns and in the README's Spark schema."""
import io
import os
import pathlib
import re
import shutil
import typing

import pytest

import copydesk
import copydesk.dask as cdd
from conftest import SHARED, TOP, run_cli

NEWS = os.path.join(TOP, "examples", "news.html")


def schema_fields():
    """The keys of the article record table in docs/schema.md."""
    with open(os.path.join(TOP, "docs", "schema.md"), encoding="utf-8") as f:
        doc = f.read()
    table = doc.split("## Article record", 1)[1].split("\n### ", 1)[0]
    keys = re.findall(r"^\| `([a-z_]+)` ", table, re.M)
    assert len(keys) >= 18, keys
    return keys


def test_extract_file_and_path_like(cli):
    [want] = run_cli(["--json", NEWS])
    assert copydesk.extract_file(NEWS) == want  # source = the path as given
    assert copydesk.extract_file(pathlib.Path(NEWS)) == want
    rec = copydesk.extract(pathlib.Path(NEWS))  # a Path is read, no source
    assert "source" not in rec and rec["text"] == want["text"]
    assert copydesk.extract_file(NEWS, format="text") == copydesk.extract(open(NEWS, "rb").read(), format="text")
    ex = copydesk.Extractor(no_tables=True)
    assert ex.extract_file(NEWS) == copydesk.extract_file(NEWS, no_tables=True)


def test_extract_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        copydesk.extract_file(str(tmp_path / "missing.html"))
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(copydesk.Error, match="not an HTML document"):
        copydesk.extract_file(junk)
    warc = sorted(p for p in os.listdir(os.path.join(SHARED, "data", "warc-samples")) if ".warc" in p)[0]
    with pytest.raises(ValueError, match="web archive"):
        copydesk.extract_file(os.path.join(SHARED, "data", "warc-samples", warc))


def test_file_objects_binary_and_text():
    data = open(NEWS, "rb").read()
    want = copydesk.extract(data)
    with open(NEWS, "rb") as f:
        assert copydesk.extract(f) == want
    with open(NEWS, encoding="utf-8") as f:
        assert copydesk.extract(f) == want
    assert copydesk.extract(io.BytesIO(data)) == want
    assert copydesk.extract(io.StringIO(data.decode("utf-8"))) == want

    class Odd:
        def read(self):
            return 42
    with pytest.raises(TypeError, match="read\\(\\) gave int"):
        copydesk.extract(Odd())


@pytest.fixture()
def tree(tmp_path):
    """A directory as the CLI meets them: nested folders, hidden entries, files
    of other extensions (and upper case), a gzip page, an archive, junk."""
    d = tmp_path / "pages"
    (d / "b" / "deep").mkdir(parents=True)
    (d / "a").mkdir()
    (d / ".hidden").mkdir()
    news = open(NEWS, "rb").read()
    import gzip
    (d / "z.html").write_bytes(news)
    (d / "a" / "one.htm").write_bytes(news.replace(b"Alpine", b"Andean"))
    (d / "a" / "two.html.gz").write_bytes(gzip.compress(news))
    (d / "b" / "deep" / "three.html").write_bytes(news)
    (d / "b" / "junk.html").write_bytes(bytes(range(256)) * 4)
    (d / "b" / "empty.html").write_bytes(b"")
    (d / ".hidden" / "no.html").write_bytes(news)
    (d / ".dot.html").write_bytes(news)
    (d / "UPPER.HTML").write_bytes(news)
    (d / "notes.txt").write_bytes(b"x")
    (d / "page.xhtml").write_bytes(news)
    warcs = sorted(p for p in os.listdir(os.path.join(SHARED, "data", "warc-samples")) if p.endswith(".warc.gz"))
    shutil.copy(os.path.join(SHARED, "data", "warc-samples", warcs[0]), str(d / "b" / "crawl.warc.gz"))
    return str(d)


def test_iter_path_walks_directories_like_the_cli(tree, cli):
    want = run_cli(["--json", "-q", "-j", "1", tree])
    got = list(copydesk.iter_path(tree))
    assert got == want
    assert [r["source"] for r in got if "#" not in r["source"]] == [
        tree + "/z.html", tree + "/a/one.htm", tree + "/a/two.html.gz", tree + "/b/empty.html",
        tree + "/b/junk.html", tree + "/b/deep/three.html"]
    assert copydesk.expand_paths(tree) == cdd.expand_paths([tree])
    # several paths, in the order given, like `copydesk a b`
    both = list(copydesk.iter_path([NEWS, tree]))
    assert both == run_cli(["--json", "-q", "-j", "1", NEWS, tree])


def test_unmatched_directory_is_an_error_record(tmp_path):
    d = tmp_path / "only-others"
    d.mkdir()
    (d / "a.xhtml").write_bytes(b"<p>x</p>")
    (d / "B.HTML").write_bytes(b"<p>x</p>")
    (d / ".hidden.html").write_bytes(b"<p>x</p>")
    [rec] = copydesk.iter_path(str(d))
    assert rec == {"source": str(d), "error": "no HTML or archive files under %s "
                   "(3 files skipped: 2 by name, 1 hidden)" % d}
    # the CLI writes the same record (and exits 1)
    assert run_cli(["--json", "-q", str(d)]) == [rec]
    e = tmp_path / "empty"
    e.mkdir()
    [rec] = copydesk.iter_path(str(e))
    assert rec == {"source": str(e), "error": "no HTML or archive files under %s (the directory is empty)" % e}
    assert run_cli(["--json", "-q", str(e)]) == [rec]


def test_one_error_policy(tmp_path):
    """Iterators: records, never exceptions, for bad data; the same record for
    a missing file whichever iterator is asked."""
    missing = str(tmp_path / "nope")
    a = list(copydesk.iter_warc(missing))
    b = list(copydesk.iter_path(missing))
    assert a == b == [{"source": missing, "error": "read error: No such file or directory"}]
    assert list(copydesk.iter_warc(pathlib.Path(missing))) == a
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 16)
    [r] = copydesk.iter_path(str(junk))
    assert r == {"source": str(junk), "error": "not an HTML document (binary data)"}
    # the one-page call raises copydesk.Error with the same message
    with pytest.raises(copydesk.Error) as ei:
        copydesk.extract(junk.read_bytes())
    assert ei.value.status == r["error"]


def test_type_hints_and_py_typed():
    pkg = os.path.dirname(copydesk.__file__)
    assert os.path.exists(os.path.join(pkg, "py.typed"))
    for f in (copydesk.extract, copydesk.extract_file, copydesk.iter_path, copydesk.iter_warc,
              copydesk.to_dataframe, copydesk.expand_paths):
        hints = typing.get_type_hints(f)
        assert "return" in hints, f
    hints = typing.get_type_hints(copydesk.Article)
    assert set(schema_fields()) <= set(hints), set(schema_fields()) - set(hints)
    assert typing.get_type_hints(copydesk.Image) == {"url": typing.Optional[str], "caption": typing.Optional[str],
                                                      "credit": typing.Optional[str]}
    # a TypedDict: existing dict access keeps working
    rec = copydesk.extract_file(NEWS)
    assert type(rec) is dict and rec["title"]


def test_fields_carry_every_schema_field():
    fields = schema_fields()
    assert [k for k in copydesk.FIELDS if k in fields] == fields  # same order as the schema
    assert set(fields) <= set(cdd.COLUMNS)
    for k in ("deck", "section", "image", "credit", "dateline", "tags", "date_modified", "description"):
        assert k in cdd.COLUMNS


def test_readme_spark_schema_carries_every_field():
    with open(os.path.join(TOP, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    block = readme[readme.index("schema = T.StructType"):]
    block = block[:block.index("@F.udf")]
    named = set(re.findall(r'"([a-z_]+)"', block))
    missing = [k for k in schema_fields() if k not in named and k not in ("source", "markdown")]
    assert not missing, "README's Spark schema lacks %s" % missing


def test_to_dataframe(tree, cli):
    import pandas as pd  # Debian: python3-pandas (scripts/install-deps)
    df = copydesk.to_dataframe(tree)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == list(copydesk.FIELDS)
    want = run_cli(["--json", "-q", "-j", "1", tree])
    assert len(df) == len(want)
    assert list(df["source"]) == [r["source"] for r in want]
    assert list(df["title"]) == [r.get("title") for r in want]
    assert df["error"].notna().sum() == sum("error" in r for r in want)
    row = df[df["source"] == tree + "/z.html"].iloc[0]
    assert row["authors"] == ["Clara Weiss"] and isinstance(row["image"], dict)
    df2 = copydesk.to_dataframe(copydesk.iter_path(tree))
    assert df2.equals(df)
    with pytest.raises(TypeError, match="options apply to a path"):
        copydesk.to_dataframe([], no_tables=True)
