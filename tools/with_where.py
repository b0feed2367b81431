#!/usr/bin/env python3
"""Where do wcxb-dev's missed 'with' snippets sit? (docs/quality.md, session 11)

    tools/with_where.py [--without] PRED.jsonl DEBUG_BIN [OUT.jsonl]

PRED.jsonl: `copydesk --json` over wcxb-dev/html (tools/eval.sh writes it).
DEBUG_BIN: a copydesk built with -DCD_EXTRACT_DEBUG, e.g.
    cmake -S . -B /tmp/dbg -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-DCD_EXTRACT_DEBUG
    make -C /tmp/dbg copydesk
Every 'with' snippet missing from PRED but present, as written, in the
visible page (`--no-extract`) is traced on its page (one run each, with the
site model learned from the whole set so site chrome matches the batch):
CD_WHY=1 names the smallest dropped subtree holding it (its reason letter,
cd_extract_reason), else CD_LOCATE=FILE says where it sits relative to the
chosen roots (the common ancestor, levels up from the root and down to the
snippet, before or after it). One JSON line per snippet goes to OUT.jsonl
(default /tmp/with_where.jsonl); a summary by cause, by page type (the
gold's _internal.page_type: analysis only) and by position is printed.

--without traces the 'without' snippets instead: those present in the
visible page and absent from PRED, i.e. what each rule rightly removes, so
a rule's 'with' loss can be weighed against it (session 20, h/with). The
summary also gives each cause's weight in points of the scorer's per-page
mean (a snippet weighs 1 / its page's snippets / the pages that have any),
split into article pages and the others.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("CD_DATA", os.path.join(TOP, "..", "shared", "data"))
WCXB = os.path.join(DATA, "wcxb-dev")


def texts(lines):
    out = {}
    for line in lines:
        if line.strip():
            rec = json.loads(line)
            out[os.path.basename(rec["source"]).split(".")[0]] = rec.get("text") or ""
    return out


def position(loc):
    if loc["lcabody"]:
        return "beside the body (common ancestor body)"
    if loc["up"] <= 1:
        return "a sibling of the root"
    if loc["up"] == 2:
        return "a child of the root's grandparent"
    return "under an ancestor 3+ levels up"


def main():
    args = [a for a in sys.argv[1:] if a != "--without"]
    key = "without" if len(args) < len(sys.argv) - 1 else "with"
    if len(args) < 2:
        sys.exit(__doc__)
    pred = texts(open(args[0], encoding="utf-8"))
    dbg = args[1]
    out_path = args[2] if len(args) > 2 else "/tmp/%s_where.jsonl" % key
    html = os.path.join(WCXB, "html")
    work = tempfile.mkdtemp(prefix="with_where.")
    model = os.path.join(work, "sites.model")
    subprocess.run([dbg, "-q", "--learn-sites", model, html], stdout=subprocess.DEVNULL, check=False)
    full = texts(subprocess.run([dbg, "--json", "-q", "--no-extract", html], capture_output=True,
                                text=True).stdout.split("\n"))
    snips = os.path.join(work, "snips.txt")
    by_cause, by_type, by_pos = collections.Counter(), collections.Counter(), collections.Counter()
    points = collections.Counter()
    npages = 0
    with open(out_path, "w", encoding="utf-8") as out:
        gt = os.path.join(WCXB, "ground-truth")
        for name in sorted(os.listdir(gt)):
            data = json.load(open(os.path.join(gt, name), encoding="utf-8"))
            pt = (data.get("_internal") or {}).get("page_type") or {}
            pt = pt.get("primary", "article") if isinstance(pt, dict) else (pt or "article")
            pid = name.split(".")[0]
            text, vis = pred.get(pid, "").lower(), full.get(pid, "").lower()
            snippets = data["ground_truth"].get(key) or []
            npages += bool(snippets)
            miss = [s for s in snippets if s.lower() not in text and s.lower() in vis]
            if not miss:
                continue
            with open(snips, "w", encoding="utf-8") as f:
                f.write("\n".join(" ".join(s.split()) for s in miss) + "\n")
            env = dict(os.environ, CD_LOCATE=snips, CD_WHY="1", CD_DEBUG="1")
            err = subprocess.run([dbg, "--json", "-q", "--sites", model, os.path.join(html, pid + ".html.gz")],
                                 env=env, capture_output=True, text=True, errors="replace").stderr
            locs, drops, mode = [], [], ""
            for line in err.split("\n"):
                try:
                    if line.startswith('{"loc"'):
                        locs.append(json.loads(line))
                    elif line.startswith('{"why"'):
                        drops.append(json.loads(line))
                except ValueError:
                    pass
                if line.startswith("article="):
                    mode = line
            for s, loc in zip(miss, locs):
                ns = " ".join(s.lower().split())
                best = None
                for d in drops:
                    t = " ".join(d["text"].lower().split())
                    if ns in t and (best is None or len(t) < len(" ".join(best["text"].split()))):
                        best = d
                if best:
                    cause = "dropped '%s'%s" % (best["why"], "" if best["in"] else " (outside the region)")
                elif not loc.get("found"):
                    cause = "not located"
                elif loc["inroot"]:
                    cause = "inside a root, live (a field, a cut, a join)"
                else:
                    cause = "outside the chosen region"
                    by_type[pt] += 1
                    by_pos[position(loc)] += 1
                by_cause[cause] += 1
                points[("article" if pt == "article" else "other", cause)] += 1 / len(snippets)
                out.write(json.dumps(dict(pid=pid, type=pt, snip=s, mode=mode, cause=cause, loc=loc,
                                          drop=best and {k: best[k] for k in ("why", "in", "tag", "cls")})) + "\n")
    for title, c in (("by cause", by_cause), ("outside the region, by page type", by_type),
                     ("outside the region, by position", by_pos)):
        print(title)
        for k, v in c.most_common():
            print("  %5d  %s" % (v, k))
    print("points of the per-page '%s' mean, by page type (article / other) and cause" % key)
    for (kind, cause), v in sorted(points.items(), key=lambda kv: -kv[1]):
        print("  %6.3f  %-7s %s" % (100 * v / max(npages, 1), kind, cause))


if __name__ == "__main__":
    main()
