#!/usr/bin/env python3
"""Where a missed lead caption / photo credit sits in the page source (issue #12;
docs/quality.md "Session 21, h/capcredit"). No page is read by hand: an html.parser
pass finds the smallest element whose text holds the truth (whitespace folded,
case kept) or an attribute / script holding it, and names the shape:

caption: alt-title (the img's alt or title attribute), figcaption, caption-class (an element
  classed caption/cutline/legend/photo-text), sibling-block (an unclassed block near the img),
  gallery (inside a gallery/slideshow/carousel box), json-ld, meta, not-found;
credit: in-caption (the truth inside the caption's element text), credit-class (an element of its
  own classed credit/photographer/byline/source/copyright), own-element (an element of its own,
  no such class), alt-title, json-ld, meta, not-found.
+no-image: the record's image url is not the truth's (the caption's figure was not the one read).

  tools/capcred_shapes.py --rounds HELD_OUT11=OUT.jsonl,...   (the misses of table's classes m/w)"""
import sys, os, re, json, gzip, argparse
from html.parser import HTMLParser
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, 'tests'))
sys.path.insert(0, os.path.join(TOP, 'tools'))
import run_spec as R
import capcred_blind as B

VOID = {'img', 'br', 'hr', 'meta', 'link', 'input', 'source', 'area', 'base', 'col', 'embed', 'param', 'track', 'wbr'}


class El:
    __slots__ = ('tag', 'attrs', 'kids', 'parent', 'text')

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.kids, self.parent, self.text = tag, dict(attrs), [], parent, None


class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = El('#root', [], None)
        self.cur = self.root
        self.scripts = []
        self.metas = []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        e = El(tag, [(k, v or '') for k, v in attrs], self.cur)
        self.cur.kids.append(e)
        if tag == 'meta':
            self.metas.append(e.attrs)
        if tag in ('script', 'style'):
            self.in_script = tag
            self.scripts.append('')
        if tag not in VOID:
            self.cur = e

    def handle_endtag(self, tag):
        if tag in ('script', 'style'):
            self.in_script = None
        e = self.cur
        while e is not self.root and e.tag != tag:
            e = e.parent
        if e is not self.root:
            self.cur = e.parent

    def handle_data(self, d):
        if self.in_script:
            self.scripts[-1] += d
            return
        t = El('#text', [], self.cur)
        t.text = d
        self.cur.kids.append(t)


def fold(s):
    return re.sub(r'\s+', ' ', s or '').strip()


def text_of(e):
    out = []
    st = [e]
    while st:
        x = st.pop()
        if x.tag == '#text':
            out.append(x.text)
        elif x.tag not in ('script', 'style'):
            st.extend(reversed(x.kids))
    return fold(' '.join(out))


def walk(e):
    st = [e]
    while st:
        x = st.pop()
        yield x
        st.extend(reversed(x.kids))


def cls(e):
    return (e.attrs.get('class', '') + ' ' + e.attrs.get('id', '')).lower()


def read_page(path):
    b = open(path, 'rb').read()
    if path.endswith('.gz') or b[:2] == b'\x1f\x8b':
        b = gzip.decompress(b)
    m = re.search(rb'charset=["\']?([-\w]+)', b[:4096], re.I)
    enc = m.group(1).decode() if m else 'utf-8'
    try:
        return b.decode(enc, 'replace')
    except LookupError:
        return b.decode('utf-8', 'replace')


def norm(s):
    s = fold(s).replace('\u2019', "'").replace('\u2018', "'").replace('\u201c', '"').replace('\u201d', '"')
    return fold(re.sub(r'[^\w]+', ' ', s)) if LOOSE else s


LOOSE = False  # second pass: punctuation folded ("Mark Jones<br>AP" holds "Mark Jones / AP")


def smallest(root, t):
    best = None
    for e in walk(root):
        if e.tag == '#text' or e.tag in ('script', 'style'):
            continue
        if t in norm(text_of(e)):
            best = e  # walk is pre-order: later matches are deeper or later
    # deepest container: keep descending while a child holds it
    e = root
    while True:
        nxt = [k for k in e.kids if k.tag != '#text' and t in norm(text_of(k))]
        if not nxt:
            break
        e = nxt[0]
    return e if e is not root else None


CAPW = ('caption', 'cutline', 'legend', 'photo-text', 'phototext', 'imgtext', 'bildtext', 'photo_text', 'desc')
CREDW = ('credit', 'photographer', 'byline', 'source', 'copyright', 'courtesy', 'author')
GALW = ('gallery', 'slideshow', 'carousel', 'slider', 'swiper')


def anc_has(e, words):
    x = e
    while x is not None:
        if x.tag != '#text' and any(w in cls(x) for w in words):
            return True
        x = x.parent
    return False


def shape(root, p, truth, url, field, cap_truth):
    global LOOSE
    LOOSE = False
    r = S_shape(root, p, truth, url, field, cap_truth)
    if r == 'not-found':
        LOOSE = True
        r = S_shape(root, p, truth, url, field, cap_truth)
        LOOSE = False
    return r


def wrong_kind(want, got):
    """How a wrong value differs: punct (the same words), longer (holds the truth and more), shorter, other."""
    if not got:
        return ''
    w, g = norm(want), norm(got)
    lw, lg = fold(re.sub(r'[^\w]+', ' ', w)).lower(), fold(re.sub(r'[^\w]+', ' ', g)).lower()
    if lw == lg:
        return '+punct'
    if w in g:
        return '+longer'
    if g in w:
        return '+shorter'
    return '+other'


def S_shape(root, p, truth, url, field, cap_truth):
    t = norm(truth)
    for e in walk(root):
        if e.tag in ('img', 'amp-img') and (t in norm(e.attrs.get('alt', '')) or t in norm(e.attrs.get('title', ''))):
            return 'alt-title'
    e = smallest(root, t)
    if e is not None:
        c = cls(e)
        up = [cls(a) for a in [e.parent, e.parent.parent if e.parent else None] if a is not None]
        ctext = norm(text_of(e))
        if field == 'credit':
            if cap_truth and norm(cap_truth) in ctext:
                return 'in-caption'
            if any(w in c for w in CREDW) or any(any(w in u for w in CREDW) for u in up[:1]):
                return 'credit-class'
            return 'own-element:%s' % e.tag
        if anc_has(e, GALW):
            return 'gallery'
        x = e
        while x is not None:
            if x.tag == 'figcaption':
                return 'figcaption'
            x = x.parent
        if any(w in c for w in CAPW) or any(any(w in u for w in CAPW) for u in up[:1]):
            return 'caption-class'
        return 'sibling-block:%s' % e.tag
    for s in p.scripts:
        if t in norm(s.replace('\\/', '/')):
            return 'json-ld' if '@context' in s or 'schema.org' in s else 'script'
    for m in p.metas:
        if t in norm(m.get('content', '')):
            return 'meta'
    return 'not-found'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rounds', required=True)
    a = ap.parse_args()
    tally = {}
    for spec in a.rounds.split(','):
        r, dump = spec.split('=')
        d = B.load(dump)
        for c in B.names(r):
            alts = B.truth(c)
            if alts is None:
                continue
            got = d[c]['image']
            for f in B.FIELDS:
                k = B.classify(alts, got, f)
                if k not in 'mw':
                    continue
                inp, why = R.find_input(os.path.join(B.SUITE, c))
                p = P()
                p.feed(read_page(inp))
                sh = shape(p.root, p, alts[0][f], alts[0].get('url'), f, alts[0].get('caption'))
                img = wrong_kind(alts[0][f], B.sub(got, f)) if k == 'w' else ''
                img += '' if isinstance(got, dict) and got.get('url') == alts[0].get('url') else '+other-image' if got else '+no-image'
                key = (f, sh.split(':')[0] + img)
                tally.setdefault(key, []).append('%s/%s' % (r.replace('HELD_OUT', '').strip('_'), c))
                print('%-7s %-4s %-5s %-44s %-26s want %s | got %s' % (f, r.replace('HELD_OUT', '').strip('_'), k, c, sh + img,
                      json.dumps(alts[0][f], ensure_ascii=False)[:60], json.dumps(B.sub(got, f), ensure_ascii=False)[:60]))
    print()
    for (f, s), v in sorted(tally.items()):
        print('%-7s %-28s %2d  %s' % (f, s, len(v), ' '.join(v)))


if __name__ == '__main__':
    main()
