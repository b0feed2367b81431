#!/usr/bin/env python3
"""A proxy of issue #13's held-out set (news and blog pages of many sites,
many with several pages each), built from the dev sets, and the three
figures the issue asks on it (docs/sites.md, "Session 15, h/sitenews").

    tools/site_proxy.py [--bin BUILD/copydesk] [--sitedump BUILD/tests/sitedump]
                        [--data ../shared/data] [--out /tmp/site-proxy]
                        [--wcxb-min 3] [--l3s-min 2] [--no-model] [--list N]

The proxy (directories of links, OUT/html/SET, each extracted as one batch):
- wcxb-dev pages whose gold page type (`_internal.page_type.primary`) is
  article (wcxb's news and blog pages), of hosts holding at least --wcxb-min
  such pages;
- l3s-gn1 pages (all news articles) of hosts with at least --l3s-min pages;
- cleanportaleval, all 71 pages (4 news sites).
A page's host is copydesk's own key without a URL (`sitedump host`), the
key the batch files it under. With --declass the pages are copies without
class and id attributes (tools/declass.py, the class-free probe), hosts still
keyed on the pages as served.

Three runs of the build per set: off (`--site-chrome off`), auto (the
default, one batch, `--learn-sites OUT/SET.model`), and model (that model
applied page by page, one process per file: `--sites OUT/SET.model FILE`). With --one-batch the three sets
are one batch (l3s-gn1's bbc.co.uk and washingtonpost.com pages of 2008 then
share a host with cleanportaleval's of 2013: a registrable domain serving
two templates). Printed per run: mean
per-page word P / R / F1 (score.py's word_prf; cleaneval pages score title +
text as score.py does), over all pages and over the pages of hosts with 3 or
more pages in the proxy, per set and together; the gain over off; the share
of the gain the model keeps; and the gold words site chrome removed (those
off's output holds and the run's does not, over all gold words: goldloss.py's
measure; the issue allows 0.5 %)."""
import argparse
import collections
import concurrent.futures
import gzip
import importlib.util
import json
import os
import subprocess
import sys

SETS = ("wcxb", "l3s", "cleaneval")
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def host_keys(sitedump, d):
    """{page id: copydesk's host key} for the pages of directory d."""
    out = subprocess.run([sitedump, "host", d], capture_output=True, text=True, check=True).stdout
    keys = {}
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) < 2:
            continue
        base = os.path.basename(f[0])
        keys[base] = f[1]
    return keys


def page_id(base):
    for ext in (".gz", ".html", ".htm"):
        if base.endswith(ext):
            base = base[: -len(ext)]
    return base


def build(a, sc):
    """Lay the proxy's links in OUT/html; returns {id: (set, host, file)}."""
    pages = {}
    wdir = os.path.join(a.data, "wcxb-dev")
    art = {pid for pid, g in sc.load_wcxb(wdir) if g["type"] == "article"}
    by = collections.defaultdict(list)
    for base, k in host_keys(a.sitedump, os.path.join(wdir, "html")).items():
        if k and page_id(base) in art:
            by[k].append(base)
    for k, fs in by.items():
        if len(fs) >= a.wcxb_min:
            for b in fs:
                pages[page_id(b)] = ("wcxb", k, os.path.join(wdir, "html", b))
    ldir = os.path.join(a.data, "l3s-gn1")
    by = collections.defaultdict(list)
    for base, k in host_keys(a.sitedump, os.path.join(ldir, "html")).items():
        if k:
            by[k].append(base)
    for k, fs in by.items():
        if len(fs) >= a.l3s_min:
            for b in fs:
                pages[page_id(b)] = ("l3s", k, os.path.join(ldir, "html", b))
    cdir = os.path.join(a.data, "cleanportaleval")
    for base, k in host_keys(a.sitedump, os.path.join(cdir, "input")).items():
        pages[page_id(base)] = ("cleaneval", k, os.path.join(cdir, "input", base))
    for ds in batches(a):
        hd = os.path.join(a.out, "html", ds)
        os.makedirs(hd, exist_ok=True)
        for f in os.listdir(hd):
            os.unlink(os.path.join(hd, f))
    for pid, (ds, _, f) in pages.items():
        dst = os.path.join(a.out, "html", "all" if a.one_batch else ds, os.path.basename(f))
        if a.declass:
            write_declassed(f, dst)
        else:
            os.symlink(f, dst)
    return pages


def write_declassed(src, dst):
    """A copy of page src without class and id attributes (tools/declass.py: the class-free
    probe), gzip'd again when src is."""
    spec = importlib.util.spec_from_file_location("declass", os.path.join(TOP, "tools", "declass.py"))
    dc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dc)
    op = gzip.open if src.endswith(".gz") else open
    with op(src, "rb") as fh:
        text = fh.read().decode("latin-1")
    with op(dst, "wb") as fh:
        fh.write(dc.declass(text).encode("latin-1"))


def records(path):
    recs = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line:
            r = json.loads(line)
            recs[page_id(os.path.basename(r.get("source") or ""))] = r
    return recs


def batches(a):
    return ("all",) if a.one_batch else SETS


def run(a):
    """Each set is its own batch (a host's pages of one crawl: l3s-gn1's
    2008 bbc.co.uk pages beside cleanportaleval's 2013 ones would make one
    host of two templates)."""
    res = collections.defaultdict(dict)
    for ds in batches(a):
        hd = os.path.join(a.out, "html", ds)
        model = os.path.join(a.out, ds + ".model")
        for name, extra in (("off", ["--site-chrome", "off"]), ("auto", ["--learn-sites", model])):
            p = os.path.join(a.out, "%s-%s.jsonl" % (ds, name))
            with open(p, "w") as fh:
                subprocess.run([a.bin, "--json", "-q", "--ordered"] + extra + [hd], stdout=fh, check=False)
            res[name].update(records(p))
        if a.no_model:
            continue
        files = sorted(os.path.join(hd, f) for f in os.listdir(hd))

        def one(f):
            return subprocess.run([a.bin, "--json", "-q", "--sites", model, f], capture_output=True,
                                  text=True).stdout
        p = os.path.join(a.out, "%s-model.jsonl" % ds)
        with concurrent.futures.ThreadPoolExecutor(2) as ex, open(p, "w") as fh:
            for out in ex.map(one, files):
                fh.write(out)
        res["model"].update(records(p))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--sitedump", default=os.path.join(TOP, "build", "tests", "sitedump"))
    ap.add_argument("--data", default=os.environ.get("CD_DATA", os.path.join(TOP, "..", "shared", "data")))
    ap.add_argument("--score", default=os.environ.get("CD_SCORE", "/work/shared/eval/score.py"))
    ap.add_argument("--out", default="/tmp/site-proxy")
    ap.add_argument("--wcxb-min", type=int, default=3)
    ap.add_argument("--l3s-min", type=int, default=2)
    ap.add_argument("--one-batch", action="store_true",
                    help="the three sets as one batch (a host key shared by two sets is one host then)")
    ap.add_argument("--declass", action="store_true",
                    help="the class-free probe: the proxy's pages with every class and id removed "
                         "(tools/declass.py; hosts keyed and gold scored as served)")
    ap.add_argument("--no-model", action="store_true", help="skip the page-by-page run")
    ap.add_argument("--list", type=int, default=0, help="print the N pages auto changes most (P)")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", a.score)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    pages = build(a, sc)
    gold = {}
    for ds, loader, sub in (("wcxb", sc.load_wcxb, "wcxb-dev"), ("l3s", sc.load_l3s, "l3s-gn1"),
                            ("cleaneval", sc.load_cleaneval, "cleanportaleval")):
        for pid, g in loader(os.path.join(a.data, sub)):
            if pid in pages and pages[pid][0] == ds:
                gold[pid] = g["text"] or ""
    if a.one_batch:
        pages = {pid: (ds, ("", h), f) for pid, (ds, h, f) in pages.items()}
    else:  # each set is its own batch
        pages = {pid: (ds, (ds, h), f) for pid, (ds, h, f) in pages.items()}
    hostn = collections.Counter(h for _, h, _ in pages.values())
    print("proxy: %d pages of %d hosts (%d pages of %d hosts with 3+); wcxb %d, l3s %d, cleaneval %d"
          % (len(pages), len(hostn), sum(n for n in hostn.values() if n >= 3),
             sum(1 for n in hostn.values() if n >= 3),
             *(sum(1 for s, _, _ in pages.values() if s == x) for x in ("wcxb", "l3s", "cleaneval"))))
    res = run(a)

    def text(pid, r):
        t = r.get("text") or ""
        if pages[pid][0] == "cleaneval" and r.get("title"):
            t = r["title"] + "\n\n" + t
        return t

    prf = {n: {pid: sc.word_prf(text(pid, recs.get(pid) or {}), gold[pid]) for pid in gold}
           for n, recs in res.items()}
    groups = [("all", lambda pid: True), ("hosts 3+", lambda pid: hostn[pages[pid][1]] >= 3)]
    for ds in ("wcxb", "l3s", "cleaneval"):
        groups.append((ds, lambda pid, ds=ds: pages[pid][0] == ds))
        groups.append((ds + " 3+", lambda pid, ds=ds: pages[pid][0] == ds and hostn[pages[pid][1]] >= 3))
    print("%-14s %5s  %-22s %-22s %-22s %8s %6s" % ("group", "pages", "off P / R / F1", "auto P / R / F1",
                                                    "model P / R / F1", "P gain", "keeps"))
    for gname, sel in groups:
        ids = [pid for pid in gold if sel(pid)]
        if not ids:
            continue
        m = {n: [sum(prf[n][pid][i] for pid in ids) / len(ids) for i in range(3)] for n in prf}
        gain = m["auto"][0] - m["off"][0]
        keeps = ((m["model"][0] - m["off"][0]) / gain) if "model" in m and abs(gain) > 1e-9 else None
        print("%-14s %5d  %s %s %s %+7.2f %6s" % (
            gname, len(ids), *("%.4f/%.4f/%.4f " % tuple(m[n]) if n in m else "%-22s" % "-"
                               for n in ("off", "auto", "model")),
            100 * gain, "%.0f%%" % (100 * keeps) if keeps is not None else "-"))
    total = sum(len(sc.words(g)) for g in gold.values())
    for n in res:
        if n == "off":
            continue
        lost = 0
        for pid, g in gold.items():
            gw = collections.Counter(sc.words(g))
            ho = gw & collections.Counter(sc.words(text(pid, res["off"].get(pid) or {})))
            hn = gw & collections.Counter(sc.words(text(pid, res[n].get(pid) or {})))
            lost += sum((ho - hn).values())
        print("gold words removed (off -> %s): %d of %d (%.3f %%)" % (n, lost, total, 100.0 * lost / max(total, 1)))
    if "model" in res:
        same = sum(1 for pid in gold if (res["model"].get(pid) or {}).get("text") == (res["auto"].get(pid) or {}).get("text"))
        print("model page by page: %d of %d texts identical to the batch's" % (same, len(gold)))
    if a.list:
        rows = sorted(((prf["auto"][pid][0] - prf["off"][pid][0], pid) for pid in gold), key=lambda x: x[0])
        for d, pid in rows[: a.list] + rows[-a.list:]:
            print("  %+.3f P  %s  %s  %s" % (d, pages[pid][0], pages[pid][1][1], pid))


if __name__ == "__main__":
    main()
