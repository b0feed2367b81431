#!/usr/bin/env python3
"""A random sample of news article pages for hand-checking the deck: 25
L3S-GN1 pages and 25 wcxb-dev article pages with a gold publish date, each
shown as copydesk parses it (the blocks after the headline, as
tools/deck_audit.py lists them), with the meta descriptions and the deck of
two runs, to be read and judged page by page (deck right / missed / false).

usage: tools/deck_sample.py BIN OLD_DIR NEW_DIR [--seed S] [--not-seed S0] [--n N] [--exclude FILE] [--list] [INDEX ...]
       OLD_DIR, NEW_DIR: tools/eval.sh output folders (l3s.jsonl, wcxb.jsonl).
       --not-seed S0 (repeatable, in drawing order) leaves out the pages of the
       sample drawn with S0 (a fresh sample). h/deck19 drew --seed 20261207,
       then --seed 20261208 --not-seed 20261207, then --seed 20261209
       --not-seed 20261207 --not-seed 20261208 (docs/quality.md, "Session 16,
       h/deck19"). --n N draws N pages of each set (default 25); --exclude
       FILE leaves out the page ids listed in FILE (closed held-out pages)
       before any drawing. h/deck21 drew --seed 20261217 --n 30 --exclude
       /work/wt/CLOSED16.txt --not-seed 20261207 --not-seed 20261208
       --not-seed 20261209."""
import glob
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import deck_audit as A  # noqa: E402

D = os.environ.get('CD_DATA', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../shared/data'))


def pools():
    l3s = sorted(os.path.basename(f)[:-8] for f in glob.glob(D + '/l3s-gn1/html/*.html.gz'))
    w = []
    for f in sorted(glob.glob(D + '/wcxb-dev/ground-truth/*.json')):
        g = json.load(open(f))
        if g['_internal']['page_type']['primary'] == 'article' and g['ground_truth'].get('publish_date'):
            w.append(g['file_id'])
    return l3s, w


def draw(seed, not_seeds=(), n=25, exclude=()):
    """The sample of seed (n pages of each set), drawn after the samples of
    not_seeds (in order, 25 pages of each set, each drawn without the pages
    of the ones before it) and the pages listed in exclude are left out."""
    l3s, w = pools()
    ex = set(exclude)
    l3s, w = [x for x in l3s if x not in ex], [x for x in w if x not in ex]
    for ns in not_seeds:
        r0 = random.Random(ns)
        ex = set(r0.sample(l3s, 25)) | set(r0.sample(w, 25))
        l3s, w = [x for x in l3s if x not in ex], [x for x in w if x not in ex]
    rng = random.Random(seed)
    return [('l3s', x) for x in rng.sample(l3s, n)] + [('wcxb', x) for x in rng.sample(w, n)]


def load(d):
    out = {}
    for st in ('l3s', 'wcxb'):
        for line in open(os.path.join(d, st + '.jsonl'), encoding='utf-8'):
            r = json.loads(line)
            out[(st, os.path.basename(r['source']).split('.')[0])] = r
    return out


def main():
    a = sys.argv[1:]
    seed, not_seeds, n, exclude = 20261207, [], 25, []
    if '--n' in a:
        i = a.index('--n'); n = int(a[i + 1]); del a[i:i + 2]
    if '--exclude' in a:
        i = a.index('--exclude'); exclude = open(a[i + 1]).read().split(); del a[i:i + 2]
    if '--seed' in a:
        i = a.index('--seed'); seed = int(a[i + 1]); del a[i:i + 2]
    while '--not-seed' in a:
        i = a.index('--not-seed'); not_seeds.append(int(a[i + 1])); del a[i:i + 2]
    S = draw(seed, not_seeds, n, exclude)
    if '--list' in a:
        for i, s in enumerate(S):
            print(i, *s)
        return
    binary, old, new = a[0], load(a[1]), load(a[2])
    only = set(a[3:])
    for i, (st, x) in enumerate(S):
        if only and str(i) not in only:
            continue
        r, n = old[(st, x)], new[(st, x)]
        out = subprocess.run([binary, '--dump-tree', r['source']], capture_output=True).stdout.decode('utf-8', 'replace')
        root = A.parse_dump(out)
        title = r.get('title') or ''
        h1, c = A.candidates(root, title, r.get('authors') or [])
        if h1 is None or A.text_of(h1).strip().lower() != title.strip().lower():
            t = A.norm(title).lower()  # the headline set in another element: walk from it
            for k in A.preorder(root):
                if isinstance(k, A.N) and k.tag in A.BLOCK | {'font', 'b', 'strong', 'span', 'a'} and \
                        A.visible_path(k) and t and A.text_of(k).lower() == t:
                    k.tag = 'h1'
                    h1, c = A.candidates(root, title, r.get('authors') or [])
                    break
        print('=' * 100)
        print('#%d %s %s %s' % (i, st, x, r.get('url') or ''))
        print('  title:', title)
        print('  OLD DECK:', r.get('deck'))
        print('  NEW DECK:', n.get('deck') if n.get('deck') != r.get('deck') else '(same)')
        for k in A.preorder(root):
            if isinstance(k, A.N) and k.tag == 'meta':
                name = (k.attrs.get('property') or k.attrs.get('name') or '').lower()
                if name in ('og:description', 'description'):
                    print('  meta %s: %s' % (name, A.norm(k.attrs.get('content', ''))[:200]))
        print('  h1:', A.text_of(h1)[:150] if h1 is not None else None)
        for cl, s, kind in c[:10]:
            print('   %-30s %-10s %s' % (cl[:30], kind, s[:230]))
        print('  TEXT:', (n.get('text') or '')[:200].replace('\n', ' / '))


if __name__ == '__main__':
    main()
