#!/usr/bin/env python3
"""List the section and deck copydesk gives on every page of a set, with
where each came from, for hand-checking false values on pages with no gold.

usage: tools/section_audit.py JSONL [--sample N --seed S] [--field section|deck]
       JSONL = `copydesk --json -q --ordered --explain DIR` output.
       tools/section_audit.py --diff OLD.jsonl NEW.jsonl  (pages whose value changed)
Prints one line per page with a value: page, source, value."""
import sys, json, random, os
def load(p):
    out = {}
    for l in open(p):
        try: d = json.loads(l)
        except ValueError: continue
        src = d.get('sources') or {}
        src_path = d.get('source') or ''
        key = os.path.basename(src_path)
        if key == 'source.html':  # Readability: one folder per page
            key = os.path.basename(os.path.dirname(src_path))
        out[key] = {
            'section': (d.get('section'), src.get('section')),
            'deck': (d.get('deck'), src.get('deck'))}
    return out
a = sys.argv[1:]
field = a[a.index('--field') + 1] if '--field' in a else None
fields = [field] if field else ['section', 'deck']
if a[0] == '--diff':
    old, new = load(a[1]), load(a[2])
    for k in sorted(new):
        for f in fields:
            o, n = old.get(k, {}).get(f, (None, None)), new[k][f]
            if o[0] != n[0]: print("%s\t%s\t%r (%s) -> %r (%s)" % (k, f, o[0], o[1], n[0], n[1]))
    sys.exit(0)
d = load(a[0])
for f in fields:
    rows = [(k, v[f]) for k, v in sorted(d.items()) if v[f][0]]
    print("# %s: %d of %d pages have a value" % (f, len(rows), len(d)))
    if '--sample' in a:
        random.seed(int(a[a.index('--seed') + 1]) if '--seed' in a else 14)
        rows = random.sample(rows, min(int(a[a.index('--sample') + 1]), len(rows)))
    for k, (v, s) in rows:
        print("%s\t%s\t%s\t%s" % (f, k, s, str(v)[:140].replace('\n', ' ')))
