#!/usr/bin/env python3
"""Triage of what we keep and a peer drops (issue #12, session 17 h/peers).

    /usr/bin/python3 tools/peers/kinds.py DATASET DATA_DIR OURS.jsonl PEER.jsonl [--gap .05] [--rtol .05]
        [--skip IDS.txt] [--show]

For the pages where the peer's word precision beats ours by --gap with recall no more than
--rtol below ours (tools/peer_precision.py's selection), each of our lines that neither the
gold nor the peer holds is located in the page's HTML (the deepest element whose text holds
its words), its ancestor chain printed (--show) and a kind guessed from tags and class/id
words; the precision each kind costs over the set is the page's P gain if that kind's lines
went, divided by the set's page count. A triage to read by hand, not a measure of a rule
(2008 layout tables read as "table", unnamed blocks as "other"). Needs lxml (Debian's
python3-lxml). --skip: page ids never read (a held-out round)."""
import argparse, importlib.util, gzip, re, sys, json, os
from collections import Counter, defaultdict
import lxml.html
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "..", "shared", "eval", "score.py")))
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
ap = argparse.ArgumentParser()
ap.add_argument("dataset"); ap.add_argument("data_dir"); ap.add_argument("ours"); ap.add_argument("peer")
ap.add_argument("--gap", type=float, default=.05); ap.add_argument("--rtol", type=float, default=.05)
ap.add_argument("--skip"); ap.add_argument("--show", action="store_true")
ap.add_argument("--html-dir")
a = ap.parse_args()
skip = {l.strip() for l in open(a.skip)} if a.skip else set()
gold = dict(S.LOADERS[a.dataset](a.data_dir))
po, _ = S.load_predictions(a.ours, a.dataset); pp, _ = S.load_predictions(a.peer, a.dataset)
rows = []
for k, g in gold.items():
    if g["text"] is None or (a.dataset == "wcxb" and g["type"] != "article"): continue
    o = (po.get(k) or {}).get("text") or ""; t = (pp.get(k) or {}).get("text") or ""
    rows.append((k, S.word_prf(o, g["text"]), S.word_prf(t, g["text"]), o, t, g["text"], (po.get(k) or {}).get("title") or ""))
N = len(rows)
sel = [r for r in rows if r[2][0] >= r[1][0] + a.gap and r[2][1] >= r[1][1] - a.rtol]
KIND_RULES = [
    ("caption", r"figcaption|caption|credit|wp-caption|photo|image|media|figure|gallery"),
    ("comments", r"comment|disqus|reply|respond|discussion"),
    ("related/teaser", r"related|more|teaser|recommend|popular|trending|also|latest|read-?next|video|story-list|headlines|widget|sidebar|aside|rail|promo|outbrain|taboola"),
    ("newsletter/promo", r"newsletter|subscribe|signup|sign-up|cta|offer|disclaimer|disclosure"),
    ("byline/date/share", r"byline|author|date|time|share|social|meta|tags|dateline|bio"),
    ("nav/footer/header", r"nav|footer|header|breadcrumb|menu|copyright|masthead|topbar|banner"),
    ("table", r"^table$|^tr$|^td$"),
]
def find_el(root, seq):
    best = None
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"): continue
        try: txt = el.text_content()
        except Exception: continue
        if len(txt) > 200000: continue
        if seq in S.word_seq(txt):
            best = el  # iter is document order, deeper elements come later: keep the last hit in this subtree
    return best
def chain(el):
    out = []
    while el is not None and isinstance(el.tag, str):
        c = (el.get("class") or "") + " " + (el.get("id") or "")
        out.append(el.tag + ("." + ".".join(c.split())[:60] if c.strip() else ""))
        el = el.getparent()
    return out
def guess(ch):
    for kind, rx in KIND_RULES:
        for node in ch[:8]:
            tag = node.split(".")[0]
            if kind == "table":
                if tag in ("table", "td", "th", "tr"): return kind
                continue
            if tag in ("figure", "figcaption") and kind == "caption": return kind
            if tag == "aside" and kind == "related/teaser": return kind
            if tag in ("nav", "footer", "header") and kind == "nav/footer/header": return kind
            if re.search(rx, node.lower().partition(".")[2]): return kind
    return "other"
cost = defaultdict(float); pages = defaultdict(set); nskip = 0
for k, mo, mt, o, t, gt, title in sel:
    if k in skip or k.split(".")[0] in skip: nskip += 1; continue
    hd = a.html_dir
    path = os.path.join(hd, k if k.endswith(".gz") or a.dataset=="readability" else k + ".html.gz") if hd else None
    if a.dataset == "wcxb": path = os.path.join(a.data_dir, "html", k + ".html.gz" if not k.endswith(".gz") else k)
    if a.dataset == "l3s": path = os.path.join(a.data_dir, "html", k + ".html.gz")
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    try: root = lxml.html.fromstring(raw.decode("utf-8"))
    except Exception: root = lxml.html.fromstring(raw)
    tseq, gseq = S.word_seq(t), S.word_seq(gt)
    gw = Counter(S.words(gt)); ow = Counter(S.words(o))
    bykind = defaultdict(Counter)
    if a.show: print(f"== {k} ours P {mo[0]:.3f} R {mo[1]:.3f} | peer P {mt[0]:.3f} R {mt[1]:.3f}")
    for line in o.split("\n"):
        w = S.words(line)
        if not w or S.word_seq(line) in gseq or S.word_seq(line) in tseq: continue
        if title and S.word_seq(line) == S.word_seq(title): kind = "headline repeated"; ch = []
        else:
            el = find_el(root, S.word_seq(line)); ch = chain(el) if el is not None else []
            kind = guess(ch)
        bykind[kind].update(w)
        if a.show: print(f"   {kind:18s} [{len(w):3d} w] {line[:90]!r}  <- {' < '.join(ch[:6])[:200]}")
    # P gain on the page for each kind: drop its words (only those beyond the gold's share)
    def prec(cnt):
        tot = sum(cnt.values()); return sum((cnt & gw).values()) / tot if tot else 0
    p0 = prec(ow)
    for kind, c in bykind.items():
        cost[kind] += (prec(ow - c) - p0) / N; pages[kind].add(k)
print(f"{a.dataset}: {N} pages, {len(sel)} selected ({nskip} closed, not read)")
for kind, c in sorted(cost.items(), key=lambda x: -x[1]):
    print(f"  {kind:20s} {c*100:6.3f} P points over the set, {len(pages[kind])} pages")
