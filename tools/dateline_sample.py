#!/usr/bin/env python3
"""A random order of news pages to draw a dateline sample from (h/dateline8).

usage: tools/dateline_sample.py OUTDIR [--seed 17] [--from K] [--to M] [--closed FILE]

The pool: every l3s-gn1 page (less the ids listed in FILE, one a line: a
held-out round's pages never to be read) and every wcxb-dev page whose gold
says `article`, shuffled by random.Random(seed). For pages K..M of that order
it prints the page's visible lines just above the gold story's first line
(the html.parser reading of tools/credit_audit.py), the gold's first line, and
the dateline, credit and date of OUTDIR/{l3s,wcxb}.jsonl (tools/eval.sh
outputs). The reader judges by hand whether the story opens with a dateline
and which; the order is reproducible from the seed.
"""
import sys, os, re, json, gzip, random

here = os.path.dirname(os.path.abspath(__file__))
D = os.environ.get('CD_DATA', os.path.join(here, '..', '..', 'shared', 'data'))
args = sys.argv[1:]
def opt(name, default):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
seed = int(opt('--seed', '17')); a = int(opt('--from', '0')); b = int(opt('--to', '40'))
closed_file = opt('--closed', '')
out = args[0]
src = open(os.path.join(here, 'credit_audit.py')).read()
g = {'re': re, 'os': os}
exec('from html.parser import HTMLParser\n' + src[src.index('BLOCK = set('):src.index('def norm(')], g)
visible = g['visible']
closed = set(l.strip() for l in open(closed_file) if l.strip()) if closed_file else set()
pool = [('l3s', f[:-5]) for f in sorted(os.listdir(D + '/l3s-gn1/ground-truth')) if f[:-5] not in closed]
for f in sorted(os.listdir(D + '/wcxb-dev/ground-truth')):
    j = json.load(open(D + '/wcxb-dev/ground-truth/' + f))
    if j.get('_internal', {}).get('page_type', {}).get('primary') == 'article':
        pool.append(('wcxb', f[:-5]))
random.Random(seed).shuffle(pool)
recs = {}
for s in ('l3s', 'wcxb'):
    for l in open(out + '/' + s + '.jsonl'):
        r = json.loads(l)
        recs[(s, os.path.basename(r['source']).split('.')[0])] = r
def norm(s): return ' '.join(re.findall(r'[0-9a-z]+', s.lower()))
for idx in range(a, min(b, len(pool))):
    s, pid = pool[idx]
    if s == 'l3s':
        gold = json.load(open(D + '/l3s-gn1/ground-truth/' + pid + '.json')).get('body') or ''
        html = D + '/l3s-gn1/html/' + pid + '.html.gz'
    else:
        gold = json.load(open(D + '/wcxb-dev/ground-truth/' + pid + '.json'))['ground_truth'].get('main_content') or ''
        html = D + '/wcxb-dev/html/' + pid + '.html.gz'
    lines = visible(gzip.open(html).read())
    first = gold.strip().split('\n')[0]
    key = norm(first)[:25]
    at = next((i for i, l in enumerate(lines) if key and norm(l).startswith(key)), None)
    r = recs.get((s, pid), {})
    print('#%d %s %s' % (idx, s, pid[:8]))
    if at is None:
        print('   (gold first line not found in page lines)')
    for l in (lines[max(0, at - 3):at] if at is not None else []):
        print('   above: ' + l[:110])
    print('   gold: ' + first[:220])
    print('   OURS dateline=%r credit=%r date=%r' % (r.get('dateline'), r.get('credit'), r.get('date_published')))
