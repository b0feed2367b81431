#!/usr/bin/env python3
"""Run copydesk --json --explain on every l3s-gn1 and wcxb-dev page, each with
its ground-truth URL (--url), as a real caller would have it, and on every
Readability page (no URL); one JSON line a page with "source" = SET/ID and
"gt_url" (text and dropped blocks left out). Pages of the current held-out
draws (CLOSED files, --closed) go to OUT.jsonl.closed, which only --diff
reads, and only to count them (h/section19, h/section25).

usage: tools/section_scale.py BIN OUT.jsonl [--closed L3S_IDS.txt READABILITY_DIRS.txt]
       tools/section_scale.py --diff OLD.jsonl NEW.jsonl [FIELD]   (default: section)
(CD_DATA: the data folder)"""
import sys, json, os, subprocess
from concurrent.futures import ThreadPoolExecutor


def diff(a_path, b_path, field):
    def load(p):
        o = {}
        if not os.path.exists(p):
            return o
        for l in open(p):
            d = json.loads(l)
            o[d['source']] = (d.get(field), (d.get('sources') or {}).get(field), d.get('gt_url'))
        return o
    a, b = load(a_path), load(b_path)
    n = 0
    for k in sorted(b):
        o = a.get(k, (None, None, None))
        if o[0] != b[k][0]:
            n += 1
            print('%s\t%r (%s) -> %r (%s)\t%s' % (k, o[0], o[1], b[k][0], b[k][1], b[k][2] or ''))
    ca, cb = load(a_path + '.closed'), load(b_path + '.closed')
    print('# changed: %d; closed pages whose %s changed (not shown): %d'
          % (n, field, sum(1 for k in cb if ca.get(k, (None,))[0] != cb[k][0])))


if sys.argv[1] == '--diff':
    diff(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else 'section')
    sys.exit(0)
binp, out = sys.argv[1], sys.argv[2]
closed, closedr = set(), set()
if '--closed' in sys.argv:
    i = sys.argv.index('--closed')
    closed = set(l.strip() for l in open(sys.argv[i + 1]) if l.strip())
    closedr = set(l.strip() for l in open(sys.argv[i + 2]) if l.strip())
D = os.environ.get('CD_DATA', '../shared/data')
jobs = []
for ds, ext in (('l3s-gn1', '.html.gz'), ('wcxb-dev', '.html.gz')):
    for f in sorted(os.listdir(D + '/' + ds + '/html')):
        pid = f[:-len(ext)]
        gt = json.load(open('%s/%s/ground-truth/%s.json' % (D, ds, pid)))
        jobs.append((ds + '/' + pid, '%s/%s/html/%s' % (D, ds, f), gt.get('url'), pid in closed))
for f in sorted(os.listdir(D + '/readability/pages')):
    jobs.append(('readability/' + f, '%s/readability/pages/%s/source.html' % (D, f), None, f in closedr))


def run(j):
    k, p, u, cl = j
    a = [binp, '--json', '-q', '--explain', p] + (['--url', u] if u else [])
    r = subprocess.run(a, capture_output=True, text=True)
    line = r.stdout.strip().split('\n')[0] if r.stdout.strip() else '{}'
    try:
        d = json.loads(line)
    except ValueError:
        d = {}
    d['source'] = k
    d['gt_url'] = u
    d.pop('text', None)
    d.pop('dropped', None)
    return cl, json.dumps(d)


with ThreadPoolExecutor(2) as ex, open(out, 'w') as fo, open(out + '.closed', 'w') as fc:
    for cl, l in ex.map(run, jobs):
        (fc if cl else fo).write(l + '\n')
