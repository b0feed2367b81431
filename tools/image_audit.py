#!/usr/bin/env python3
"""Audit of the lead image, its caption and its credit over every page.

usage: tools/image_audit.py OUT.jsonl [DATA] [--show CAT] [--sample N] [--seed S]

OUT.jsonl is copydesk's `--json -q --ordered --explain` output over l3s-gn1,
wcxb-dev (article pages only) and Readability (other records are skipped):

  for d in l3s-gn1/html wcxb-dev/html; do build/copydesk --json -q --ordered --explain $DATA/$d; done > OUT
  find $DATA/readability/pages -name source.html | sort | xargs build/copydesk --json -q --explain >> OUT

Per page it lists the image we give (source og / json-ld / visible ...), its
caption and credit, and the first captioned picture near the story's start
in the raw HTML (html.parser): a <figure> holding an <img>/<picture> and a
<figcaption>, after the <h1> and before the third paragraph of 150+
characters that follows it, outside <aside>, <nav> and <footer>. Each page
falls in one category:

  taken      our caption (or credit) is the candidate's figcaption's text
  missed     a candidate and no caption nor credit of ours
  other      a candidate and a caption of ours that is not its text
  ours-only  no candidate, a caption or credit of ours (a picture without
             <figure> markup, or one further down: hand-check)
  none       neither

and, across categories, `credit-in-caption`: our caption ends with a
credit's shape ("(AP Photo/…)", "Photo: …", "Name/Agency") that was not
split off. Hand-check with --show CAT --sample N (is it the story's lead
picture? its caption? its credit?).
"""
import sys, os, re, json, gzip, random
from html.parser import HTMLParser

args = sys.argv[1:]
def opt(name, default=None):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
SHOW = opt('--show'); SAMPLE = int(opt('--sample', '0')); SEED = int(opt('--seed', '1'))
OUT = args[0]
DATA = args[1] if len(args) > 1 else os.environ.get('CD_DATA', '/work/shared/data')

VOID = set('area base br col embed hr img input link meta source track wbr'.split())
SKIP = set('script style noscript template'.split())

def norm(s):
    return re.sub(r'\s+', ' ', (s or '').replace('\u00a0', ' ')).strip().lower()

class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []; self.h1 = False; self.paras = 0; self.pbuf = None
        self.figs = []; self.fig = None; self.cap = None; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag == 'img' and self.fig is not None: self.fig['img'] = True
            return
        if tag == 'p' and self.pbuf is None: self.pbuf = []
        self.stack.append(tag)
        if tag in SKIP: self.skip += 1
        if tag == 'h1': self.h1 = True
        if tag == 'picture' and self.fig is not None: self.fig['img'] = True
        if tag == 'figure' and self.fig is None and self.h1 and self.paras < 3:
            side = any(t in ('aside', 'nav', 'footer') for t in self.stack)
            self.fig = {'img': False, 'cap': [], 'depth': len(self.stack), 'side': side, 'paras': self.paras}
        if tag == 'figcaption' and self.fig is not None: self.cap = len(self.stack)
    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.stack: return
        while self.stack:
            t = self.stack.pop()
            if t in SKIP: self.skip -= 1
            if self.cap is not None and len(self.stack) < self.cap: self.cap = None
            if self.fig is not None and len(self.stack) < self.fig['depth']:
                if self.fig['img'] and self.fig['cap'] and not self.fig['side']: self.figs.append(self.fig)
                self.fig = None
            if t == 'p' and self.pbuf is not None:
                if self.h1 and len(norm(''.join(self.pbuf))) >= 150: self.paras += 1
                self.pbuf = None
            if t == tag: break
    def handle_data(self, d):
        if self.skip: return
        if self.pbuf is not None: self.pbuf.append(d)
        if self.cap is not None and self.fig is not None: self.fig['cap'].append(d)

def read(src):
    op = gzip.open if src.endswith('.gz') else open
    with op(src, 'rb') as f:
        return f.read().decode('utf-8', errors='replace')

def article(src):
    if '/l3s-gn1/' in src or '/readability/' in src: return True
    if '/wcxb-dev/' in src:
        g = json.load(open(os.path.join(DATA, 'wcxb-dev/ground-truth', os.path.basename(src).split('.')[0] + '.json')))
        return g['_internal']['page_type']['primary'] == 'article'
    return False

CREDIT_END = re.compile(r'(\((AP|Reuters|AFP)?\s*Photo[^)]*\)|\b(Photo|Photograph|Credit|Image)( by|:)\s*[A-Z][^.]*|'
                        r'\b[A-Z][a-z]+ [A-Z][a-z]+ ?/ ?[A-Z][\w .]+)\.?\s*$')

def overlap(a, b):
    a, b = norm(a), norm(b)
    if not a or not b: return False
    return a[:40] in b or b[:40] in a

cats, srcs, rows = {}, {}, []
credit_in_cap = 0
for line in open(OUT):
    d = json.loads(line)
    src = d.get('source', '')
    if not src or not article(src): continue
    img = d.get('image') or {}
    source = (d.get('sources') or {}).get('image') or ('-' if not img.get('url') else '?')
    srcs[source] = srcs.get(source, 0) + 1
    s = Scan()
    try:
        s.feed(read(src))
    except Exception:
        pass
    cand = ' '.join(''.join(s.figs[0]['cap']).split()) if s.figs else None
    cap, cred = img.get('caption'), img.get('credit')
    if cand and (overlap(cap, cand) or (not cap and cred and norm(cred) in norm(cand))): c = 'taken'
    elif cand and not cap and not cred: c = 'missed'
    elif cand: c = 'other'
    elif cap or cred: c = 'ours-only'
    else: c = 'none'
    cats[c] = cats.get(c, 0) + 1
    cic = bool(cap and CREDIT_END.search(cap))
    credit_in_cap += cic
    rows.append((c, cic, src, source, cap, cred, cand))

n = sum(cats.values())
print(f'{n} article pages')
print('image source: ' + ', '.join(f'{k} {v}' for k, v in sorted(srcs.items(), key=lambda x: -x[1])))
for c in ('taken', 'missed', 'other', 'ours-only', 'none'):
    print(f'  {c:10} {cats.get(c, 0):5}')
print(f'  credit-in-caption {credit_in_cap}')
if SHOW:
    sel = [r for r in rows if r[0] == SHOW or (SHOW == 'credit-in-caption' and r[1])]
    if SAMPLE: sel = random.Random(SEED).sample(sel, min(SAMPLE, len(sel)))
    for c, cic, src, source, cap, cred, cand in sel:
        print(f'\n{src} [{c}] source={source}\n  caption: {cap!r}\n  credit:  {cred!r}\n  figure:  {cand!r}')
