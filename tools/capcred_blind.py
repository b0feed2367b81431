#!/usr/bin/env python3
"""Blind table for image.caption and image.credit on the news spec's held-out rounds
(issue #12; docs/quality.md "Session 21, h/capcredit").

  tools/capcred_blind.py dump --bin BIN --out OUT.jsonl [--rounds HELD_OUT11,...]
      run BIN on the cases of the rounds (all cases without --rounds), one line a case:
      {"case", "image"} as BIN gives them
  tools/capcred_blind.py table --rounds HELD_OUT11=OUT11.jsonl,HELD_OUT12=OUT11.jsonl,...
      per round and pooled, per field: a right (a value expected and given), m missed (a value
      expected, none given), w wrong (another value given), d false (none expected, one given),
      n none expected and none given; plus the misses' shapes (tools/capcred_shapes.py)
The truth is expected.json's image (also_accept's images count), compared as
tools/news_fields.py compares it (exact equality)."""
import sys, os, json, argparse
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, 'tests'))
import run_spec as R
SUITE = os.path.join(TOP, 'tests/spec/news')
FIELDS = ('caption', 'credit')


def names(f):
    return [l.strip() for l in open(os.path.join(SUITE, f)) if l.strip() and not l.startswith('#')]


def truth(case):
    want = json.load(open(os.path.join(SUITE, case, 'expected.json')))
    if 'image' not in want:
        return None
    alts = [want['image']] + list(want.get('also_accept', {}).get('image', []))
    return alts


def sub(im, f):
    return im.get(f) if isinstance(im, dict) else None


def classify(alts, got, f):
    vals = [sub(a, f) for a in alts]
    g = sub(got, f)
    w = vals[0]
    if any(v == g for v in vals):
        return 'a' if w else 'n'
    if not g:
        return 'm'
    if not w:
        return 'd'
    return 'w'


def cmd_dump(a):
    if a.rounds:
        cases = []
        for r in a.rounds.split(','):
            cases += names(r)
    else:
        cases = sorted(c for c in os.listdir(SUITE) if os.path.isdir(os.path.join(SUITE, c)))
    with open(a.out, 'w') as out:
        for c in cases:
            case = os.path.join(SUITE, c)
            inp, why = R.find_input(case)
            rec, probs, cr = R.run(a.bin, case, inp, True)
            rec = rec or {}
            out.write(json.dumps({'case': c, 'image': rec.get('image')}, ensure_ascii=False) + '\n')


def load(p):
    return {j['case']: j for j in map(json.loads, open(p))}


def cmd_table(a):
    pooled = {f: {} for f in FIELDS}
    rows = []
    for spec in a.rounds.split(','):
        r, dump = spec.split('=')
        d = load(dump)
        for f in FIELDS:
            cnt = {k: 0 for k in 'amwdn'}
            for c in names(r):
                alts = truth(c)
                if alts is None:
                    continue
                k = classify(alts, d[c]['image'], f)
                cnt[k] += 1
                pooled[f][k] = pooled[f].get(k, 0) + 1
                if a.show and k in 'mwd':
                    print('%-10s %-7s %s %-36s want %s | got %s' % (r, f, k, c, json.dumps(sub(alts[0], f), ensure_ascii=False)[:70],
                                                              json.dumps(sub(d[c]['image'], f), ensure_ascii=False)[:70]))
            rows.append((f, r, cnt))
    print('| field | round | right | missed | wrong | false | none, none | with a value | right % |')
    print('|---|---|---|---|---|---|---|---|---|')
    for f in FIELDS:
        for ff, r, c in rows:
            if ff != f:
                continue
            wv = c['a'] + c['m'] + c['w']
            print('| %s | %s | %d | %d | %d | %d | %d | %d | %s |' % (f, r.replace('HELD_OUT', '').strip('_'), c['a'], c['m'], c['w'], c['d'], c['n'], wv,
                                                                 '%.0f %%' % (100.0 * c['a'] / wv) if wv else '-'))
        c = pooled[f]
        wv = c.get('a', 0) + c.get('m', 0) + c.get('w', 0)
        print('| %s | **pooled** | %d | %d | %d | %d | %d | %d | %s |' % (f, c.get('a', 0), c.get('m', 0), c.get('w', 0), c.get('d', 0), c.get('n', 0), wv,
                                                                     '%.0f %%' % (100.0 * c.get('a', 0) / wv) if wv else '-'))


def main():
    ap = argparse.ArgumentParser()
    sp = ap.add_subparsers(dest='cmd', required=True)
    p = sp.add_parser('dump'); p.add_argument('--bin', required=True); p.add_argument('--out', required=True); p.add_argument('--rounds')
    p = sp.add_parser('table'); p.add_argument('--rounds', required=True); p.add_argument('--show', action='store_true')
    a = ap.parse_args()
    {'dump': cmd_dump, 'table': cmd_table}[a.cmd](a)


if __name__ == '__main__':
    main()
