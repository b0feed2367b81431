#!/usr/bin/env python3
"""What a new user meets at the command line (issue #15's numbered problems),
one check each:

 1. the article's head: text opens with the headline, deck and byline;
    Markdown with `# headline`, the deck in italics; --body-only gives the
    body alone, which is JSON's `text`;
 2. honest errors: random bytes named .html, a truncated and a corrupted
    .html.gz are error records with exit status 1;
 3. an empty directory, a directory of only unmatched names, no input with
    stdin not a terminal, --explain without --json, --charset bogus, --url
    with several files: an error of one or two lines naming the problem
    (never the usage text) and the right status; --stats counts skipped files;
 7. output order: with -j 2 the records of a directory come in input order
    (sorted names), by default; every option of --help is in docs/cli.md and
    in the man page; the README does not say Debian lacks pandas.

Counts and contents only: nothing depends on how fast the machine is.

    tests/cli/run_cli.py --bin build/copydesk [--build build]
"""
import argparse
import gzip
import json
import os
import random
import re
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: children bounded by CPU time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NEWS = os.path.join(TOP, "examples", "news.html")
CPU_SECONDS = 300  # of CPU a run (tests/bounded.py): against a loop that does not end

results = []  # (name, problem or None)


def run(binary, args, stdin=subprocess.DEVNULL):
    p = bounded.run([binary] + args, cpu=CPU_SECONDS, stdin=stdin, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(name, ok, why=""):
    results.append((name, None if ok else why or "failed"))


def usage_free(err):
    """An error message, not the usage text."""
    return "usage:" not in err and len(err.strip().split("\n")) <= 2


def p1_head(b):
    rc, js, _ = run(b, ["--json", NEWS])
    rec = json.loads(js)
    rc, text, _ = run(b, [NEWS])
    blocks = text.split("\n\n")
    check("1 text opens with the headline", rc == 0 and blocks[0] == rec["title"], repr(blocks[0][:80]))
    check("1 text: the deck next", len(blocks) > 1 and blocks[1] == rec["deck"], repr(blocks[1][:80]))
    check("1 text: a byline", "By " + rec["authors"][0] in text.split(rec["text"][:60])[0], "no byline before the body")
    check("1 text: the body follows the head", text.rstrip("\n").endswith(rec["text"][-60:]))
    rc, md, _ = run(b, ["--format", "markdown", NEWS])
    check("1 markdown opens with # headline", md.startswith("# " + rec["title"] + "\n"), repr(md[:80]))
    check("1 markdown: the deck in italics", "\n*" + rec["deck"] + "*\n" in md)
    rc, body, _ = run(b, ["--body-only", NEWS])
    check("1 --body-only is JSON's text", body.rstrip("\n") == rec["text"], repr(body[:80]))
    with open(os.path.join(TOP, "examples", "news.expected.txt"), encoding="utf-8") as f:
        check("1 make example's page still prints as examples/news.expected.txt", f.read() == text)


def p2_errors(b, tmp):
    junk = os.path.join(tmp, "junk.html")
    with open(junk, "wb") as f:
        rng = random.Random(15)
        f.write(bytes(rng.getrandbits(8) for _ in range(4096)))
    with open(NEWS, "rb") as f:
        page = gzip.compress(f.read(), mtime=0)
    trunc = os.path.join(tmp, "trunc.html.gz")
    with open(trunc, "wb") as f:
        f.write(page[: len(page) * 9 // 10])
    bad = bytearray(page)
    for i in range(len(bad) // 2, len(bad) // 2 + 16):
        bad[i] ^= 0x5A
    corrupt = os.path.join(tmp, "corrupt.html.gz")
    with open(corrupt, "wb") as f:
        f.write(bad)
    for path, name in ((junk, "random bytes"), (trunc, "truncated gzip"), (corrupt, "corrupted gzip")):
        rc, out, _ = run(b, ["--json", "-q", path])
        recs = [json.loads(l) for l in out.splitlines()]
        check("2 %s: an error record, exit 1" % name,
              rc == 1 and len(recs) == 1 and "error" in recs[0] and "text" not in recs[0], "rc %d %r" % (rc, out[:200]))
    rc, out, _ = run(b, ["--json", "-q", junk])
    check("2 random bytes: 'not an HTML document'", "not an HTML document" in out, out[:200])
    # In a batch, site learning's first pass un-gzips pages itself (libdeflate for
    # a whole member, zlib otherwise): the records are the ones without it.
    batch = os.path.join(tmp, "gzbatch")
    os.mkdir(batch)
    lies = page + struct.pack("<I", len(page) * 3)  # trailing bytes announcing another size
    hcrc = bytearray(page[:10] + b"\0\0" + page[10:])
    hcrc[3] |= 0x02
    hcrc[10:12] = struct.pack("<H", (zlib.crc32(bytes(hcrc[:10])) & 0xFFFF) ^ 1)  # a wrong header CRC
    for name, data in (("a.html.gz", page), ("b.html.gz", page), ("c.html.gz", lies), ("d.html.gz", bytes(hcrc)),
                       ("e.html.gz", page[: len(page) * 9 // 10]), ("f.html.gz", bytes(bad)),
                       ("g.html.gz", page + page)):
        with open(os.path.join(batch, name), "wb") as f:
            f.write(data)
    rc, auto, _ = run(b, ["--json", "-q", batch])
    rc2, off, _ = run(b, ["--json", "-q", "--site-chrome", "off", batch])
    recs = [json.loads(l) for l in auto.splitlines()]
    errs = ["error" in r for r in recs]
    check("2 gzip batch: the same records with and without site learning, errors for d e f",
          rc == rc2 == 1 and auto == off and errs == [False, False, False, True, True, True, False],
          "rc %d %d %r" % (rc, rc2, errs))
    # Counting reads a gzip page's start from the bytes it sniffed, and the rest
    # of the file only when the start needs more: pages whose canonical link lies
    # past those bytes (random filler), one of several members (the first ending
    # inside the sniffed bytes), one with non-ASCII text before it, all of one site.
    site = os.path.join(tmp, "gzsite")
    os.mkdir(site)
    rng = random.Random(3)
    for i in range(4):
        filler = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(30000 if i % 2 else 500))
        head = "<html><head><title>Caf\u00e9 %d</title><!-- %s -->" % (i, filler)
        rest = ("<link rel=canonical href='https://www.madeup.example/%d'></head><body><p>%s</p></body></html>"
                % (i, ("story %s " % "abcd"[i]) * 2500))
        if i == 2:  # a first member (stored) of exactly the 4096 bytes sniffed
            top = "<html><head><title>Caf\u00e9 c</title><!-- ".encode()
            first = top + b"x" * (4096 - 23 - len(top) - 4) + b" -->"
            data = gzip.compress(first, compresslevel=0, mtime=0) + gzip.compress(rest.encode(), mtime=0)
        else:
            data = gzip.compress((head + rest).encode(), mtime=0)
        with open(os.path.join(site, "p%d.html.gz" % i), "wb") as f:
            f.write(data)
    rc, out, err = run(b, ["--json", "-q", "--stats", "-j", "1", site])
    check("2 gzip site: every page's key from its start (4 pages of 1 host learned)",
          rc == 0 and "learned 4 pages of 1 hosts" in err, err)


def p3_cli(b, tmp):
    empty = os.path.join(tmp, "empty")
    os.mkdir(empty)
    rc, out, err = run(b, [empty])
    check("3 empty directory: exit 1, says so, no usage",
          rc == 1 and "no HTML or archive files under" in err and "empty" in err and usage_free(err), err)
    rc, out, err = run(b, ["--json", empty])
    recs = [json.loads(l) for l in out.splitlines()]
    check("3 empty directory: an error record in JSON", rc == 1 and len(recs) == 1 and "error" in recs[0], out)
    only = os.path.join(tmp, "only")
    os.mkdir(only)
    for name in ("a.xhtml", "b.HTML", "noext"):
        with open(os.path.join(only, name), "w") as f:
            f.write("<p>x</p>")
    rc, out, err = run(b, [only])
    check("3 unmatched directory: 3 files skipped, named",
          rc == 1 and re.search(r"no HTML or archive files under .*\(3 files skipped", err) and usage_free(err), err)
    rc, out, err = run(b, ["--stats", only, NEWS])
    check("3 --stats counts skipped files", rc == 1 and "3 files skipped" in err, err)
    with open(NEWS, "rb") as f:
        rc, out, err = run(b, ["--json"], stdin=f)
    check("3 stdin without '-': a hint, exit 2", rc == 2 and "'-'" in err and usage_free(err), err)
    with open(NEWS, "rb") as f:
        rc, out, err = run(b, ["--json", "-"], stdin=f)
    check("3 '-' reads stdin", rc == 0 and json.loads(out)["title"], err)
    for args, want in ((["--explain", NEWS], "--json"),
                       (["--charset", "bogus", NEWS], "bogus"),
                       (["--url", "https://example.com/a", NEWS, NEWS], "--url"),
                       (["--report", os.path.join(tmp, "r.html"), NEWS, NEWS], "one"),
                       (["--keep-comments", "--no-extract", NEWS], None)):
        rc, out, err = run(b, args)
        if want is None:  # a moot option is a warning, the run goes on
            check("3 %s: a warning, exit 0" % " ".join(args[:-1]), rc == 0 and "warning" in err and out, err)
        else:
            check("3 %s: exit 2, one line naming %s" % (" ".join(args[:2]), want),
                  rc == 2 and not out and want in err and usage_free(err), "rc %d: %s" % (rc, err))


def p7_order_docs(b, tmp, build):
    pages = os.path.join(tmp, "pages")
    os.mkdir(pages)
    with open(NEWS, encoding="utf-8") as f:
        news = f.read()
    names = []
    for i in range(40):
        # Pages of very different sizes, so that workers finish out of order.
        name = "p%02d.html" % i
        body = "<p>Paragraph %d of a story about the river and the town council's budget.</p>" % i
        with open(os.path.join(pages, name), "w", encoding="utf-8") as f:
            f.write(news.replace("</article>", body * (1 + (i % 5) * 400) + "</article>"))
        names.append(os.path.join(pages, name))
    for jobs in ("2", "4"):
        rc, out, err = run(b, ["--json", "-q", "-j", jobs, pages])
        got = [json.loads(l)["source"] for l in out.splitlines()]
        check("7 -j %s: input order by default" % jobs, rc == 0 and got == names, "order %s" % got[:6])
    rc, out, err = run(b, ["--json", "-q", "-j", "2", "--unordered", pages])
    got = [json.loads(l)["source"] for l in out.splitlines()]
    check("7 --unordered: every record once", sorted(got) == names)

    rc, helptext, _ = run(b, ["--help"])
    opts = sorted(set(re.findall(r"^  (?:-\w, )?(--[a-z-]+)", helptext, re.M)))
    with open(os.path.join(TOP, "docs", "cli.md"), encoding="utf-8") as f:
        cli_md = f.read()
    missing = [o for o in opts if "`" + o not in cli_md]
    check("7 docs/cli.md names every option of --help", len(opts) > 15 and not missing, "missing %s" % missing)
    with open(os.path.join(TOP, "docs", "schema.md"), encoding="utf-8") as f:
        schema = f.read()
    missing = [o for o in ("--keep-parts", "--explain", "--reference-time", "--unordered") if o not in schema]
    check("7 docs/schema.md's flags table has the options that change a record", not missing, "missing %s" % missing)
    check("7 docs/schema.md: order as the tool does it", "--unordered" in schema and "input order" in schema)
    man = os.path.join(build, "man", "copydesk.1")
    if os.path.exists(man):
        with open(man, encoding="utf-8") as f:
            page = f.read().replace("\\-", "-")
        missing = [o for o in opts if o not in page]
        check("7 copydesk(1) names every option of --help", not missing, "missing %s" % missing)
    with open(os.path.join(TOP, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    check("7 README: Debian's python3-pandas is named, not denied",
          "python3-pandas" in readme and not re.search(r"(no|without|lacks?) pandas", readme))


def p8_inflation(b, tmp):
    """--max-inflation (docs/limits.md, "Session 15"): a gzip bomb among pages and
    in an archive record is an error record naming the page and the limit; the
    batch goes on; the option changes it; bad values are usage errors."""
    d = os.path.join(tmp, "bombs")
    os.mkdir(d)
    bomb = gzip.compress(b"<html><p>" + b"x " * (9 << 20) + b"</p></html>", 9, mtime=0)  # 18 MiB from ~18 KB
    with open(NEWS, "rb") as f:
        news = f.read()
    for name, data in (("a.html.gz", gzip.compress(news, mtime=0)), ("b.html.gz", bomb), ("c.html", news)):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
    warc = b""
    for i, body in enumerate((gzip.compress(news, mtime=0), bomb, gzip.compress(news, mtime=0))):
        block = http + body
        warc += (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:r%d>\r\nWARC-Target-URI: "
                 b"http://example.com/%d\r\nContent-Type: application/http\r\nContent-Length: %d\r\n\r\n"
                 % (i, i, len(block)) + block + b"\r\n\r\n")
    with open(os.path.join(d, "d.warc"), "wb") as f:
        f.write(warc)
    rc, out, err = run(b, ["--json", "-j", "2", d])
    recs = [json.loads(l) for l in out.splitlines()]
    errs = [(r["source"].rsplit("/", 1)[-1], r.get("error", "")) for r in recs]
    check("8 inflation: the bombs are error records naming page and limit, the rest read, exit 1",
          rc == 1 and [e != "" for _, e in errs] == [False, True, False, False, True, False]
          and errs[1][0] == "b.html.gz" and errs[4][0] == "d.warc#<urn:r1>"
          and all("inflates past the inflation limit" in e and "--max-inflation" in e for _, e in errs if e)
          and "b.html.gz: gzip data inflates past the inflation limit" in err, "rc %d %r" % (rc, errs))
    rc, out, _ = run(b, ["--json", "-q", "--max-inflation", "2000", d])
    check("8 --max-inflation 2000: every page read", rc == 0 and "error" not in out, out[:300])
    rc, out, _ = run(b, ["--json", "-q", "--max-inflation", "0", d])
    check("8 --max-inflation 0: no limit", rc == 0 and "error" not in out, out[:300])
    rc, out, _ = run(b, ["--json", "-q", "--max-inflation", "32:1", os.path.join(d, "a.html.gz")])
    check("8 --max-inflation 32:1: a real page is read", rc == 0 and "error" not in out, out[:300])
    # Records of 1 MiB or more that finish before an earlier one wait for their
    # turn instead of being copied (cli/main.c S_emit): the same output in the
    # same order with -j 2 as with -j 1, --unordered holding the same records.
    big = os.path.join(tmp, "big.warc")
    recs = []
    for i in range(6):
        page = (b"<html><body>" + b"<table>" + b"a<tr>" * 200000 + b"</table>" if i == 0 else
                b"<html><body><p>" + (b"word%d " % i) * 250000 + b"</p>") + b"</body></html>"
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
        recs.append(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:b%d>\r\nWARC-Target-URI: "
                    b"http://example.com/%d\r\nContent-Type: application/http\r\nContent-Length: %d\r\n\r\n"
                    % (i, i, len(block)) + block + b"\r\n\r\n")
    with open(big, "wb") as f:
        f.write(b"".join(recs))
    outs = [run(b, ["--json", "-q", "-j", j, big])[1] for j in ("1", "2", "3")]
    _, unord, _ = run(b, ["--json", "-q", "-j", "2", "--unordered", big])
    check("8 big records in order with -j 1, 2, 3; --unordered the same records",
          len(outs[0]) > 6000000 and outs[0] == outs[1] == outs[2]
          and sorted(unord.splitlines()) == sorted(outs[0].splitlines()), "%r" % [len(o) for o in outs])
    for bad in ("x", "-1", "100001", "5:", "5:257", "5:x", ":5", "5:5:5"):
        rc, _, err = run(b, ["--json", "--max-inflation", bad, d])
        check("8 --max-inflation %s: a usage error" % bad, rc == 2 and "--max-inflation wants" in err
              and usage_free(err), err)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(TOP, "build", "copydesk"))
    ap.add_argument("--build", default=os.path.join(TOP, "build"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="copydesk-cli-") as tmp:
        p1_head(args.bin)
        p2_errors(args.bin, tmp)
        p3_cli(args.bin, tmp)
        p7_order_docs(args.bin, tmp, args.build)
        p8_inflation(args.bin, tmp)
    failed = [(n, w) for n, w in results if w]
    for n, w in results:
        print("%s  %s%s" % ("FAIL" if w else "ok  ", n, ": " + w if w else ""))
    print("%d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
