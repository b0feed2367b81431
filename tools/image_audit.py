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

--shapes (h/image17) counts, per page, the shapes of caption and credit the
page shows by its lead picture and what we give (a loose DOM of the raw HTML):

  lead     og-shown (an <img>/<source> shows the og:image's file key, as
           figure.c S_img_key), og-hidden (og:image names a picture no <img>
           shows), og-nokey, no-lead; "+figure" when the lead falls back to
           the first captioned <figure> after the <h1> before the third
           paragraph of 150+ characters
  caption  cap-figcaption, cap-class (an element classed caption/cutline/
           legend within 3 ancestors of the picture, no other picture before
           it), cap-next (the short block right after the picture's box),
           "-late" when the picture comes after that third paragraph
  credit   cr-paren "(AP Photo/NAME)", cr-label "Photo: NAME", "Credit: …",
           cr-pipe "… | NAME", cr-copy "© …", cr-slash "NAME/AGENCY" closing
           the caption; cr-element (an element classed credit, outside the
           caption) and cr-element-in-caption; cr-none

For each (lead, caption, credit) and each axis alone: caption hit / miss /
other and credit hit / miss / other, then where our caption or credit lies
in the page when it is not the lead's (cap:window, cap:late, cap:above-h1,
cap:aside/gallery, cap:not-found, cred:an-author …). --show takes a shape,
a lead kind, cap-hit|cap-miss|cap-other|cap-false?, cred-…, a "where" class,
or ours-cap / ours-cred (every page where we give one) for the hand-check
samples. The candidate is an approximation (cap-next is mostly the story's
first paragraph: a right abstention); read the pages.
"""
import sys, os, re, json, gzip, random
from html.parser import HTMLParser

args = sys.argv[1:]
def opt(name, default=None):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
SHAPES_MODE = '--shapes' in args
if SHAPES_MODE: args.remove('--shapes')
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

# ---- --shapes (h/image17): the caption and credit shapes by the lead picture ----
class Node:
    __slots__ = ('tag', 'attrs', 'kids', 'up', 'text', 'i')
    def __init__(self, tag, attrs, up, text=None):
        self.tag, self.attrs, self.up, self.text, self.kids, self.i = tag, attrs, up, text, [], 0

class Tree(HTMLParser):
    """A loose DOM: end tags close the nearest open element of their name."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#root', {}, None); self.cur = self.root; self.skip = 0
        self.meta = {}
    def handle_starttag(self, tag, attrs):
        a = {k: (v or '') for k, v in attrs}
        if tag == 'meta':
            k = (a.get('property') or a.get('name') or '').lower()
            if k in ('og:image', 'twitter:image', 'og:image:url') and k not in self.meta: self.meta[k] = a.get('content', '')
        if tag in ('p', 'li') and self.cur.tag == tag: self.cur = self.cur.up  # implied end
        n = Node(tag, a, self.cur); self.cur.kids.append(n)
        if tag not in VOID: self.cur = n
    def handle_startendtag(self, tag, attrs):
        a = {k: (v or '') for k, v in attrs}
        if tag == 'meta':
            k = (a.get('property') or a.get('name') or '').lower()
            if k in ('og:image', 'twitter:image', 'og:image:url') and k not in self.meta: self.meta[k] = a.get('content', '')
        self.cur.kids.append(Node(tag, a, self.cur))
    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag: n = n.up
        if n is not self.root: self.cur = n.up
    def handle_data(self, d):
        self.cur.kids.append(Node(None, None, self.cur, d))

def walk(n):
    st = [n]
    while st:
        x = st.pop(); yield x
        if x.tag not in SKIP and x.tag != 'head': st.extend(reversed(x.kids))

def text_of(n, limit=4000):
    out, size = [], 0
    for x in walk(n):
        if x.tag is None:
            out.append(x.text); size += len(x.text)
            if size > limit: break
        elif x.tag == 'br': out.append(' ')
    return ' '.join(''.join(out).split())

def anc(n):
    n = n.up
    while n is not None: yield n; n = n.up

def cls(n):
    return ((n.attrs or {}).get('class', '') + ' ' + (n.attrs or {}).get('id', '')).lower()

def img_key(u):
    """tools' copy of figure.c S_img_key: longest digit run (5-40) of the file name, else its stem (12+)."""
    u = u.split('?')[0].split('#')[0]
    f = u.rsplit('/', 1)[-1]
    runs = re.findall(r'\d+', f)
    best = max(runs, key=len) if runs else ''
    if 5 <= len(best) <= 40: return best
    stem = re.sub(r'[-_]\d+x\d+$', '', f.split('.')[0])
    return stem if len(stem) >= 12 and re.search(r'[A-Za-z]', stem) else None

def img_urls(n):
    a = n.attrs or {}
    return ' '.join(v for k, v in a.items() if k in ('src', 'srcset', 'data-src', 'data-srcset', 'data-original', 'data-lazy-src', 'data-url'))

def shows_key(n, key):
    v = img_urls(n)
    return bool(v) and re.search(r'(?<![A-Za-z0-9])' + re.escape(key) + r'(?![A-Za-z0-9])', v) is not None

SIDE = re.compile(r'gallery|carousel|slideshow|related|sidebar|promo|teaser|recirc')
CAPCLS = re.compile(r'caption|cutline|legend|wp-caption-text|photo-?text|image-?text')
CREDCLS = re.compile(r'credit|copyright|photographer|attribution|photo-?by|\bsource\b|byline')
SHAPES = [  # credit shapes inside a caption text, the value group 'v'
    ('cr-paren', re.compile(r"\((?P<v>(?:(?:AP|AFP|Reuters|CP|EPA|UPI|AAP|PA)\s?(?:Photo|PHOTO|Photograph|Images?)s?\s*/\s*[^()]{2,60}|[A-Z][^()]{1,60}/\s*[A-Z][^()]{1,40}|(?:AP|AFP|Reuters|Getty Images|EPA)))\)\s*\.?\s*$")),
    ('cr-label', re.compile(r"(?:^|[\s(|\[])(?:Photo|PHOTO|Photograph|Photo credit|Photo Credit|Image|Picture|Credit|CREDIT|Photos|Illustration)(?: by|:| -)\s*(?P<v>[A-Z][^()|\]]{2,80}?)\s*[)\]]?\s*\.?\s*$")),
    ('cr-pipe', re.compile(r"\|\s*(?P<v>[^|]{2,80})\s*$")),
    ('cr-copy', re.compile(r"(?:©|\(c\)|Copyright)\s*(?P<v>[^©]{2,80})\s*$")),
    ('cr-slash', re.compile(r"(?:^|[.!?\"”]\s+|\s)(?P<v>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s?/\s?[A-Z][\w .&'’-]{1,40})\s*\.?\s*$")),
]

def shape_of(t):
    for name, rx in SHAPES:
        m = rx.search(t)
        if m: return name, m.group('v').strip(), m.start()
    return None, None, None

def shapes_main():
    per = {}    # shape -> [n, caption hit, miss, other, credit hit, miss, other]
    where = {}  # where our caption / credit comes from when it is not the lead's
    rows = []
    for line in open(OUT):
        d = json.loads(line)
        src = d.get('source', '')
        if not src or not article(src): continue
        img = d.get('image') or {}
        ours_cap, ours_cred = img.get('caption'), img.get('credit')
        t = Tree()
        try: t.feed(read(src))
        except Exception: pass
        order = list(walk(t.root))
        for i, x in enumerate(order): x.i = i
        def hidden(x):
            return any(a.tag in ('aside', 'nav', 'footer') or SIDE.search(cls(a)) for a in anc(x))
        h1 = next((x for x in order if x.tag == 'h1' and text_of(x)), None)
        start = h1.i if h1 else 0
        long_p, end = 0, len(order)
        for x in order[start:]:
            if x.tag == 'p' and len(text_of(x, 400)) >= 150:
                long_p += 1
                if long_p == 3: end = x.i; break
        og = t.meta.get('og:image') or t.meta.get('og:image:url') or ''
        key = img_key(og) if og else None
        imgs = [x for x in order if x.tag in ('img', 'source') and img_urls(x)]
        lead, kind = None, None
        if og:
            shown = [x for x in imgs if key and shows_key(x, key)]
            if shown:
                lead = shown[0]; kind = 'og-shown'
            else:
                kind = 'og-hidden' if key else 'og-nokey'
        if lead is None:
            for x in imgs:
                if x.i < start or x.i > end or hidden(x): continue
                f = next((a for a in anc(x) if a.tag == 'figure'), None)
                if f is not None and any(k.tag == 'figcaption' for k in walk(f)):
                    lead = x; kind = (kind + '+' if kind else '') + 'figure'; break
        # caption / credit blocks by the lead picture
        cap_el, cred_el, cshape = None, None, 'no-caption'
        if lead is not None:
            box = None
            lk = img_key(img_urls(lead).split(' ')[0]) or img_urls(lead)
            for depth, a in enumerate(anc(lead)):
                if depth > 3 or a.tag in ('body', 'article', 'main'): break
                fc, other = None, False
                for k in walk(a):
                    if k.tag in ('img', 'source') and img_urls(k) and k is not lead and not (lk and shows_key(k, lk)) and k.i < lead.i + 50:
                        other = True; break  # another picture in the box: a body, not the picture's box
                    if k.tag == 'figcaption' or (k.tag not in ('img', None) and k is not a and CAPCLS.search(cls(k)) and text_of(k, 50)):
                        fc = k; break
                if other: break
                if fc is not None:
                    cap_el = fc; box = a
                    cshape = 'cap-figcaption' if cap_el.tag == 'figcaption' else 'cap-class'
                    break
                if a.tag == 'figure': break
            if cap_el is None:  # the short block right after the picture's box
                b = lead
                while b.up is not None and b.up.tag in ('a', 'div', 'span', 'p', 'picture', 'figure') and sum(1 for k in walk(b.up) if k.tag == 'img') == 1 and not text_of(b.up, 10): b = b.up
                sib = b.up.kids[b.up.kids.index(b) + 1:] if b.up is not None else []
                for k in sib:
                    if k.tag is None and not k.text.strip(): continue
                    if k.tag in ('br', 'script', 'style', 'noscript'): continue
                    tx = text_of(k, 400) if k.tag else ' '.join(k.text.split())
                    if tx and len(tx) <= 300 and k.tag not in ('h1', 'h2', 'h3', 'ul', 'ol', 'table', 'form') and not any(x.tag == 'img' for x in walk(k)):
                        cap_el = k; box = b.up; cshape = 'cap-next'
                    break
            if box is not None:
                cr = [k for k in walk(box) if k.tag not in (None, 'img') and k is not box and CREDCLS.search(cls(k)) and text_of(k, 200)]
                if cr: cred_el = cr[0]
        cap_text = text_of(cap_el) if cap_el is not None else ''
        if cap_el is not None and lead is not None and lead.i > end: cshape += '-late'
        cred_text = text_of(cred_el) if cred_el is not None else ''
        sh, val, at = shape_of(cap_text) if cap_text else (None, None, None)
        if cred_el is not None and cred_text and (cap_el is None or id(cap_el) not in anc_set(cred_el)):
            crshape = 'cr-element'; val = cred_text
        elif cred_el is not None and cred_text and cap_el is not None:
            crshape = 'cr-element-in-caption'; val = cred_text
            cap_wo = cap_text.replace(cred_text, '').strip()
        else:
            crshape = sh or 'cr-none'
        cap_wo = cap_text
        if cred_el is not None and cred_text: cap_wo = cap_text.replace(cred_text, ' ').strip()
        elif sh: cap_wo = cap_text[:at].strip()
        k = (kind or 'no-lead', cshape, crshape)
        s = per.setdefault(k, [0] * 7)
        s[0] += 1
        nc, nv = norm(cap_wo), norm(val)
        if nc:
            if ours_cap and overlap(ours_cap, cap_wo): s[1] += 1; ct = 'hit'
            elif not ours_cap: s[2] += 1; ct = 'miss'
            else: s[3] += 1; ct = 'other'
        else: ct = 'none' if not ours_cap else 'false?'
        if nv:
            nv2 = re.sub(r'^(photo|photograph|image|credit|picture)s?( by|:)\s*', '', nv)
            if ours_cred and (norm(ours_cred) in nv or nv2 in norm(ours_cred)): s[4] += 1; rt = 'hit'
            elif not ours_cred: s[5] += 1; rt = 'miss'
            else: s[6] += 1; rt = 'other'
        else: rt = 'none' if not ours_cred else 'false?'
        # where does our caption come from when not the lead's
        w = None
        if ours_cap and ct != 'hit':
            probe = norm(ours_cap)[:30]
            node = next((x for x in order if x.tag is None and probe and probe[:20] in norm(x.text)), None)
            if node is None: w = 'cap:not-found'
            elif h1 is not None and norm(text_of(h1)) == norm(ours_cap): w = 'cap:headline'
            elif hidden(node): w = 'cap:aside/gallery'
            elif node.i > end: w = 'cap:late'
            elif node.i < start: w = 'cap:above-h1'
            else: w = 'cap:window'
            where[w] = where.get(w, 0) + 1
        wc = None
        if ours_cred and rt != 'hit':
            probe = norm(ours_cred)[:30]
            node = next((x for x in order if x.tag is None and probe and probe in norm(x.text)), None)
            au = [norm(a) for a in d.get('authors') or []]
            if norm(ours_cred) in au: wc = 'cred:an-author'
            elif node is None: wc = 'cred:not-found'
            elif hidden(node): wc = 'cred:aside/gallery'
            elif node.i > end: wc = 'cred:late'
            elif node.i < start: wc = 'cred:above-h1'
            else: wc = 'cred:window'
            where[wc] = where.get(wc, 0) + 1
        rows.append(dict(src=src, key=k, ct=ct, rt=rt, w=w, wc=wc, cap=ours_cap, cred=ours_cred,
                         pcap=cap_wo[:200], pcred=val, og=og, source=(d.get('sources') or {}).get('image')))
    print('%d article pages; per (lead, caption shape, credit shape): n | caption hit miss other | credit hit miss other' % len(rows))
    agg = {}
    for (kd, cs, cr), s in per.items():
        for kk in ((kd, '*', '*'), ('*', cs, '*'), ('*', '*', cr)):
            a = agg.setdefault(kk, [0] * 7)
            for j in range(7): a[j] += s[j]
    for kk in sorted(agg, key=lambda x: (x[0] == '*', x[1] == '*', x)):
        s = agg[kk]
        print('  %-28s %5d | %4d %4d %4d | %4d %4d %4d' % ('/'.join(kk), *s))
    cnt = {}
    for r in rows:
        cnt[('caption', r['ct'])] = cnt.get(('caption', r['ct']), 0) + 1
        cnt[('credit', r['rt'])] = cnt.get(('credit', r['rt']), 0) + 1
    print('  ' + ', '.join('%s %s %d' % (a, b, c) for (a, b), c in sorted(cnt.items())))
    print('  ours, not the lead\'s: ' + ', '.join('%s %d' % kv for kv in sorted(where.items())))
    if SHOW:
        sel = [r for r in rows if SHOW in ('/'.join(r['key']), r['key'][0], r['key'][1], r['key'][2], 'cap-' + r['ct'], 'cred-' + r['rt'], r['w'], r['wc'])
               or (SHOW == 'ours-cap' and r['cap']) or (SHOW == 'ours-cred' and r['cred'])]
        if SAMPLE: sel = random.Random(SEED).sample(sel, min(SAMPLE, len(sel)))
        for r in sel:
            print('\n%s [%s] cap %s cred %s %s %s source=%s\n  ours:  %r | %r\n  page:  %r | %r\n  og: %s' % (
                r['src'], '/'.join(r['key']), r['ct'], r['rt'], r['w'] or '', r['wc'] or '', r['source'], r['cap'], r['cred'], r['pcap'], r['pcred'], r['og'][:120]))

def anc_set(n):
    return set(id(a) for a in anc(n)) | {id(n)}

if SHAPES_MODE:
    shapes_main(); sys.exit(0)

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
