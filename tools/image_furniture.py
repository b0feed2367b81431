#!/usr/bin/env python3
"""Audit of the lead image.url for page furniture (h/image19, issue #12).

usage: tools/image_furniture.py OUT.jsonl

OUT.jsonl is copydesk's `--json -q --ordered --explain` output over l3s-gn1 and
wcxb-dev (only article pages are read: every L3S page, wcxb-dev's page_type
article):

  for d in l3s-gn1/html wcxb-dev/html; do build/copydesk --json -q --ordered --explain $DATA/$d; done > OUT

Prints the counts (pages, with an image, without) and each image.url with a sign of
furniture: a word of icon/btn/button/star/rating/avatar/author/logo/spacer/pixel/
share/print/email/badge/blank/transparent/profile/headshot/byline in its file name
(name:) or path (path:), in the class, id or alt of the <img> that shows it, a declared
width or height <= 60, an element classed author/byline in the 400 bytes before it
(near-author), or an open link to an author's page around it (author-link). "og" when
the url is the page's og:image/twitter:image, "other" when our rules chose it. The
signs are loose (most og hits are words inside a story's file name): read the pages.
"""
import sys, json, re, gzip, os, collections
DATA='/work/shared/data'
W=re.compile(r'icon|btn|button|star|rating|avatar|author|logo|spacer|pixel|share|print|email|mail|badge|gravatar|blank|transparent|profile|headshot|mugshot|byline', re.I)
def read(src):
    op = gzip.open if src.endswith('.gz') else open
    with op(src,'rb') as f: return f.read().decode('utf-8','replace')
def article(src):
    if '/l3s-gn1/' in src: return True
    g=json.load(open(os.path.join(DATA,'wcxb-dev/ground-truth',os.path.basename(src).split('.')[0]+'.json')))
    return g['_internal']['page_type']['primary']=='article'
def meta_og(h):
    m=re.search(r'<meta[^>]+(?:property|name)=["\'](?:og:image|twitter:image)["\'][^>]*>',h,re.I)
    if not m: return None
    c=re.search(r'content=["\']([^"\']*)',m.group(0),re.I)
    return c.group(1) if c else None
out=collections.Counter(); rows=[]
for l in open(sys.argv[1]):
    r=json.loads(l); src=r['source']
    if not article(src): continue
    out['pages']+=1
    im=(r.get('image') or {}).get('url')
    if not im: out['no-image']+=1; continue
    out['image']+=1
    h=read(src)
    base=im.split('?')[0].rstrip('/').rsplit('/',1)[-1]
    og=meta_og(h)
    kind='og' if og and (og==im or base in og) else 'other'
    signs=[]
    if W.search(base): signs.append('name:'+W.search(base).group(0).lower())
    elif W.search(im.split('?')[0]): signs.append('path:'+W.search(im.split('?')[0]).group(0).lower())
    # the img tag showing it
    for m in re.finditer(r'<img\b[^>]*>',h,re.I):
        t=m.group(0)
        if base and base in t:
            a=dict((k.lower(),v) for k,v in re.findall(r'([\w-]+)\s*=\s*["\']([^"\']*)',t))
            for k in ('class','id','alt'):
                if k in a and W.search(a[k]): signs.append(k+':'+W.search(a[k]).group(0).lower())
            for k in ('width','height'):
                if k in a and a[k].isdigit() and int(a[k])<=60: signs.append(k+'<=60')
            pre=h[max(0,m.start()-400):m.start()]
            if re.search(r'class=["\'][^"\']*(author|byline)',pre,re.I): signs.append('near-author')
            mm=list(re.finditer(r'<a\b[^>]*href=["\']([^"\']*)',pre,re.I))
            if mm and '</a' not in pre[mm[-1].end():] and re.search(r'/(author|authors|people|staff|profile|user)s?/',mm[-1].group(1),re.I): signs.append('author-link')
            break
    if signs:
        out['furn-'+kind]+=1
        rows.append((os.path.basename(src)[:12],kind,im[:110],sorted(set(signs))))
print(dict(out))
for r in rows: print(*r)
