#!/usr/bin/env python3
"""A random sample of pages that SHOW an agency or source credit (h/wire7, issue #12).

usage: tools/credit_sample.py OUT_DIR [--closed IDS.txt] [--seed 17] [--n 60] [--half A|B] [--agencies LIST]

The pool: every l3s-gn1 page (less the ids of --closed) and every wcxb-dev
article page whose visible text (tools/credit_audit.py's reading of the raw
HTML, not copydesk's output) has a line that credits a source: "contributed to
this report", a "Source:/Courtesy:/Article from:" label, "With files from", a
news service or "wire reports", a place and a parenthesised source opening a
line ("LONDON (Reuters) -", "(CBS/AP) --"), "originally published in",
"republished from", or a short line (12 words or fewer, or a copyright line)
naming an agency of src/lists/news-agencies.txt (photo-credit lines skipped).
A page in the pool still needs reading: the detector is broad (a nav item
"AP Sports", a marketing page's "agencies"); h/wire7 counted a page in scope
only when it shows a credit of the story itself.

The sample: random.Random(SEED).sample(pool, N); the first half (A) to tune
on, the second (B) to report. For each page of the half: OUT_DIR's record
(credit, dateline, authors, the text's head and tail) and the pool lines
(IN: the set's gold holds the line). OUT_DIR holds l3s.jsonl and wcxb.jsonl
as tools/eval.sh writes them. --agencies: the agency list the pool is read
with (default src/lists/news-agencies.txt; h/wire7's sample was drawn with
main 9843b62's: `git show 9843b62:src/lists/news-agencies.txt > LIST`).
"""
import sys, os, re, json, gzip, random
TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
def opt(name, default=None):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
CLOSED = opt('--closed'); AGENCIES = opt('--agencies', os.path.join(TOP, 'src/lists/news-agencies.txt')); SEED = int(opt('--seed', '17')); N = int(opt('--n', '60')); HALF = opt('--half', 'A')
OUTDIR = args[0]
sys.argv = ['credit_audit', '/dev/null']
sys.path.insert(0, os.path.join(TOP, 'tools'))
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    import credit_audit as A
D = os.environ.get('CD_DATA', '/work/shared/data')
closed = set(l.strip() for l in open(CLOSED) if l.strip()) if CLOSED else set()
ag = [l.strip() for l in open(AGENCIES) if l.strip() and not l.startswith('#')]
agx = sorted(set(ag), key=len, reverse=True)
AG = re.compile(r'(?<![A-Za-z])(?:' + '|'.join(re.escape(a) for a in agx) + r')(?![A-Za-z])')
SIG = [
 ('contrib', re.compile(r'(?i)contributed to this (report|story|article)|information (for|in) this (report|story)|contributed reporting')),
 ('source', re.compile(r'^(?:Source|SOURCE|Sources|Courtesy|Article from|Story from)\s*[:\-]')),
 ('files', re.compile(r'(?i)^[-—–]?\s*with files from')),
 ('service', re.compile(r'News Services?|NEWS SERVICE|[Ww]ire [Rr]eports|^\W{0,3}(?:With )?[Aa]gencies\W{0,3}$|[Ss]taff and [Aa]gencies|[Aa]gencies contributed')),
 ('dl-paren', re.compile(r'^(?:[A-Z][A-Z.\'-]+(?: [A-Z][A-Z.\'-]+){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, [A-Z][A-Za-z.]+(?: [A-Z][a-z.]+)?)(?:, [A-Za-z. 0-9]{2,20})?\s*\((?:[A-Z][A-Za-z/&.]*(?: [A-Z][A-Za-z&.]*){0,3})\)\s*(?:--|—|–|-|:|_)')),
 ('paren-open', re.compile(r'^\((?:[A-Z][A-Za-z&.]*(?:[/ ][A-Z][A-Za-z&.]*){0,3})\)\s*(?:--|—|–|-|:|_)')),
 ('provided', re.compile(r'(?i)originally (published|appeared) (in|on|by|at)|(article|story|report|news) (was |is )?provided by|republished (from|with)|reprinted (from|with)')),
]
def sigs(lines):
    out = []
    for i, l in enumerate(lines):
        if re.search(r'(?i)photo|getty|image|picture|©.*photo', l) and not re.search(r'contributed', l): 
            continue
        hit = None
        for n, rx in SIG:
            if rx.search(l): hit = n; break
        if not hit and len(l) < 120:
            m = AG.search(l)
            if m and '/' in l[max(0, m.start()-1):m.end()+1] and not l.startswith('('): m = None
            if m and (len(l.split()) <= 12 or re.match(r'^(©|\(c\)|Copyright)', l, re.I)): hit = 'agency:' + m.group(0)
        if not hit:
            m = AG.search(l[:80])
            if m and re.search(r'\(' + re.escape(m.group(0)) + r'\)', l[:80]): hit = 'paren:' + m.group(0)
        if hit: out.append((i, hit, l[:200]))
    return out
pool = []
for f in sorted(os.listdir(D + '/l3s-gn1/html')):
    pid = f.split('.')[0]
    if pid in closed: continue
    lines = A.visible(gzip.open(D + '/l3s-gn1/html/' + f).read())
    s = sigs(lines)
    if s: pool.append(('l3s', pid, len(lines), s))
meta = json.load(open(D + '/wcxb-dev/metadata.json'))['files']
for pid, m in sorted(meta.items()):
    if m['page_type'] != 'article': continue
    p = D + '/wcxb-dev/html/' + pid + '.html.gz'
    if not os.path.exists(p): continue
    lines = A.visible(gzip.open(p).read())
    s = sigs(lines)
    if s: pool.append(('wcxb', pid, len(lines), s))
print('pool: %d pages (%d l3s-gn1, %d wcxb-dev); seed %d, %d drawn, half %s' % (
    len(pool), sum(1 for p in pool if p[0] == 'l3s'), sum(1 for p in pool if p[0] == 'wcxb'), SEED, N, HALF))
s = random.Random(SEED).sample(pool, N)
base = {}
for f in ('l3s', 'wcxb'):
    for l in open(os.path.join(OUTDIR, '%s.jsonl' % f)):
        r = json.loads(l); pid = r['source'].split('/')[-1].split('.')[0]; base[(f, pid)] = r
half = HALF
rng = range(0, N // 2) if half == 'A' else range(N // 2, N)
for k in rng:
    set_, pid, n, sg = s[k]
    r = base[(set_, pid)]
    g = ''
    if set_ == 'l3s':
        gj = json.load(open(D + '/l3s-gn1/ground-truth/%s.json' % pid))
        g = (gj.get('body') or '') + '\n' + (gj.get('supplemental') or '')
    else:
        gj = json.load(open(D + '/wcxb-dev/ground-truth/%s.json' % pid)); g = gj.get('main_content') or gj.get('ground_truth',{}).get('main_content') or ''
    gn = ' '.join(re.findall(r'[0-9a-z]+', g.lower()))
    print('#%d %s %s lines=%d credit=%r dateline=%r authors=%r' % (k, set_, pid, n, r['credit'], r['dateline'], r['authors']))
    print('   url', gj.get('url'), '| text head:', r['text'][:150].replace('\n', ' / '))
    print('   text tail:', r['text'][-200:].replace('\n', ' / '))
    for i, h, l in sg[:8]:
        ln = ' '.join(re.findall(r'[0-9a-z]+', l.lower()))
        print('   [%d %s %s] %s' % (i, h, 'IN' if ln and ln[:60] in gn else 'out', l[:160]))
    print()
