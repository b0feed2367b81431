#!/usr/bin/env python3
"""Run copydesk --json --explain on every l3s-gn1 and wcxb-dev page, each with
its ground-truth URL (--url), as a real caller would have it; one JSON line a
page with "source" = SET/ID and "gt_url" (text and dropped blocks left out).
For tools/section_audit.py --diff (h/section19).

usage: tools/section_scale.py BIN OUT.jsonl   (CD_DATA: the data folder)"""
import sys, json, os, subprocess
from concurrent.futures import ThreadPoolExecutor
binp, out = sys.argv[1], sys.argv[2]
D = os.environ.get('CD_DATA', '../shared/data')
jobs = []
for ds, ext in (('l3s-gn1', '.html.gz'), ('wcxb-dev', '.html.gz')):
    for f in sorted(os.listdir(D + '/' + ds + '/html')):
        pid = f[:-len(ext)]
        gt = json.load(open('%s/%s/ground-truth/%s.json' % (D, ds, pid)))
        jobs.append((ds + '/' + pid, '%s/%s/html/%s' % (D, ds, f), gt.get('url')))
def run(j):
    k, p, u = j
    a = [binp, '--json', '-q', '--explain', p] + (['--url', u] if u else [])
    r = subprocess.run(a, capture_output=True, text=True)
    line = r.stdout.strip().split('\n')[0] if r.stdout.strip() else '{}'
    try: d = json.loads(line)
    except ValueError: d = {}
    d['source'] = k; d['gt_url'] = u
    d.pop('text', None); d.pop('dropped', None)
    return json.dumps(d)
with ThreadPoolExecutor(2) as ex, open(out, 'w') as fo:
    for l in ex.map(run, jobs): fo.write(l + '\n')
