#!/usr/bin/env python3
"""Candidate recall of the news-field pickers over the news spec cases, and
whether a learned chooser between the candidates beats the pickers on the
held-out rounds (issue #12, session 19, h/cands; docs/quality.md "Session 19,
h/cands").

    tools/cands_cv.py dump  [--bin BUILD-CANDS/copydesk] [--out /tmp/cands.jsonl]
    tools/cands_cv.py table [--dump /tmp/cands.jsonl] [--show FIELD]
    tools/cands_cv.py cv    [--dump /tmp/cands.jsonl] [--field section|deck] [--rounds R=DUMP,...]
    tools/cands_cv.py blind --rounds HELD_OUT17=OLD.jsonl,...

The binary must be built with -DCD_DEBUG_NEWS_CANDS (pick_news.c,
pick_authors.c, news/deck.c: with CD_NEWS_CANDS=ID set they print every
candidate of section, authors and deck on stderr):

    cmake -S . -B build-cands -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-DCD_DEBUG_NEWS_CANDS
    cmake --build build-cands --target copydesk

`dump` runs it on every case of tests/spec/news as run_spec.py does (the
case's url and args) and keeps, per case, the JSON record and the candidate
lines. `table` sorts each case and field into
  a  the truth (expected.json or an also_accept value) is what we give
  b  the truth is among the candidates but another value is given
  c  the truth is among no candidate
  d  the truth is empty and we give a value (a false value); `d*` = another
     candidate of the page, or none, would have been right: a chooser can say none
  n  the truth is empty and we give none (right)
split into the tuned cases, rounds 1-10 and rounds 11-18 + M1 (`--show rounds`: each
round). `blind` prints the same per round, each round read from the dump of a
build that had not seen it (the instrument patched onto an old commit). `cv`
fits choosers over the section or deck candidates (logistic regression,
decision trees of depth 1-3; stdlib only), each fresh round (11-18, M1) left
out in turn: trained on the tuned cases, rounds 1-10 and the other rounds,
scored on the round left out against the picker on the same pages; then on 5
random folds of the fresh pages under several seeds (the fold noise).
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import unicodedata
import zlib
from urllib.parse import urlparse, unquote

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tests"))
import run_spec as R  # noqa: E402

SUITE = os.path.join(TOP, "tests", "spec", "news")
FIELDS = ("section", "authors", "deck")


def pool(r):
    """The pool a round belongs to: 'tuned' (no round), 'early' (rounds 1-10,
    sessions 8-12, tuned on since) or 'fresh' (rounds 11-18 and M1, the 212
    pages docs/quality.md pools as held out)."""
    if r == "tuned":
        return "tuned"
    n = r[len("HELD_OUT"):]
    return "fresh" if n.startswith("_M") or (n.isdigit() and int(n) >= 11) else "early"


def rounds():
    """case -> round name ('tuned' for the cases of no round)."""
    out = {}
    for f in sorted(os.listdir(SUITE)):
        if f.startswith("HELD_OUT"):
            for line in open(os.path.join(SUITE, f), encoding="utf-8"):
                line = line.strip()
                if line and not line.startswith("#"):
                    out[line] = f
    return out


def cases():
    return sorted(c for c in os.listdir(SUITE) if os.path.isdir(os.path.join(SUITE, c)))


# ---- dump ------------------------------------------------------------------

def dump(binary, out):
    with open(out, "w", encoding="utf-8") as f:
        for c in cases():
            case = os.path.join(SUITE, c)
            inp, why = R.find_input(case)
            if not inp:
                sys.exit("%s: %s" % (c, why))
            args = []
            if os.path.exists(os.path.join(case, "args")):
                args += R.shlex.split(R.read(os.path.join(case, "args")))
            if os.path.exists(os.path.join(case, "url")):
                args = ["--url", R.read(os.path.join(case, "url")).strip()] + args
            stdin_data = None
            if "-" in args:
                stdin_data = R.read(inp, "rb")
            else:
                args.append(os.path.relpath(inp, TOP))
            env = dict(os.environ, CD_NEWS_CANDS=c)
            p = subprocess.run([binary, "--json"] + args, input=stdin_data, capture_output=True, cwd=TOP,
                               env=env, timeout=60, stdin=None if stdin_data is not None else subprocess.DEVNULL)
            lines = [l for l in p.stdout.decode("utf-8", "replace").split("\n") if l.strip()]
            rec = json.loads(lines[0]) if lines else {}
            cand = [l.split("\t") for l in p.stderr.decode("utf-8", "replace").split("\n")
                    if l.split("\t")[0] in ("SECT", "SECTPICK", "AUTH", "AUTHPICK", "DECK", "DECKHEAD", "DECKMETA")]
            f.write(json.dumps({"case": c, "rec": rec, "cand": cand}, ensure_ascii=False) + "\n")


def load(path):
    return [json.loads(l) for l in open(path, encoding="utf-8")]


# ---- truth and candidates ----------------------------------------------------

def norm(s):
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u00a0", " ")
    return " ".join(s.split())


def truths(case, field):
    want = json.load(open(os.path.join(SUITE, case, "expected.json"), encoding="utf-8"))
    if field not in want:
        return None
    return [want[field]] + list(want.get("also_accept", {}).get(field, []))


def empty(v):
    return v is None or v == [] or v == ""


def split_names(s):
    return [x for x in s.split(" | ") if x] if s else []


def candidates(d, field):
    """The page's candidate values of field: a list of (value, info dict)."""
    out = []
    if field == "section":
        for v in d["cand"]:
            if v[0] == "SECT":
                out.append((v[4], {"ord": int(v[2]), "reader": v[3], "site": int(v[5]), "flow": int(v[6]),
                                   "picked": int(v[7])}))
    elif field == "authors":
        groups = {}
        for v in d["cand"]:
            if v[0] == "AUTH":
                names = split_names(v[9]) if len(v) > 9 else []
                if names:
                    out.append((names, {"src": v[2], "rank": int(v[3]), "flags": int(v[4]),
                                        "shown": int(v[6]), "host": int(v[7]), "one": 1}))
                    g = groups.setdefault((v[2], v[3]), [])
                    g += [n for n in names if n not in g]
        for (src, rank), names in groups.items():
            out.append((names, {"src": src, "rank": int(rank), "one": 0}))
    elif field == "deck":
        for v in d["cand"]:
            if v[0] == "DECKMETA":
                out.append((v[4], {"src": v[3]}))
            elif v[0] == "DECK" and len(v) > 10:
                out.append((v[10], {"src": "block", "n": int(v[2]), "tag": v[3], "texts": int(v[4]),
                                    "cls": int(v[5]), "strong": int(v[6]), "rendered": int(v[7]),
                                    "beside": int(v[8]), "words": int(v[9])}))
    return out


def same(field, want, got):
    if field == "authors":
        return list(want or []) == list(got or [])
    return want == got


def loose(field, want, got):
    """A near match: the same names in any order (authors), the same text
    after Unicode, quote and space normalisation, case aside (section, deck)."""
    if field == "authors":
        return bool(want) and sorted(norm(x).lower() for x in want) == sorted(norm(x).lower() for x in (got or []))
    return not empty(want) and not empty(got) and norm(want).lower().rstrip(".") == norm(got).lower().rstrip(".")


def classify(d, field):
    alts = truths(d["case"], field)
    if alts is None:
        return None
    got = d["rec"].get(field)
    cands = candidates(d, field)
    if any(same(field, a, got) or (empty(a) and empty(got)) for a in alts):
        return "n" if empty(got) else "a"
    if empty(alts[0]):
        return "d*"  # a false value: a chooser could always say none
    if any(same(field, a, v) for a in alts if not empty(a) for v, _ in cands):
        return "b"
    if any(loose(field, a, v) for a in alts if not empty(a) for v, _ in cands + [(got, {})]):
        return "c~"  # only a near match (case, quotes, order): a cleaning matter
    return "c"


def table(D, show=None):
    rd = rounds()
    groups = ["tuned"] + sorted(set(rd.values()), key=lambda r: (len(r), r))
    print("%-9s %-16s %4s %4s %4s %4s %4s %4s %5s" % ("field", "cases", "a", "b", "c~", "c", "d*", "n", "all"))
    pools = ["tuned", "early rounds 1-10", "fresh rounds 11-18+M1", "all"]
    for field in FIELDS:
        tot = {g: {} for g in groups + pools}
        for d in D:
            k = classify(d, field)
            if k is None:
                continue
            g = rd.get(d["case"], "tuned")
            pl = {"tuned": "tuned", "early": "early rounds 1-10", "fresh": "fresh rounds 11-18+M1"}[pool(g)]
            for gg in set((g, pl, "all")):
                tot[gg][k] = tot[gg].get(k, 0) + 1
            if show == field and k in ("b", "c", "c~", "d*"):
                print("  %-3s %-40s want %s | got %s | cands %s" % (
                    k, d["case"], json.dumps(truths(d["case"], field)[0], ensure_ascii=False)[:60],
                    json.dumps(d["rec"].get(field), ensure_ascii=False)[:60],
                    json.dumps(sorted(set(json.dumps(v, ensure_ascii=False) for v, _ in candidates(d, field))),
                               ensure_ascii=False)[:300]))
        for g in pools[1:2] + pools[:1] + pools[2:] + (groups[1:] if show == "rounds" else []):
            t = tot[g]
            print("%-9s %-16s %4d %4d %4d %4d %4d %4d %5d" % (field, g[:21], t.get("a", 0), t.get("b", 0),
                  t.get("c~", 0), t.get("c", 0), t.get("d*", 0), t.get("n", 0), sum(t.values())))


# ---- choosers over the section candidates ------------------------------------

READERS = ["json-ld", "og", "meta", "meta-keywords", "microdata", "ld-crumb", "crumb", "kicker", "header-h1",
           "label-category", "title", "byline-category", "tag-category", "url", "nav-current",
           "nav-section-id", "url-label", "title-label-shown", "date-label", "arrow-label"]


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", unicodedata.normalize("NFKD", s or "").lower())


def section_rows(D):
    """Per page: (case, round, picker right, [(features, right)...], none right)."""
    rd = rounds()
    out = []
    for d in D:
        alts = truths(d["case"], "section")
        if alts is None:
            continue
        cands = candidates(d, "section")
        got = d["rec"].get("section")
        url = (d["rec"].get("url") or "").lower()
        path = slug(unquote(urlparse(url).path))
        title = (d["rec"].get("title") or "").lower()
        vals = {}
        for v, info in cands:
            vals.setdefault(v, []).append(info)
        rows = []
        for v, infos in vals.items():
            x = {"r_" + r: 0 for r in READERS}
            for i in infos:
                x["r_" + i["reader"]] = 1
            x["best_ord"] = min(i["ord"] for i in infos)
            x["n_readers"] = len(infos)
            x["agree_ci"] = sum(1 for w, inf in vals.items() for _ in inf if w.lower() == v.lower())
            x["site"] = max(i["site"] for i in infos)
            x["flow"] = max(i["flow"] for i in infos)
            x["picked"] = int(got == v)
            x["words"] = len(v.split())
            x["in_url"] = int(bool(slug(v)) and slug(v) in path)
            x["in_title"] = int(v.lower() in title)
            x["caps"] = int(v == v.upper())
            x["first_rank"] = int(x["best_ord"] == min(min(i["ord"] for i in inf) for inf in vals.values()))
            x["ncand"] = len(vals)
            rows.append((x, int(any(not empty(a) and a == v for a in alts)), v))
        none_right = int(any(empty(a) for a in alts))
        picker = int(any(R.field_ok("section", a, got) for a in alts))
        out.append({"case": d["case"], "round": rd.get(d["case"], "tuned"), "picker": picker, "rows": rows,
                    "none": none_right})
    return out


TAGS = ["p", "h2", "h3", "h4", "h5", "h6", "div", "span", "b", "strong", "font"]


def deck_rows(D):
    """Per page, the deck candidates (the blocks after the headline and the
    stated decks) with features, as section_rows."""
    rd = rounds()
    out = []
    for d in D:
        alts = truths(d["case"], "deck")
        if alts is None:
            continue
        got = d["rec"].get("deck")
        title = norm(d["rec"].get("title") or "").lower()
        desc = [norm(v[4]).lower() for v in d["cand"] if v[0] == "DECKMETA" and v[3].startswith("description")]
        rows = {}
        for v, info in candidates(d, "deck"):
            if v in rows or not v:
                continue
            w = v.split()
            x = {"t_" + t: int(info.get("tag") == t) for t in TAGS}
            x.update({"block": int(info["src"] == "block"), "stated": int(info["src"].startswith("deck-")),
                      "is_desc": int(info["src"].startswith("description")),
                      "n": min(info.get("n", 0), 12), "texts": min(info.get("texts", 0), 24),
                      "cls": info.get("cls", 0), "strong": info.get("strong", 0),
                      "rendered": info.get("rendered", 0), "beside": info.get("beside", 0),
                      "words": min(len(w), 80), "stop": int(v.rstrip()[-1:] in ".!?"),
                      "tcase": int(sum(1 for x_ in w if x_[:1].isupper()) >= 0.8 * len(w)),
                      "eq_desc": int(norm(v).lower() in desc), "by": int(v.lower().startswith("by ")),
                      "digits": int(bool(re.search(r"\d", v))), "in_title": int(norm(v).lower() in title),
                      "picked": int(got == v)})
            rows[v] = x
        out.append({"case": d["case"], "round": rd.get(d["case"], "tuned"),
                    "picker": int(any(same("deck", a, got) or (empty(a) and empty(got)) for a in alts)),
                    "rows": [(x, int(any(not empty(a) and a == v for a in alts)), v) for v, x in rows.items()],
                    "none": int(any(empty(a) for a in alts))})
    return out


def feats_of(rows, scratch):
    first = next(p["rows"][0][0] for p in rows if p["rows"])
    return [f for f in sorted(first) if not (scratch and f == "picked")]


def lr_fit(P, feats, lam, iters=300):
    X, Y = [], []
    for p in P:
        for x, y, _ in p["rows"]:
            X.append([float(x[f]) for f in feats])
            Y.append(float(y))
    n = len(feats)
    mu = [sum(x[j] for x in X) / len(X) for j in range(n)]
    sd = [max(1e-6, math.sqrt(sum((x[j] - mu[j]) ** 2 for x in X) / len(X))) for j in range(n)]
    Z = [[(x[j] - mu[j]) / sd[j] for j in range(n)] for x in X]
    w, b = [0.0] * n, 0.0
    for _ in range(iters):
        gw, gb = [0.0] * n, 0.0
        for z, y in zip(Z, Y):
            e = 1 / (1 + math.exp(-max(-30, min(30, b + sum(a * c for a, c in zip(w, z)))))) - y
            gb += e
            for j in range(n):
                gw[j] += e * z[j]
        b -= 0.5 * gb / len(Z)
        w = [w[j] - 0.5 * (gw[j] / len(Z) + lam * w[j] / len(Z)) for j in range(n)]

    def score(x):
        return b + sum(wj * (float(x[f]) - m) / s for wj, f, m, s in zip(w, feats, mu, sd))
    return score


def choose(p, score, thr=0.0):
    """The chooser's answer on page p: the best candidate, or none when no
    candidate scores above thr. Returns 1 if right."""
    best = None
    for x, y, v in p["rows"]:
        s = score(x)
        if best is None or s > best[0]:
            best = (s, y)
    if best is None or best[0] <= thr:
        return p["none"]
    return best[1]


def tree_fit(P, feats, depth):
    """A decision tree over candidate rows (leaf: the share of right rows);
    splits at thresholds of each feature, by the rows' log loss."""
    X = [(x, y) for p in P for x, y, _ in p["rows"]]

    def leaf(idx):
        k = sum(X[i][1] for i in idx)
        return ("leaf", (k + 0.5) / (len(idx) + 1.0))

    def loss(idx):
        if not idx:
            return 0.0
        q = (sum(X[i][1] for i in idx) + 0.5) / (len(idx) + 1.0)
        k = sum(X[i][1] for i in idx)
        return -(k * math.log(q) + (len(idx) - k) * math.log(1 - q))

    def grow(idx, d):
        if d == 0 or len(idx) < 16:
            return leaf(idx)
        base, best = loss(idx), None
        for f in feats:
            vals = sorted(set(X[i][0][f] for i in idx))
            if len(vals) > 11:
                vals = sorted(set(vals[int(len(vals) * j / 10)] for j in range(10)))
            for t in vals[1:]:
                a = [i for i in idx if X[i][0][f] >= t]
                b = [i for i in idx if X[i][0][f] < t]
                if len(a) < 8 or len(b) < 8:
                    continue
                g = base - loss(a) - loss(b)
                if best is None or g > best[0]:
                    best = (g, f, t, a, b)
        if best is None or best[0] < 1.0:
            return leaf(idx)
        return ("split", best[1], best[2], grow(best[3], d - 1), grow(best[4], d - 1))

    node = grow(list(range(len(X))), depth)

    def score(x):
        n = node
        while n[0] == "split":
            n = n[3] if x[n[1]] >= n[2] else n[4]
        return math.log(n[1] / (1 - n[1]))  # > 0 when more likely right than not
    return score, node


def models(scratch):
    out = []
    for lam in (1.0, 10.0):
        out.append(("logistic lam %g" % lam, lambda P, F, lam=lam: lr_fit(P, F, lam, 150)))
    for dep in (1, 2, 3):
        out.append(("tree depth %d" % dep, lambda P, F, dep=dep: tree_fit(P, F, dep)[0]))
    return out


def cv(D, field, seeds=5, quick=False):
    P = {"section": section_rows, "deck": deck_rows}[field](D)
    held = [p for p in P if pool(p["round"]) == "fresh"]
    rnames = sorted(set(p["round"] for p in held))
    print("%s: %d cases; %d in the %d fresh rounds (each left out in turn; the tuned cases and rounds 1-10 "
          "always trained on); picker right on them %d" % (
              field, len(P), len(held), len(rnames), sum(p["picker"] for p in held)))
    orc = sum(max([y for _, y, _ in p["rows"]] + [p["none"]]) for p in held)
    print("oracle over the candidates and none, fresh rounds: %d" % orc)
    for scratch in (0, 1):
        F = feats_of(P, scratch)
        for name, fit in models(scratch):
            if quick and name not in ("logistic lam 10", "tree depth 2"):
                continue
            got, base, per = 0, 0, []
            for r in rnames:
                tr = [p for p in P if p["round"] != r]
                te = [p for p in P if p["round"] == r]
                score = fit(tr, F)
                g = sum(choose(p, score) for p in te)
                b = sum(p["picker"] for p in te)
                got += g
                base += b
                if g != b:
                    per.append("%s %+d" % (r.replace("HELD_OUT", "R"), g - b))
            # other fold assignments: 5 random folds of the fresh rounds' pages
            noise = []
            for seed in range(seeds):
                rng = random.Random(seed)
                fold = {p["case"]: rng.randrange(5) for p in held}
                g = 0
                for k in range(5):
                    tr = [p for p in P if fold.get(p["case"], -1) != k]
                    te = [p for p in held if fold[p["case"]] == k]
                    score = fit(tr, F)
                    g += sum(choose(p, score) for p in te)
                noise.append(g - base)
            print("%-18s %-14s leave-one-round-out %d vs picker %d (%+d; %s) | 5 random folds x%d seeds: %s" % (
                name, "from scratch" if scratch else "over picker", got, base, got - base,
                ", ".join(per) or "no round moves", seeds, " ".join("%+d" % n for n in noise)))


def blind(spec):
    """The table of each round on the build that had not seen it: spec is
    ROUND=DUMP,... (a dump per build; only the named round is read from it)."""
    rd = rounds()
    pools = {}
    print("%-9s %-16s %4s %4s %4s %4s %4s %4s %5s   oracle gain (b + d*)" % (
        "field", "round", "a", "b", "c~", "c", "d*", "n", "all"))
    for field in FIELDS:
        allt = {}
        for item in spec.split(","):
            r, path = item.split("=")
            t = {}
            for d in load(path):
                if rd.get(d["case"]) != r:
                    continue
                k = classify(d, field)
                if k is not None:
                    t[k] = t.get(k, 0) + 1
                    allt[k] = allt.get(k, 0) + 1
            print("%-9s %-16s %4d %4d %4d %4d %4d %4d %5d   %d" % (
                field, r, t.get("a", 0), t.get("b", 0), t.get("c~", 0), t.get("c", 0), t.get("d*", 0),
                t.get("n", 0), sum(t.values()), t.get("b", 0) + t.get("d*", 0)))
        t = allt
        print("%-9s %-16s %4d %4d %4d %4d %4d %4d %5d   %d" % (
            field, "pooled", t.get("a", 0), t.get("b", 0), t.get("c~", 0), t.get("c", 0), t.get("d*", 0),
            t.get("n", 0), sum(t.values()), t.get("b", 0) + t.get("d*", 0)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("dump", "table", "cv", "blind"))
    ap.add_argument("--rounds", help="blind, cv: ROUND=DUMP,... (HELD_OUT17=/tmp/cands/old9ef.jsonl,...): "
                    "those rounds' records from the dump of a build that had not seen them")
    ap.add_argument("--bin", default=os.path.join(TOP, "build-cands", "copydesk"))
    ap.add_argument("--out", default="/tmp/cands.jsonl")
    ap.add_argument("--dump", default="/tmp/cands.jsonl")
    ap.add_argument("--show")
    ap.add_argument("--field", default="section", choices=("section", "deck"))
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="cv: logistic lam 10 and tree depth 2 only")
    a = ap.parse_args()
    if a.what == "dump":
        dump(a.bin, a.out)
    elif a.what == "blind":
        blind(a.rounds)
    elif a.what == "table":
        table(load(a.dump), a.show)
    else:
        D = load(a.dump)
        if a.rounds:  # a round's records from the build that had not seen it
            rd, B = rounds(), {}
            for item in a.rounds.split(","):
                r, path = item.split("=")
                B.update({d["case"]: d for d in load(path) if rd.get(d["case"]) == r})
            D = [B.get(d["case"], d) for d in D]
        cv(D, a.field, a.seeds, a.quick)


if __name__ == "__main__":
    sys.exit(main())
