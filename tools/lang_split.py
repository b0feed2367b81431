#!/usr/bin/env python3
"""Word P/R/F1 per language (and per page type on wcxb), ours vs a peer (issue #12, h/lang).

    tools/lang_split.py DATASET DATA_DIR OURS.jsonl PEER.jsonl|- [--list] [--dump FILE]

DATASET and files as for ../shared/eval/score.py (its loaders and word_prf are used).
A page's language is a stop-word vote over its gold text (our text when the gold is
empty): en de fr es it pt nl, la (Lorem ipsum test pages), cs; 'other' for pages in a
non-Latin script, '?' when no list reaches 4 % of the words. --list prints the
non-English pages where the peer's precision is .05 or more above ours; --dump writes
{page: language} as JSON.
"""
import importlib.util, json, sys, os
from collections import Counter, defaultdict
HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.environ.get("CD_SCORE", os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
spec = importlib.util.spec_from_file_location("score", SCORE)
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
STOP = {
 'en': "the and of to is that for with was are this have from not be by".split(),
 'de': "der die und das ist nicht mit sich auf den für ein eine dem des auch".split(),
 'fr': "le la les et des est une pour dans pas que qui sur du au avec".split(),
 'es': "el la los las y que es por para una con del se en no".split(),
 'it': "il la che di per una sono non con della gli del le è".split(),
 'pt': "o a os as que de não para com uma do da em um é".split(),
 'nl': "de het een en van dat niet met voor zijn op is ook".split(),
 'la': "sed ut quis dolor amet ipsum enim nisi eiusmod tempor aliqua".split(),
 'cs': "se na je že jako ale jsou které nebo také pro byl".split(),
}
def lang_of(text):
    w = S.words(text)[:3000]
    if not w: return '?'
    c = Counter(w); n = len(w)
    best = max(STOP, key=lambda L: sum(c[x] for x in set(STOP[L])))
    sc = sum(c[x] for x in set(STOP[best])) / n
    if sc < 0.04:
        # non-latin or unknown
        if any(ord(ch) > 0x2ff for ch in text[:2000]): return 'other'
        return '?'
    return best
def run(ds, ddir, ours, peer):
    gold = dict(S.LOADERS[ds](ddir))
    po, _ = S.load_predictions(ours, ds)
    pp, _ = S.load_predictions(peer, ds) if peer else ({}, None)
    rows = []
    for k, g in gold.items():
        if g.get("text") is None: continue
        o = (po.get(k) or {}).get("text") or ""
        t = (pp.get(k) or {}).get("text") or ""
        L = lang_of(g["text"] or o)
        rows.append((k, L, g.get("type", "-"), S.word_prf(o, g["text"]), S.word_prf(t, g["text"]) if peer else None, (po.get(k) or {}).get("language")))
    return rows
if __name__ == "__main__":
    ds, ddir, ours = sys.argv[1:4]; peer = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] != '-' else None
    rows = run(ds, ddir, ours, peer)
    groups = defaultdict(list)
    for r in rows:
        groups[(r[1], 'all')].append(r)
        if ds == 'wcxb': groups[(r[1], r[2])].append(r)
    m = lambda rs, i, j: sum(r[i][j] for r in rs) / len(rs)
    print(f"{ds}: lang type n | ours P R F1 | peer P R F1")
    for key in sorted(groups, key=lambda k: (k[0] != 'en', k[0], k[1] != 'all', k[1])):
        rs = groups[key]
        s = f"{key[0]:5} {key[1]:13} {len(rs):4} | {m(rs,3,0):.4f} {m(rs,3,1):.4f} {m(rs,3,2):.4f}"
        if peer: s += f" | {m(rs,4,0):.4f} {m(rs,4,1):.4f} {m(rs,4,2):.4f}"
        print(s)
    if '--list' in sys.argv:
        for r in rows:
            if r[1] != 'en' and peer and r[4][0] >= r[3][0] + .05:
                print("GAP", r[0], r[1], r[2], "ours P %.3f R %.3f | peer P %.3f R %.3f" % (r[3][0], r[3][1], r[4][0], r[4][1]), "lang=", r[5])
    if '--dump' in sys.argv:
        json.dump({r[0]: r[1] for r in rows}, open(sys.argv[sys.argv.index('--dump')+1], 'w'))
