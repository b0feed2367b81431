"""copydesk.dask: article extraction over many files with Dask.

    import copydesk.dask as cdd
    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")          # or LocalCluster(...)
    bag = cdd.articles_bag(["crawl-00000.warc.gz", "crawl-00001.warc.gz"], format="markdown")
    cdd.to_jsonl(bag, "articles.jsonl")

One partition per input file: a WARC/ARC file (gzip or not, recognised by
content) yields one record per HTML record, any other file one page, exactly
the records `copydesk --json FILE ...` writes (copydesk.iter_path()). Bad
files and bad records are error records ({"source", "error"}), never task
failures. The workers need the `copydesk` package importable (installed, or on
their PYTHONPATH) and the files at the same paths (a shared file system).

Site chrome: as the CLI on the same files, articles_bag() learns each host's
chrome across ALL partitions first (learn_sites(): one SiteModel per
partition, merged by a tree reduction: the model depends on the set of pages
only), then every partition extracts with that one model. So the records are
the CLI's, whatever the partitioning. site_chrome="off" learns nothing; a
given `sites` model is merged with what is learned (like --sites).

to_parquet() needs pandas (Debian 12: python3-pandas) and pyarrow (not in
Debian 12's archive); without them it raises ImportError naming what is
missing, and nothing is written.
"""
import json
import os

import dask
import dask.bag as db

from . import FIELDS, Extractor, SiteModel, expand_paths, _is_archive_file, _one_model, _site_args

__all__ = ["articles_bag", "learn_sites", "expand_paths", "to_jsonl", "to_parquet", "dumps", "COLUMNS"]

# Columns of the Parquet table: every key an article or error record can have
# (copydesk.FIELDS: every field of docs/schema.md, then the archive keys and
# "error"). expand_paths is copydesk.expand_paths: the CLI's walk and order.
COLUMNS = FIELDS


def _records(path, extractor, url, model=None):
    # The model is the batch's (or none): never learn again inside a partition.
    ex = extractor if model is None else Extractor(extractor.format, sites=model, **extractor.options)
    return list(ex.iter_path(path, url=url, learn=False))


def _observe(path, url, charset):
    return SiteModel().learn(path, url=url, charset=charset)


def _merge(models):
    out = SiteModel()
    for m in models:
        out.merge(m)
    return out


def _merge_given(learned, given):
    return _one_model(given + [learned])


def learn_sites(paths, *, url=None, charset=None, split_every=None):
    """A dask Item: the SiteModel of every page of the files (one partition
    per file, models merged by a tree reduction; split_every as for
    dask.bag reductions). `.compute()` gives the model, the same one
    SiteModel().learn(paths) and `copydesk --learn-sites` make."""
    files = paths if isinstance(paths, list) and all(isinstance(p, str) for p in paths) else expand_paths(paths)
    bag = db.from_sequence(files, partition_size=1).map(_observe, url, charset)
    return bag.reduction(_merge, _merge, split_every=split_every)


def articles_bag(paths, *, format="json", url=None, sites=None, site_chrome="auto", **options):
    """A dask.bag of record dicts, one partition per file.

    paths: files or directories (see expand_paths()); format and options as
    for copydesk.extract() (keep_comments, no_tables, no_captions, no_extract,
    charset); url: for plain pages only, like the CLI's --url.
    site_chrome: "auto" (default): a batch (more than one file, or an
    archive) learns its sites across all partitions first (learn_sites()),
    then extracts with that model merged with `sites`; "off": no site model.
    sites: a SiteModel (or a list) to apply, like --sites.
    """
    files = expand_paths(paths)
    if not files:
        raise ValueError("copydesk.dask.articles_bag: no input files")
    given = _site_args(site_chrome, sites)
    ex = Extractor(format, **options)  # validates, and pickles small
    model = None
    if site_chrome == "auto":
        if len(files) > 1 or _is_archive_file(files[0]):
            model = dask.delayed(_merge_given)(learn_sites(files, url=url, charset=options.get("charset")),
                                               given)
        else:
            model = _one_model(given)
    return db.from_sequence(files, partition_size=1).map(_records, ex, url, model).flatten()


def dumps(rec):
    """One JSON Lines record: compact, UTF-8, U+2028/U+2029 escaped (as the CLI)."""
    s = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def to_jsonl(bag, path, *, batch=None):
    """Write the bag as JSON Lines to one local file, in partition order.

    Partitions are computed `batch` at a time (default: 2 per worker thread of
    the current scheduler, at least 4), so memory holds a batch, not the
    whole result. If `path` contains '*', each partition is written by the
    worker that made it instead (dask's to_textfiles: one file per partition,
    '*' replaced by its number; the workers need the folder). Returns the
    number of records written (the list of files for a '*' path).
    """
    if "*" in os.fspath(path):
        return bag.map(dumps).to_textfiles(os.fspath(path), encoding="utf-8")
    parts = bag.map(dumps).to_delayed()
    if batch is None:
        batch = 4
        try:
            from distributed import get_client
            batch = max(batch, 2 * sum(get_client().nthreads().values()))
        except (ImportError, ValueError):
            pass
    n = 0
    tmp = os.fspath(path) + ".part"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for i in range(0, len(parts), batch):
            for lines in dask.compute(*parts[i:i + batch]):
                for line in lines:
                    f.write(line)
                    f.write("\n")
                    n += 1
    os.replace(tmp, path)
    return n


def _row(rec):
    return {k: rec.get(k) for k in COLUMNS}


def to_parquet(bag, path, **kwargs):
    """Write the bag as a Parquet dataset (one file per partition) at `path`.

    Columns: COLUMNS (a key a record lacks is null; `authors` and `tags` are
    lists of strings, `image` and `sources` structs). Needs pandas and
    pyarrow; raises ImportError when either is missing (Debian 12 packages
    pandas, python3-pandas, but not pyarrow: use to_jsonl, or
    copydesk.to_dataframe for pandas, there). kwargs go to
    dask.dataframe.to_parquet.
    """
    missing = []
    for mod in ("pandas", "pyarrow"):
        try:
            __import__(mod)
        except ImportError:
            missing.append(mod)
    if missing:
        raise ImportError("copydesk.dask.to_parquet needs %s (not installed); use to_jsonl instead"
                          % " and ".join(missing))
    import pandas as pd
    meta = pd.DataFrame({k: pd.Series(dtype="object") for k in COLUMNS})
    df = bag.map(_row).to_dataframe(meta=meta)
    return df.to_parquet(os.fspath(path), engine="pyarrow", **kwargs)
