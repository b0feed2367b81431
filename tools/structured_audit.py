#!/usr/bin/env python3
"""What the page's structured data states for the news fields, against copydesk's fields.

usage: tools/structured_audit.py [--base DIR] [--bin BIN] [--show PROP] [--list PROP:CLASS] [--json OUT]
       tools/structured_audit.py --misses [--bin BIN]

Reads every page of L3S-GN1 (613), wcxb-dev (1,497) and Readability (130), and every
news spec case (tests/spec/news; the page a case names, or its copy), except the
closed pages (/work/wt/CLOSED19.txt, /work/wt/CLOSED_M2.txt when present: held-out
rounds nobody may look at). For each property relevant to a news field it records
the value the page states (JSON-LD of an article-like object, its ImageObject,
microdata itemprop, <meta> names) and copydesk's field on the same page (--base:
the folder of {wcxb,readability,l3s}.jsonl, default /tmp/base19, main's outputs; the
spec cases are run with --bin, default /work/bin/base19/copydesk). Classes:

  agree        the structured value equals copydesk's field (case, spaces, punctuation
               and a trailing site part aside)
  we-empty     copydesk's field is empty
  differ       both have a value, not the same
and, on spec cases (expected.json is the truth): whether the structured value is
right (equals an accepted value) or wrong, and whether copydesk's own value is: 'w&r'
counts the cases where copydesk is wrong or empty and the structured value right (what
reading the property could gain), 'r&w' those where copydesk is right and the structured
value wrong (what a reader of it without guards would lose). Image properties are compared only when
the ImageObject's URL is copydesk's lead image (same file name), else counted as
'other-image'.

--misses: for every spec case whose deck, section, image caption / credit, wire credit or
dateline copydesk misses (wrong or empty), is the expected value stated anywhere in the
page's structured data (any JSON-LD string, any <meta> content, any itemprop value), the
same text ('exact') or inside a longer value ('inside')?

Data: $CD_DATA (default ../shared/data beside the checkout, else /work/shared/data)."""
import gzip, html, json, os, re, subprocess, sys
from html.parser import HTMLParser

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get('CD_DATA') or (os.path.join(TOP, '..', 'shared', 'data')
                                     if os.path.isdir(os.path.join(TOP, '..', 'shared', 'data')) else '/work/shared/data')
SUITE = os.path.join(TOP, 'tests', 'spec', 'news')
args = sys.argv[1:]
def opt(name, default=None):
    return args[args.index(name) + 1] if name in args else default
BASE = opt('--base', '/tmp/base19')
BIN = opt('--bin', '/work/bin/base19/copydesk')
SHOW = opt('--show')
LIST = opt('--list')

CLOSED = set()
for f in ('/work/wt/CLOSED19.txt', '/work/wt/CLOSED_M2.txt'):
    if os.path.exists(f):
        for l in open(f):
            l = l.strip()
            if l and not l.startswith('#'):
                CLOSED.add(os.path.basename(l))

ARTICLE = {'article', 'newsarticle', 'blogposting', 'reportagenewsarticle', 'analysisnewsarticle',
           'opinionnewsarticle', 'reviewnewsarticle', 'backgroundnewsarticle', 'socialmediaposting',
           'liveblogposting', 'techarticle', 'scholarlyarticle', 'report', 'satiricalarticle',
           'advertisertcontentarticle', 'posting', 'newsarticle'}
ORG = ('organization', 'newsmediaorganization', 'corporation', 'newsmedia')


def read_page(path):
    b = open(path, 'rb').read()
    if b[:2] == b'\x1f\x8b':
        try:
            b = gzip.decompress(b)
        except Exception:
            return ''
    for enc in ('utf-8', 'cp1252', 'latin-1'):
        try:
            return b.decode(enc)
        except UnicodeDecodeError:
            continue
    return b.decode('utf-8', 'replace')


class Page(HTMLParser):
    """Meta tags, JSON-LD scripts, microdata itemprop values (text of the element, or content/src)."""
    WANT = {'articlesection', 'alternativeheadline', 'caption', 'credittext', 'copyrightholder', 'dateline',
            'description', 'abstract', 'author', 'creator', 'sourceorganization', 'provider', 'contributor'}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.ld, self.md = {}, [], {}
        self.in_ld = False
        self.buf = []
        self.open = []  # [prop, depth, text parts]
        self.depth = 0

    def handle_starttag(self, tag, a):
        a = dict((k.lower(), v or '') for k, v in a)
        if tag == 'meta':
            v = a.get('content', '')
            for key in (a.get('property', '') + ' ' + a.get('name', '') + ' ' + a.get('itemprop', '')).split():
                k = key.lower()
                if k not in self.meta and v.strip():
                    self.meta[k] = v.strip()
            return
        if tag == 'script' and 'ld+json' in a.get('type', '').lower():
            self.in_ld, self.buf = True, []
            return
        if tag in ('br', 'img', 'link', 'input', 'hr', 'source', 'wbr', 'area', 'col', 'embed', 'param', 'track'):
            ip = a.get('itemprop', '').lower().split()
            for p in ip:
                if p in self.WANT and p not in self.md and (a.get('content') or a.get('src')):
                    self.md[p] = (a.get('content') or a.get('src')).strip()
            return
        self.depth += 1
        for p in a.get('itemprop', '').lower().split():
            if p in self.WANT and p not in self.md:
                if a.get('content'):
                    self.md[p] = a['content'].strip()
                elif 'itemscope' not in a:
                    self.open.append([p, self.depth, []])

    def handle_endtag(self, tag):
        if tag == 'script' and self.in_ld:
            self.ld.append(''.join(self.buf))
            self.in_ld = False
            return
        while self.open and self.open[-1][1] >= self.depth:
            p, _, t = self.open.pop()
            v = ' '.join(''.join(t).split())
            if v and p not in self.md:
                self.md[p] = v
        self.depth -= 1

    def handle_data(self, d):
        if self.in_ld:
            self.buf.append(d)
            return
        for o in self.open:
            o[2].append(d)


def ld_objects(scripts):
    """Every JSON object of the scripts (arrays, @graph, mainEntity walked)."""
    out = []
    for s in scripts:
        s = s.strip()
        s = re.sub(r'^\s*(<!--|//<!\[CDATA\[|<!\[CDATA\[)', '', s)
        s = re.sub(r'(//\]\]>|\]\]>|-->)\s*$', '', s)
        try:
            v = json.loads(s, strict=False)
        except Exception:
            try:
                v = json.loads(re.sub(r',\s*([}\]])', r'\1', s), strict=False)
            except Exception:
                continue
        st = [v]
        while st and len(out) < 400:
            o = st.pop()
            if isinstance(o, list):
                st.extend(reversed(o))
            elif isinstance(o, dict):
                out.append(o)
                for k in ('@graph', 'mainEntity', 'isPartOf'):
                    if isinstance(o.get(k), (dict, list)):
                        st.append(o[k])
    return out


def types(o):
    t = o.get('@type', '')
    t = t if isinstance(t, list) else [t]
    return [str(x).rsplit('/', 1)[-1].lower() for x in t]


def sval(v):
    """A string value: a string, the name of an object, the first of a list."""
    if isinstance(v, list):
        v = v[0] if v else None
    if isinstance(v, dict):
        v = v.get('name')
        if isinstance(v, list):
            v = v[0] if v else None
    if isinstance(v, (int, float)):
        v = str(v)
    if isinstance(v, str):
        v = ' '.join(html.unescape(v).split())
        return v or None
    return None


def img_url(v):
    if isinstance(v, list):
        v = v[0] if v else None
    if isinstance(v, str):
        return v
    if isinstance(v, dict):
        for k in ('url', 'contentUrl', '@id'):
            if isinstance(v.get(k), str):
                return v[k]
    return None


def key(u):
    if not u:
        return ''
    u = u.split('?')[0].split('#')[0].rstrip('/')
    return u.rsplit('/', 1)[-1].lower()


def norm(s):
    if s is None:
        return ''
    if isinstance(s, list):
        s = ', '.join(s)
    s = html.unescape(str(s)).lower()
    s = re.sub(r'[\W_]+', ' ', s)
    return ' '.join(s.split())


def props(text):
    """prop -> (value, extra) for one page."""
    p = Page()
    try:
        p.feed(text)
        p.close()
    except Exception:
        pass
    out = {}
    objs = ld_objects(p.ld)
    byid = {o['@id']: o for o in objs if isinstance(o.get('@id'), str)}
    art = None
    for o in objs:
        if any(t in ARTICLE for t in types(o)):
            art = o
            break
    if art is not None:
        for k in ('articleSection', 'alternativeHeadline', 'description', 'abstract', 'dateline'):
            v = sval(art.get(k))
            if v:
                out['ld.' + k] = v
        # author / creator: split persons and organisations
        for k in ('author', 'creator', 'contributor'):
            a = art.get(k)
            for e in (a if isinstance(a, list) else [a]):
                if isinstance(e, dict) and isinstance(e.get('@id'), str) and e['@id'] in byid and 'name' not in e:
                    e = byid[e['@id']]
                n = sval(e)
                if not n:
                    continue
                kind = 'org' if isinstance(e, dict) and any(t in ORG or t.endswith('organization') for t in types(e)) else 'person'
                out.setdefault('ld.%s(%s)' % (k, kind), n)
        for k in ('sourceOrganization', 'provider', 'isBasedOn', 'publisher'):
            v = art.get(k)
            if isinstance(v, dict) and isinstance(v.get('@id'), str) and v['@id'] in byid and 'name' not in v:
                v = byid[v['@id']]
            n = sval(v) if not isinstance(v, str) or k != 'isBasedOn' else v
            if n:
                out['ld.' + k] = n
        im = art.get('image')
        if isinstance(im, list):
            im = im[0] if im else None
        if isinstance(im, dict) and isinstance(im.get('@id'), str) and im['@id'] in byid:
            im = dict(byid[im['@id']], **im)
        if not isinstance(im, dict):
            # Yoast: the page's primaryImageOfPage ImageObject
            for o in objs:
                if 'imageobject' in types(o) and isinstance(o.get('@id'), str) and 'primaryimage' in o['@id']:
                    im = o
                    break
        if isinstance(im, dict):
            u = img_url(im)
            for k in ('caption', 'creditText', 'copyrightHolder', 'copyrightNotice', 'author', 'creator',
                      'acquireLicensePage', 'description', 'name'):
                v = im.get(k)
                if k == 'acquireLicensePage':
                    v = v if isinstance(v, str) else None
                else:
                    v = sval(v)
                if v:
                    out['ld.image.' + k] = (v, u)
        am = art.get('associatedMedia')
        if am:
            out['ld.associatedMedia'] = str(img_url(am) or am)[:80]
    out['_ldtypes'] = sorted(set(t for o in objs for t in types(o) if t))
    for k in ('article:section', 'og:article:section', 'parsely-section', 'sailthru.section', 'section',
              'category', 'og:image:alt', 'twitter:image:alt', 'dc.source', 'dc.publisher', 'dc.contributor',
              'dc.rights', 'article:author', 'author', 'sailthru.author', 'parsely-author', 'original-source',
              'source', 'og:description', 'description', 'twitter:description'):
        if k in p.meta:
            out['meta.' + k] = ' '.join(html.unescape(p.meta[k]).split())
    for k, v in p.md.items():
        out['md.' + k] = v
    return out


# ---- what copydesk gives; the truth where a spec case exists ---------------------------------
def get(rec, f):
    if not rec:
        return None
    if '.' in f:
        a, b = f.split('.')
        o = rec.get(a)
        return o.get(b) if isinstance(o, dict) else None
    return rec.get(f)


FIELD = {  # property -> copydesk field it speaks for
    'ld.articleSection': 'section', 'meta.article:section': 'section', 'meta.og:article:section': 'section',
    'meta.parsely-section': 'section', 'meta.sailthru.section': 'section', 'meta.section': 'section',
    'meta.category': 'section', 'md.articlesection': 'section',
    'ld.alternativeHeadline': 'deck', 'md.alternativeheadline': 'deck',
    'ld.description': 'deck', 'ld.abstract': 'deck', 'meta.og:description': 'deck', 'meta.description': 'deck',
    'md.description': 'deck', 'md.abstract': 'deck',
    'ld.dateline': 'dateline', 'md.dateline': 'dateline',
    'ld.image.caption': 'image.caption', 'ld.image.description': 'image.caption', 'ld.image.name': 'image.caption',
    'meta.og:image:alt': 'image.caption', 'meta.twitter:image:alt': 'image.caption', 'md.caption': 'image.caption',
    'ld.image.creditText': 'image.credit', 'ld.image.copyrightHolder': 'image.credit',
    'ld.image.copyrightNotice': 'image.credit', 'ld.image.author': 'image.credit', 'ld.image.creator': 'image.credit',
    'ld.image.acquireLicensePage': 'image.credit', 'md.credittext': 'image.credit', 'md.copyrightholder': 'image.credit',
    'ld.author(org)': 'credit', 'ld.creator(org)': 'credit', 'ld.sourceOrganization': 'credit', 'ld.provider': 'credit',
    'ld.isBasedOn': 'credit', 'ld.contributor(org)': 'credit', 'ld.contributor(person)': 'authors',
    'md.sourceorganization': 'credit', 'md.provider': 'credit', 'meta.dc.source': 'credit',
    'meta.original-source': 'credit', 'meta.source': 'credit', 'meta.dc.contributor': 'credit',
    'ld.author(person)': 'authors', 'ld.creator(person)': 'authors', 'meta.article:author': 'authors',
    'meta.author': 'authors', 'meta.sailthru.author': 'authors', 'meta.parsely-author': 'authors',
    'md.author': 'authors', 'md.creator': 'authors',
    'ld.publisher': 'site_name', 'meta.dc.publisher': 'site_name', 'meta.dc.rights': 'image.credit',
}


def same(prop, sv, ours):
    a, b = norm(sv), norm(ours)
    if not a or not b:
        return False
    if a == b:
        return True
    if FIELD.get(prop) == 'authors' and isinstance(ours, list):
        return any(norm(x) == a for x in ours)
    # a trailing site part or a credit in parentheses left on one side
    return (a.startswith(b) or b.startswith(a)) and min(len(a), len(b)) >= 0.6 * max(len(a), len(b))


def right(prop, sv, want):
    f = FIELD[prop]
    top = f.split('.')[0]
    if top not in want:
        return None
    alts = [want[top]] + list(want.get('also_accept', {}).get(top, []))
    vals = []
    for a in alts:
        vals.append(a.get(f.split('.')[1]) if ('.' in f and isinstance(a, dict)) else (None if '.' in f else a))
    for v in vals:
        if isinstance(v, list):
            if any(norm(x) == norm(sv) for x in v) or (not v and not norm(sv)):
                return True
        elif norm(v) == norm(sv):  # an empty value is right where the truth is null
            return True
    return False


def records(name):
    p = os.path.join(BASE, name + '.jsonl')
    out = {}
    if os.path.exists(p):
        for l in open(p):
            try:
                r = json.loads(l)
            except ValueError:
                continue
            s = r.get('source', '')
            out[os.path.relpath(os.path.normpath(s), os.path.normpath(os.path.join(os.path.dirname(s), '..')))
                if 0 else s] = r
    return out


def rel(s):
    """A record's source as a path under the data folder (l3s-gn1/html/X.html.gz …)."""
    s = os.path.normpath(s)
    for d in ('l3s-gn1', 'wcxb-dev', 'readability', 'cleanportaleval'):
        i = s.find('/' + d + '/')
        if i >= 0:
            return s[i + 1:]
    return s


def pages():
    """(id, path, record, expected) for every open page and spec case."""
    recs = {}
    for n in ('l3s', 'wcxb', 'readability'):
        for s, r in records(n).items():
            recs[rel(s)] = r
    seen = set()
    # spec cases first: their truth
    for c in sorted(os.listdir(SUITE)):
        d = os.path.join(SUITE, c)
        if not os.path.isdir(d):
            continue
        want = json.load(open(os.path.join(d, 'expected.json')))
        if os.path.exists(os.path.join(d, 'page')):
            r = open(os.path.join(d, 'page')).read().strip()
            path = os.path.join(DATA, r)
        else:
            cand = [x for x in sorted(os.listdir(d)) if x.startswith('input')]
            if not cand:
                continue
            path, r = os.path.join(d, cand[0]), None
        if os.path.basename(path) in CLOSED:
            continue
        cmd = [BIN, '--json', '-q']
        if os.path.exists(os.path.join(d, 'url')):
            cmd += ['--url', open(os.path.join(d, 'url')).read().strip()]
        out = subprocess.run(cmd + [path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
        try:
            rec = json.loads(out.decode('utf-8', 'replace').splitlines()[0])
        except (ValueError, IndexError):
            rec = {}
        if r:
            seen.add(r)
        yield 'spec:' + c, path, rec, want
    for sub, pat in (('l3s-gn1/html', None), ('wcxb-dev/html', None), ('readability/pages', 'source.html')):
        root = os.path.join(DATA, sub)
        names = sorted(os.listdir(root))
        for n in names:
            if n in CLOSED:
                continue
            r = sub + '/' + n + ('/' + pat if pat else '')
            if r in seen:
                continue
            yield r, os.path.join(DATA, r), recs.get(r), None


def misses():
    fields = ['deck', 'section', 'image.caption', 'image.credit', 'credit', 'dateline']
    tot = {f: [0, 0, 0] for f in fields}
    for pid, path, rec, want in pages():
        if want is None:
            continue
        p = Page()
        try:
            p.feed(read_page(path))
            p.close()
        except Exception:
            pass
        strings = []
        st = list(ld_objects(p.ld))
        while st:
            o = st.pop()
            if isinstance(o, dict):
                for k, v in o.items():
                    (st.append(v) if isinstance(v, (dict, list)) else strings.append(('ld:' + k, v)))
            elif isinstance(o, list):
                st.extend(o)
        strings = [(k, v) for k, v in strings if isinstance(v, str)]
        strings += [('meta:' + k, v) for k, v in p.meta.items()] + [('md:' + k, v) for k, v in p.md.items()]
        for f in fields:
            top = f.split('.')[0]
            if top not in want or get(want, f) in (None, '', []):
                continue
            alts = [want[top]] + list(want.get('also_accept', {}).get(top, []))
            vals = [norm(get({top: a}, f)) for a in alts]
            if norm(get(rec, f)) in vals:  # null too, where null is accepted
                continue
            vals = [v for v in vals if v]
            tot[f][0] += 1
            exact = sorted(set(k for k, v in strings if norm(v) in vals))
            inside = sorted(set(k for k, v in strings if any(len(x) > 3 and x in norm(v) for x in vals))) if not exact else []
            tot[f][1] += bool(exact)
            tot[f][2] += bool(inside)
            print('%-14s %-40s want=%s | ours=%s | exact=%s inside=%s' % (
                f, pid[:40], json.dumps(get(want, f), ensure_ascii=False)[:50],
                json.dumps(get(rec, f), ensure_ascii=False)[:40], ','.join(exact[:4]), ','.join(inside[:4])))
    print('%-14s %6s %6s %7s' % ('field', 'missed', 'exact', 'inside'))
    for f in fields:
        print('%-14s %6d %6d %7d' % (f, tot[f][0], tot[f][1], tot[f][2]))


def main():
    if '--misses' in args:
        misses()
        return
    table = {}  # prop -> counts
    rows = []
    for pid, path, rec, want in pages():
        pr = props(read_page(path))
        for prop, v in pr.items():
            if prop.startswith('_') or prop not in FIELD:
                continue
            sv, u = (v if isinstance(v, tuple) else (v, None))
            f = FIELD[prop]
            ours = get(rec, f)
            t = table.setdefault(prop, {'pages': 0, 'agree': 0, 'we-empty': 0, 'differ': 0, 'other-image': 0,
                                        'spec': 0, 'right': 0, 'wrong': 0, 'empty-right': 0, 'differ-right': 0,
                                        'agree-right': 0, 'w&r': 0, 'r&w': 0,
                                        'hosts-empty': set(), 'hosts-differ': set()})
            t['pages'] += 1
            if prop.startswith('ld.image.') and key(u) != key(get(rec, 'image.url')):
                cls = 'other-image'
            elif ours in (None, '', []):
                cls = 'we-empty'
            elif same(prop, sv, ours):
                cls = 'agree'
            else:
                cls = 'differ'
            t[cls] += 1
            host = re.sub(r'^www\.', '', ((rec or {}).get('url') or '').split('/')[2] if (rec or {}).get('url', '') and '://' in (rec or {}).get('url', '') else pid)
            if cls == 'we-empty':
                t['hosts-empty'].add(host)
            if cls == 'differ':
                t['hosts-differ'].add(host)
            ok = right(prop, sv, want) if want is not None else None
            if ok is not None:
                t['spec'] += 1
                t['right' if ok else 'wrong'] += 1
                if ok and cls == 'we-empty':
                    t['empty-right'] += 1
                if ok and cls == 'differ':
                    t['differ-right'] += 1
                if ok and cls == 'agree':
                    t['agree-right'] += 1
                if cls != 'other-image':
                    ours_ok = right(prop, ours[0] if isinstance(ours, list) and ours else (ours or None), want)
                    if ok and not ours_ok:
                        t['w&r'] += 1
                    if ours_ok and not ok:
                        t['r&w'] += 1
            rows.append((prop, cls, pid, sv, ours, ok, u))
    print('%-36s %5s %5s %6s %6s %5s | %4s %5s %5s %4s %4s | %s' % (
        'property > field', 'pages', 'agree', 'empty', 'differ', 'o-img', 'spec', 'right', 'wrong', 'w&r', 'r&w',
        'hosts empty/differ'))
    for prop in sorted(table, key=lambda p: (FIELD[p], p)):
        t = table[prop]
        print('%-36s %5d %5d %6d %6d %5d | %4d %5d %5d %4d %4d | %d/%d' % (
            prop + ' > ' + FIELD[prop], t['pages'], t['agree'], t['we-empty'], t['differ'], t['other-image'],
            t['spec'], t['right'], t['wrong'], t['w&r'], t['r&w'],
            len(t['hosts-empty']), len(t['hosts-differ'])))
    if SHOW or LIST:
        want_p, want_c = (LIST.split(':') + [None])[:2] if LIST else (SHOW, None)
        for prop, cls, pid, sv, ours, ok, u in rows:
            if prop == want_p and (not want_c or cls == want_c):
                print('%-10s %-44s %-5s struct=%s | ours=%s%s' % (cls, pid[:44], {None: '', True: 'R', False: 'W'}[ok],
                      json.dumps(sv, ensure_ascii=False)[:110], json.dumps(ours, ensure_ascii=False)[:110],
                      (' | img=' + key(u)) if u else ''))
    if opt('--json'):
        json.dump([dict(zip(('prop', 'class', 'page', 'struct', 'ours', 'right', 'img'), r)) for r in rows],
                  open(opt('--json'), 'w'), ensure_ascii=False)


main()
