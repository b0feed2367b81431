#!/usr/bin/env python3
"""Is --explain honest? Every block left out of `text` inside the chosen content is named by a
`dropped` entry, and no `dropped` entry names text that `text` holds (issue #12).

Needs a -DCD_EXTRACT_DEBUG build, whose CD_CONTENT=1 prints with --explain the chosen content
whatever its marks (output/explain.c S_content_dump): every text node of the roots, split where
cuts stand, with the node that left it out (the outermost marked node at or above it inside its
root), that node's reason code, and whether it was rendered.

    cmake -S . -B /tmp/dbg -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-DCD_EXTRACT_DEBUG
    make -C /tmp/dbg copydesk
    python3 tools/explain_audit.py /tmp/dbg/copydesk wcxb l3s readability [--list 10] [-j 2]
    python3 tools/explain_audit.py /tmp/dbg/copydesk PAGE.html ...   # pages or directories

Per page:
 1. the model: the text of the pieces the dump calls rendered ('k') must be `text`, compared with
    white space, no-break spaces and '|' (the table-cell separator) removed; a page where it is
    not is counted as "render mismatch" (the dump does not describe what the renderer did);
 2. the left-out blocks: the pieces not rendered, grouped by the node (or cut) that left them
    out, less what never renders text (under a script, style, button: CD_TF_SKIP) -- each a
    *block*; the headline element (the `title` field) is counted apart;
 3. a block is *accounted* when a `dropped` entry names it: the entry's text (white space
    removed) opens the block's text; entries and blocks are aligned in document order (the most
    matches, a longest-common-subsequence alignment);
 4. an entry that names no block is *said dropped but kept* when its text is found in `text`
    (a duplicate's clone is, legitimately: listed apart), else *unmatched*.
Reported per set: the share of blocks and of words accounted; the unaccounted blocks by the
code path that left them out (the reason code of their node, a cut, "cap" when they come after
the 200th entry); the entries said dropped but kept, by reason.

Also `--check`: exit 1 unless every block of every page is accounted, no entry is said dropped
but kept (a duplicate's aside), and the model holds on every page (tests/explain).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("CD_DATA", os.path.join(TOP, "..", "shared", "data"))
CAP = 200  # output/explain.c CD_EXPLAIN_MAX
WS = re.compile(r"[\s\u00a0\u200b\ufeff]+")
WS_CELL = re.compile(r"[\s\u00a0\u200b\ufeff|]+")


def norm(s):
    """s without white space (Unicode's, the no-break and zero-width spaces)."""
    return WS.sub("", s)


def norm_cells(s):
    """The same without '|' too: the text renderer writes " | " between a data table's cells."""
    return WS_CELL.sub("", s)


def pages_of(what):
    sets = {
        "wcxb": os.path.join(DATA, "wcxb-dev", "html"),
        "l3s": os.path.join(DATA, "l3s-gn1", "html"),
        "readability": os.path.join(DATA, "readability", "pages"),
    }
    top = sets.get(what, what)
    if os.path.isfile(top):
        return [top]
    out = []
    for d, _, files in os.walk(top):
        for f in files:
            if what == "readability" and f != "source.html":
                continue  # the gold's expected.html
            if f.endswith((".html", ".htm", ".html.gz")):
                out.append(os.path.join(d, f))
    return sorted(out)


def run_page(binary, path, extra):
    env = dict(os.environ, CD_CONTENT="1")
    p = subprocess.run([binary, "--json", "--explain", "-q"] + extra + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=600)
    rec = None
    for line in p.stdout.decode("utf-8", "replace").split("\n"):
        if line.startswith("{"):
            rec = json.loads(line)
            break
    content = None
    for line in p.stderr.decode("utf-8", "replace").split("\n"):
        if line.startswith('{"content"'):
            content = json.loads(line)
    return rec, content


def align(blocks, entries):
    """The most (block, entry) pairs in order where the entry's text opens the block's."""
    nb, ne = len(blocks), len(entries)
    if not nb or not ne:
        return {}
    bn = [b["norm"] for b in blocks]
    en = [norm(e.get("text", "")) for e in entries]
    ok = lambda i, j: en[j] != "" and bn[i].startswith(en[j])  # noqa: E731
    # LCS over (blocks x entries), rows kept whole: pages have at most a few thousand blocks
    # and 200 entries.
    dp = [[0] * (ne + 1) for _ in range(nb + 1)]
    for i in range(nb - 1, -1, -1):
        row, nxt = dp[i], dp[i + 1]
        for j in range(ne - 1, -1, -1):
            best = nxt[j] if nxt[j] > row[j + 1] else row[j + 1]
            if ok(i, j) and nxt[j + 1] + 1 > best:
                best = nxt[j + 1] + 1
            row[j] = best
    pairs, i, j = {}, 0, 0
    while i < nb and j < ne:
        if ok(i, j) and dp[i][j] == dp[i + 1][j + 1] + 1:
            pairs[i] = j
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def audit_page(rec, content):
    """One page's findings (a dict), or None when the page gave no record or no dump."""
    if rec is None or content is None or "error" in rec:
        return None
    text = rec.get("text", "")
    entries = [e for e in rec.get("dropped", []) if "more" not in e]
    more = collections.Counter({e["reason"]: e["more"] for e in rec.get("dropped", []) if "more" in e})
    kept = "".join(norm_cells(p[7]) for p in content["pieces"] if p[3] == "k")
    res = {"mismatch": kept != norm_cells(text), "blocks": [], "title": 0, "entries": len(entries)}
    units = collections.OrderedDict()
    for r, node, unit, state, why, reason, skip, s in content["pieces"]:
        if state == "k":
            continue
        key = (state, unit) if state != "c" else (state, unit, len(units))
        u = units.setdefault(key, {"state": state, "why": why, "reason": reason, "texts": [], "skip": []})
        (u["skip"] if skip else u["texts"]).append(s)
    blocks, titles = [], []
    res["never"] = 0
    for (state, *_), u in units.items():
        t = " ".join(u["texts"])
        if not norm(t):
            continue  # nothing visible, or only under an element of no text below the unit
        if state == "d" and u["why"] == ord("k"):
            res["never"] += 1  # an element of no text by its tag (script, style, button, select …)
            continue
        if state == "t":
            res["title"] += 1
            titles.append(norm(t))
            continue
        blocks.append({"state": state, "why": u["why"], "reason": u["reason"], "text": " ".join(t.split()),
                       "norm": norm(t), "words": len(t.split())})
    pairs = align(blocks, entries)
    # With CAP entries listed, the blocks after the last one's were not listed for the cap: the
    # record counts them by reason ({"reason", "text": "", "more": N} entries after the list).
    capped = len(entries) >= CAP
    lastb = max((i for i, j in pairs.items() if j == len(entries) - 1), default=-1) if capped else None
    past = collections.Counter(b["reason"] for i, b in enumerate(blocks) if capped and i > lastb and i not in pairs)
    counted = capped and past == more
    res["counted"], res["more_wrong"] = 0, bool(more) and not counted
    for i, b in enumerate(blocks):
        b["accounted"] = i in pairs or (counted and i > lastb)
        if i in pairs:
            b["said"] = entries[pairs[i]].get("reason")
        elif b["accounted"]:
            b["said"] = b["reason"]
            res["counted"] += 1
        else:
            code = chr(b["why"]) if 32 < b["why"] < 127 else str(b["why"])
            path = ("cut " if b["state"] == "c" else "") + (b["reason"] or "(no reason) " + code)
            if capped and i > lastb:
                path = "cap: " + path
            b["path"] = path
    res["blocks"] = blocks
    matched = set(pairs.values())
    ntext = norm(text)
    res["kept_said"], res["unmatched"], res["in_title"] = [], [], 0
    for j, e in enumerate(entries):
        if j in matched:
            continue
        en = norm(e.get("text", ""))
        if en and any(en in t for t in titles):
            res["in_title"] += 1  # a part of the headline element (the `title` field), e.g. "headline"
            continue
        (res["kept_said"] if en and en in ntext else res["unmatched"]).append(e)
    return res


def report(name, paths, results, nlist):
    for p, r in zip(paths, results):
        if r is not None:
            r["page"] = os.path.basename(p) if not p.endswith("/source.html") else os.path.basename(os.path.dirname(p))
            for x in r["blocks"] + r["kept_said"] + r["unmatched"]:
                x["page"] = r["page"]
    pages = [r for r in results if r is not None]
    blocks = [b for r in pages for b in r["blocks"]]
    acc = [b for b in blocks if b["accounted"]]
    words = sum(b["words"] for b in blocks)
    awords = sum(b["words"] for b in acc)
    print(f"== {name}: {len(pages)} pages ({len(results) - len(pages)} without a record or dump), "
          f"render mismatch on {sum(r['mismatch'] for r in pages)}")
    print(f"   left-out blocks {len(blocks)}, accounted {len(acc)} ({len(acc) / max(1, len(blocks)):.4f}); "
          f"words {words}, accounted {awords} ({awords / max(1, words):.4f}); headline elements {sum(r['title'] for r in pages)}, "
          f"elements of no text by their tag {sum(r['never'] for r in pages)}")
    print(f"   pages with every block accounted: {sum(all(b['accounted'] for b in r['blocks']) for r in pages)}; "
          f"accounted past the cap by the count of their reason: {sum(r['counted'] for r in pages)} blocks; "
          f"pages whose counts past the cap are wrong: {sum(r['more_wrong'] for r in pages)}")
    by = collections.defaultdict(list)
    for r in pages:
        for b in r["blocks"]:
            if not b["accounted"]:
                by[b["path"]].append(b)
    for path, bs in sorted(by.items(), key=lambda kv: -sum(b["words"] for b in kv[1])):
        print(f"   unaccounted  {path:32s} blocks {len(bs):5d} words {sum(b['words'] for b in bs):6d}")
        for b in bs[:nlist]:
            print(f"       {b['page']}: {b['text'][:100]!r}")
    print(f"   entries naming a part of the headline element: {sum(r['in_title'] for r in pages)}")
    ks = collections.defaultdict(list)
    for r in pages:
        for e in r["kept_said"]:
            ks[e["reason"]].append(e)
    for reason, es in sorted(ks.items(), key=lambda kv: -len(kv[1])):
        print(f"   said dropped but in text  {reason:24s} {len(es):5d}")
        for e in es[:nlist]:
            print(f"       {e['page']}: {e['text'][:100]!r}")
    um = [e for r in pages for e in r["unmatched"]]
    if um:
        print(f"   entries naming no left-out block and not in text: {len(um)}")
        for e in um[:nlist]:
            print(f"       {e['page']} {e['reason']}: {e['text'][:100]!r}")
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", help="a -DCD_EXTRACT_DEBUG copydesk")
    ap.add_argument("sets", nargs="+", help="wcxb, l3s, readability, or pages/directories")
    ap.add_argument("--list", type=int, default=5, help="examples listed per path")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--args", default="", help="extra copydesk arguments")
    ap.add_argument("--check", action="store_true", help="exit 1 unless everything is accounted")
    a = ap.parse_args()
    bad = 0
    for what in a.sets:
        paths = pages_of(what)
        with ThreadPoolExecutor(max_workers=a.j) as ex:
            got = list(ex.map(lambda p: run_page(a.binary, p, a.args.split()), paths))
        results = [audit_page(rec, c) for rec, c in got]
        pages = report(what, paths, results, a.list)
        if a.check:
            for path, r in zip(paths, results):
                if r is None:
                    print(f"   FAIL {path}: no record or no CD_CONTENT dump (a debug build?)")
                    bad += 1
                    continue
                probs = [f"unaccounted {b['path']}: {b['text'][:60]!r}" for b in r["blocks"] if not b["accounted"]]
                probs += [f"said dropped but kept {e['reason']}: {e['text'][:60]!r}" for e in r["kept_said"]
                          if e["reason"] != "duplicate"]
                probs += [f"entry naming nothing {e['reason']}: {e['text'][:60]!r}" for e in r["unmatched"]]
                if r["mismatch"]:
                    probs.append("render mismatch")
                if r["more_wrong"]:
                    probs.append("the counts past the cap are wrong")
                for pr in probs:
                    print(f"   FAIL {os.path.relpath(path)}: {pr}")
                bad += len(probs)
        del pages
    if a.check:
        print("explain audit:", "ok" if not bad else f"{bad} problem(s)")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
