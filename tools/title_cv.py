#!/usr/bin/env python3
"""Can a small learned chooser between the title candidates beat title.c's
picker on wcxb-dev? Cross-validated by host (docs/quality.md, session 10).

    tools/title_cv.py [--bin BUILD-DBG/copydesk] [--feats FEATS.tsv]

The binary must be built with -DCD_DEBUG_TITLE_FEATS (title.c: with
CD_TITLE_FEATS=ID set it prints, per page, the picker's title, the
metadata-only pick (every visible h1 ignored), the first h1 cut as the
picker cuts it, and the picker's inputs):

    cmake -S . -B build-dbg -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-DCD_DEBUG_TITLE_FEATS
    cmake --build build-dbg --target copydesk

Each page is run alone (no site model: titles do not depend on it). On the
pages where the h1 candidate H and the metadata candidate M differ and the
picker returned one of them, a model chooses H or M (or keeps the picker's
choice); it is fitted on the hosts of four folds and scored on the fifth
(folds by crc32 of the host), so no host is both fitted and scored. Models:
decision trees of depth 1-3 (leaves: keep, H, M), the same without the
picker's choice as a feature (leaves H or M: a chooser built from scratch),
and an L2 logistic regression with and without it.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
import zlib
from urllib.parse import urlparse

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(TOP, "..", "shared", "data", "wcxb-dev")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u00a0": " "})
COLS = ("id pick psrc m msrc h nvis nsite h1flags dated shown h1raw tt og ldrank ld site "
        "tw mt url").split()
WORD = re.compile(r"\w+")
K = 5


def norm(s):  # score.py's metadata normalisation
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTES).lower()
    return " ".join(s.split()).strip(" .,;:|-")


def words(s):
    return set(WORD.findall((s or "").lower()))


def run_feats(binary, out):
    html = os.path.join(DATA, "html")
    with open(out, "w", encoding="utf-8") as f:
        for name in sorted(os.listdir(html)):
            env = dict(os.environ, CD_TITLE_FEATS=name.split(".")[0])
            p = subprocess.run([binary, "--json", "-q", os.path.join(html, name)], env=env,
                               capture_output=True)
            f.write(p.stderr.decode("utf-8", "replace"))


def load(path):
    feats, typed = {}, {}
    for line in open(path, encoding="utf-8", errors="replace"):
        v = line.rstrip("\n").split("\t")
        if v[0] == "FEAT" and len(v) == len(COLS) + 1:
            r = dict(zip(COLS, v[1:]))
            for k in ("nvis", "nsite", "h1flags", "dated", "shown", "ldrank"):
                r[k] = int(r[k])
            feats[r["id"]] = r
        elif v[0] == "TYPED":
            typed[v[1]] = int(v[2])
    return feats, typed


def rows(feats, typed):
    gt = os.path.join(DATA, "ground-truth")
    out = []
    for name in sorted(os.listdir(gt)):
        d = json.load(open(os.path.join(gt, name), encoding="utf-8"))
        g, k = d.get("ground_truth") or {}, name[:-5]
        if not g.get("title") or k not in feats:
            continue
        f, t = feats[k], norm(g["title"])
        p, h, m = norm(f["pick"]), norm(f["h"]), norm(f["m"])
        r = {"host": urlparse(d.get("url") or "").netloc.lower().removeprefix("www."),
             "p": p == t, "H": h == t, "M": m == t, "dis": bool(h and m and h != m and p in (h, m))}
        if r["dis"]:
            hw, mw = words(f["h"]), words(f["m"])
            both = len(hw & mw)
            x = {"cur_h": int(p == h), "dated": f["dated"], "shown": f["shown"], "typed": typed.get(k, 0),
                 "inart": int(bool(f["h1flags"] & 2)), "nvis": f["nvis"], "nsite": f["nsite"],
                 "hw": len(WORD.findall(f["h"])), "mw": len(WORD.findall(f["m"])),
                 "hshare": both / max(1, len(hw)), "mshare": both / max(1, len(mw)),
                 "jacc": both / max(1, len(hw | mw)), "h_in_m": int(hw <= mw), "m_in_h": int(mw <= hw),
                 "msrc_og": int(f["msrc"] == "og"), "msrc_title": int(f["msrc"] == "title"),
                 "msrc_ld": int(f["msrc"] == "json-ld"), "ld_art": int(0 <= f["ldrank"] < 16),
                 "ld_any": int(f["ldrank"] >= 0), "tt_cut": int(norm(f["tt"]) != m),
                 "h_caps": int(f["h"] == f["h"].upper() and any(c.isalpha() for c in f["h"])),
                 "site": int(bool(f["site"])), "og_eq_tt": int(norm(f["og"]) == norm(f["tt"])),
                 "h_in_tt": int(norm(f["h"]) in norm(f["tt"]))}
            x["ratio"] = x["hw"] / max(1, x["mw"])
            r["x"] = x
        out.append(r)
    return out


# ---- trees over bit masks (leaves: keep, H, M) -----------------------------

def tree_cv(D, depth, scratch):
    feats = [f for f in sorted(D[0]["x"]) if not (scratch and f == "cur_h")]

    def splits(idx):
        out = []
        for f in feats:
            vals = sorted(set(D[i]["x"][f] for i in idx))
            vals = sorted(set(vals[int(len(vals) * j / 12)] for j in range(1, 12))) if len(vals) > 12 else vals[1:]
            for t in vals:
                out.append((f, t, sum(1 << i for i in idx if D[i]["x"][f] >= t)))
        return out

    def leaf(m, H, M, P):
        best = (0, "H") if scratch else ((m & P).bit_count(), "keep")
        for v, lab in (((m & H).bit_count(), "H"), ((m & M).bit_count(), "M")):
            if v > best[0]:
                best = (v, lab)
        return best[0], ("leaf", best[1])

    def grow(m, S, HMP, d):
        best = leaf(m, *HMP)
        if d == 0:
            return best
        for f, t, sm in S:
            a, b = m & sm, m & ~sm
            if a.bit_count() < 8 or b.bit_count() < 8:
                continue
            ra, rb = grow(a, S, HMP, d - 1), grow(b, S, HMP, d - 1)
            if ra[0] + rb[0] > best[0]:
                best = (ra[0] + rb[0], ("split", f, t, ra[1], rb[1]))
        return best

    def choose(node, x):
        while node[0] == "split":
            node = node[3] if x[node[1]] >= node[2] else node[4]
        return node[1]

    got = 0
    for k in range(K):
        tr = [i for i, r in enumerate(D) if zlib.crc32(r["host"].encode()) % K != k]
        te = [i for i, r in enumerate(D) if zlib.crc32(r["host"].encode()) % K == k]
        HMP = tuple(sum(1 << i for i in tr if D[i][c]) for c in ("H", "M", "p"))
        _, node = grow(sum(1 << i for i in tr), splits(tr), HMP, depth)
        for i in te:
            c = choose(node, D[i]["x"])
            got += D[i]["p"] if c == "keep" else D[i][c]
    return got


def lr_cv(D, lam, scratch):
    feats = [f for f in sorted(D[0]["x"]) if not (scratch and f == "cur_h")]

    def fit(tr):
        X = [[float(D[i]["x"][f]) for f in feats] for i in tr if D[i]["H"] != D[i]["M"]]
        Y = [1.0 if D[i]["M"] else 0.0 for i in tr if D[i]["H"] != D[i]["M"]]
        n = len(feats)
        mu = [sum(x[j] for x in X) / len(X) for j in range(n)]
        sd = [max(1e-6, math.sqrt(sum((x[j] - mu[j]) ** 2 for x in X) / len(X))) for j in range(n)]
        Z = [[(x[j] - mu[j]) / sd[j] for j in range(n)] for x in X]
        w, b = [0.0] * n, 0.0
        for _ in range(400):
            gw, gb = [0.0] * n, 0.0
            for z, y in zip(Z, Y):
                e = 1 / (1 + math.exp(-(b + sum(a * c for a, c in zip(w, z))))) - y
                gb += e
                for j in range(n):
                    gw[j] += e * z[j]
            b -= 0.1 * gb / len(Z)
            w = [w[j] - 0.1 * (gw[j] / len(Z) + lam * w[j] / len(Z)) for j in range(n)]
        return w, b, mu, sd

    got = 0
    for k in range(K):
        tr = [i for i, r in enumerate(D) if zlib.crc32(r["host"].encode()) % K != k]
        w, b, mu, sd = fit(tr)
        for i, r in enumerate(D):
            if zlib.crc32(r["host"].encode()) % K != k:
                continue
            z = [(float(r["x"][f]) - a) / s for f, a, s in zip(feats, mu, sd)]
            got += r["M"] if b + sum(a * c for a, c in zip(w, z)) > 0 else r["H"]
    return got


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(TOP, "build-dbg", "copydesk"))
    ap.add_argument("--feats", help="a FEAT dump made before (else made here)")
    a = ap.parse_args()
    path = a.feats
    if not path:
        path = "/tmp/title-feats.tsv"
        run_feats(a.bin, path)
    R = rows(*load(path))
    D = [r for r in R if r["dis"]]
    n, right = len(R), sum(r["p"] for r in R)
    base = sum(r["p"] for r in D)
    print(f"pages {n}; picker right {right} ({right / n:.4f}); oracle over picker/h1/metadata "
          f"{sum(r['p'] or r['H'] or r['M'] for r in R) / n:.4f}")
    print(f"pages where h1 and metadata candidates differ and the picker took one: {len(D)}; "
          f"picker right on {base}")
    for scratch in (0, 1):
        for d in (1, 2, 3):
            got = tree_cv(D, d, scratch)
            print(f"tree depth {d} {'from scratch' if scratch else 'over the picker'}: CV {got} "
                  f"({got - base:+d}; title {(right + got - base) / n:.4f})")
        for lam in (1, 10):
            got = lr_cv(D, lam, scratch)
            print(f"logistic lam {lam} {'from scratch' if scratch else 'over the picker'}: CV {got} "
                  f"({got - base:+d}; title {(right + got - base) / n:.4f})")


if __name__ == "__main__":
    sys.exit(main())
