#!/usr/bin/env python3
"""Per-field right / missed / wrong / false values on the news spec suite.

usage: tools/news_fields.py BIN [held-out|held-out2|...|held-out12|tuned|all] [--show] [--except held-outN]

held-out = the cases listed in tests/spec/news/HELD_OUT (annotated before any
change was made for them), held-out2 = HELD_OUT2 (the second round,
session 8), held-out3 = HELD_OUT3 (the third), held-out4 = HELD_OUT4 (the fourth,
session 9), held-out5 = HELD_OUT5 and held-out6 = HELD_OUT6 (the fifth and sixth, session 10),
held-out7 = HELD_OUT7 (the seventh, session 11: newer pages, wcxb-dev and Readability;
any HELD_OUTN file gives a held-outN selector, two digits too: held-out10 = HELD_OUT10, session 12;
held-out17 = HELD_OUT17, session 18's round 17; held-out18 = HELD_OUT18, session 18's round 18; held-out19 = HELD_OUT19, session 19's round 19 (the last of the L3S order); held-out-m1 = HELD_OUT_M1, session 18: modern Readability news pages), tuned = the cases of no round. Per field: right (the value or
an accepted alternative, null = null included), missed (a value expected,
none given), wrong (a value expected, another given), false (none expected,
one given), and right / cases whose expected value is not empty."""
import sys, os, json
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, 'tests'))
import run_spec as R
BIN = sys.argv[1]; which = sys.argv[2] if len(sys.argv) > 2 else 'all'; show = '--show' in sys.argv
SUITE = os.path.join(TOP, 'tests/spec/news')
def names(f):
    p = os.path.join(SUITE, f)
    return set(l.strip() for l in open(p) if l.strip() and not l.startswith('#')) if os.path.exists(p) else set()
HELD = {}  # selector -> the cases of one held-out round: held-out = HELD_OUT, held-outN = HELD_OUTN
for f in sorted(os.listdir(SUITE)):
    if f.startswith('HELD_OUT') and (f == 'HELD_OUT' or f[8:].isdigit()):
        HELD['held-out' + f[8:]] = names(f)
    elif f.startswith('HELD_OUT_M') and f[10:].isdigit():  # modern rounds (session 18): HELD_OUT_M1 = held-out-m1
        HELD['held-out-m' + f[10:]] = names(f)
cases = sorted(c for c in os.listdir(SUITE) if os.path.isdir(os.path.join(SUITE, c)))
if which in HELD: cases = [c for c in cases if c in HELD[which]]
elif which == 'tuned': cases = [c for c in cases if not any(c in s for s in HELD.values())]
elif which != 'all': sys.exit("unknown selection %r: all, tuned or one of %s" % (which, ", ".join(sorted(HELD))))
if '--except' in sys.argv:  # leave a round out (a held-out round not to be looked at yet)
    ex = sys.argv[sys.argv.index('--except') + 1]
    if ex not in HELD: sys.exit("unknown round %r for --except" % ex)
    cases = [c for c in cases if c not in HELD[ex]]
F = ["title","deck","authors","date_published","date_modified","site_name","language","description","section",
     "image.url","image.caption","image.credit","credit","dateline","tags"]
stat = {f: [0,0,0,0,0,0] for f in F}  # right, missed, wrong, false, n_expected_nonnull
def get(d, f):
    if '.' in f:
        a, b = f.split('.')
        o = d.get(a)
        return o.get(b) if isinstance(o, dict) else None
    return d.get(f)
def empty(v): return v is None or v == [] or v == ""
for c in cases:
    case = os.path.join(SUITE, c)
    inp, why = R.find_input(case)
    rec, probs, cr = R.run(BIN, case, inp, True)
    rec = rec or {}
    want = json.load(open(os.path.join(case, 'expected.json')))
    acc = want.get('also_accept', {})
    for f in F:
        top = f.split('.')[0]
        if top not in want: continue
        got = get(rec, f)
        alts = [want[top]] + list(acc.get(top, []))
        if '.' in f:
            sub = f.split('.')[1]
            vals = [a.get(sub) if isinstance(a, dict) else None for a in alts]
            ok = any(v == got for v in vals)
        else:
            vals = alts
            ok = any(R.field_ok(f, v, got) for v in vals)
        w = get(want, f)
        s = stat[f]
        if not empty(w): s[4] += 1
        if ok and not empty(w): s[5] += 1
        if ok: s[0] += 1
        elif empty(got): s[1] += 1
        elif empty(w): s[3] += 1
        else: s[2] += 1
        if show and not ok:
            print("%-32s %-14s want %s | got %s" % (c, f, json.dumps(w, ensure_ascii=False)[:90], json.dumps(got, ensure_ascii=False)[:90]))
print("%d cases (%s)" % (len(cases), which))
print("%-15s %5s %6s %6s %5s %5s  %s" % ("field","right","missed","wrong","false","of","right/with-a-value"))
for f in F:
    r, m, w, fa, nn, rn = stat[f]
    n = r+m+w+fa
    print("%-15s %5d %6d %6d %5d %5d  %d/%d" % (f, r, m, w, fa, n, rn, nn))
